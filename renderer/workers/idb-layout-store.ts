// The persistent layout cache in the browser: an IndexedDB object store of encoded layouts keyed
// by graph content hash + scope key, listed by that prefix. Failures (private mode, quota) only lose
// the cache.
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

/**
 * Layout writes asked for and writes ended (committed, or lost with a failed transaction) since the
 * store opened. Equal counts say that nothing is waiting to be written: a state that stays until
 * the next layout, which tests wait on instead of guessing how long a batch takes.
 */
export interface StoreWrites {
  readonly queued: number;
  readonly ended: number;
}

/** `onWrites` hears the counts when a batch is started and when one ends. */
export async function openLayoutStore(onWrites: (w: StoreWrites) => void = () => undefined): Promise<LayoutStore | null> {
  if (typeof indexedDB === 'undefined') return null;
  try {
    const db = await openWithStore();
    // Writes wait a moment and go in one transaction: a write transaction also holds back the reads
    // queued after it, and an expansion finishes thousands of scopes.
    let pending: [string, Uint8Array][] = [];
    let queued = 0;
    let ended = 0;
    const flush = (): void => {
      const batch = pending;
      pending = [];
      let done = false;
      // Once per batch: a put that throws may still leave its transaction to end later.
      const end = (): void => {
        if (done) return;
        done = true;
        ended += batch.length;
        onWrites({ queued, ended });
      };
      try {
        const tx = db.transaction(STORE, 'readwrite');
        tx.onerror = (ev) => ev.preventDefault(); // one failed write does not undo the others
        tx.oncomplete = () => end();
        tx.onabort = () => end();
        const store = tx.objectStore(STORE);
        for (const [key, bytes] of batch) store.put(bytes, key);
      } catch {
        // A full or unavailable store costs a re-layout next time, nothing else.
        end();
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
      // A failure rejects: the cache then reads nothing, as when every read fails.
      async keysUnder(prefix) {
        const store = db.transaction(STORE, 'readonly').objectStore(STORE);
        const keys = await request(store.getAllKeys(IDBKeyRange.bound(prefix, `${prefix}\uffff`)));
        return keys.filter((k): k is string => typeof k === 'string');
      },
      async put(key, bytes) {
        pending.push([key, bytes]);
        queued++;
        if (pending.length === 1) {
          setTimeout(flush, WRITE_DELAY_MS);
          onWrites({ queued, ended });
        }
      },
    };
  } catch {
    return null;
  }
}
