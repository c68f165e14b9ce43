// The persistent layout cache in the browser: an IndexedDB object store of encoded layouts keyed
// by graph content hash + scope key. Failures (private mode, quota) only lose the cache.
import type { LayoutStore } from '../../core/layout/layout-cache';

const DB = 'scopeview-layouts';
const STORE = 'layouts';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

export async function openLayoutStore(): Promise<LayoutStore | null> {
  if (typeof indexedDB === 'undefined') return null;
  try {
    const open = indexedDB.open(DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE);
    const db = await request(open);
    return {
      async get(key) {
        try {
          const v = await request(db.transaction(STORE, 'readonly').objectStore(STORE).get(key));
          return v instanceof Uint8Array ? v : null;
        } catch {
          return null;
        }
      },
      async put(key, bytes) {
        try {
          await request(db.transaction(STORE, 'readwrite').objectStore(STORE).put(bytes, key));
        } catch {
          // A full or unavailable store costs a re-layout next time, nothing else.
        }
      },
    };
  } catch {
    return null;
  }
}
