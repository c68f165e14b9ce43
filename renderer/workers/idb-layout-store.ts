// The persistent layout cache in the browser: an IndexedDB object store of encoded layouts keyed
// by graph content hash + scope key. Failures (private mode, quota) only lose the cache.
import type { LayoutStore } from '../../core/layout/layout-cache';

const DB = 'scopeview-layouts';
const STORE = 'layouts';
const WRITE_DELAY_MS = 300;

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

/** The database with its object store; one created without it (at another version) is upgraded to have it. */
async function openWithStore(version?: number): Promise<IDBDatabase> {
  const open = indexedDB.open(DB, version);
  open.onupgradeneeded = () => {
    if (!open.result.objectStoreNames.contains(STORE)) open.result.createObjectStore(STORE);
  };
  const db = await request(open);
  if (db.objectStoreNames.contains(STORE)) return db;
  db.close();
  return openWithStore(db.version + 1);
}

export async function openLayoutStore(): Promise<LayoutStore | null> {
  if (typeof indexedDB === 'undefined') return null;
  try {
    const db = await openWithStore();
    // Writes wait a moment and go in one transaction: a write transaction also holds back the reads
    // queued after it, and an expansion finishes thousands of scopes.
    let pending: [string, Uint8Array][] = [];
    const flush = (): void => {
      const batch = pending;
      pending = [];
      try {
        const tx = db.transaction(STORE, 'readwrite');
        tx.onerror = (ev) => ev.preventDefault(); // one failed write does not undo the others
        const store = tx.objectStore(STORE);
        for (const [key, bytes] of batch) store.put(bytes, key);
      } catch {
        // A full or unavailable store costs a re-layout next time, nothing else.
      }
    };
    return {
      async getMany(keys) {
        try {
          const store = db.transaction(STORE, 'readonly').objectStore(STORE);
          const values = await Promise.all(keys.map((key) => request(store.get(key))));
          return values.map((v) => (v instanceof Uint8Array ? v : null));
        } catch {
          return keys.map(() => null);
        }
      },
      async put(key, bytes) {
        if (pending.length === 0) setTimeout(flush, WRITE_DELAY_MS);
        pending.push([key, bytes]);
      },
    };
  } catch {
    return null;
  }
}
