// The browser host: recent items keep a copy of what was opened in IndexedDB (a browser cannot
// reopen a user's file by path), up to a size limit; saving is a download; view state lives in
// localStorage. Copies live in the app's own storage: the user's files are never written.
import type { HostFile } from './file-source';
import type { Host, OpenedInput, RecentItem } from './host';
import { displayUrl } from './open-url';
import { isRemoteFile } from './url-byte-source';

const DB = 'scopeview-recent';
const STORE = 'inputs';
const MAX_ITEMS = 6;
/** Inputs larger than this are not kept (they would crowd the origin's quota). */
const MAX_BYTES = 200 * 1024 * 1024;
const STATE_PREFIX = 'scopeview.view.';

interface StoredInput {
  readonly item: RecentItem;
  readonly files: readonly { path: string; file: HostFile }[];
}

function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

let dbPromise: Promise<IDBDatabase | null> | null = null;
function db(): Promise<IDBDatabase | null> {
  dbPromise ??= (async () => {
    if (typeof indexedDB === 'undefined') return null;
    try {
      const open = indexedDB.open(DB, 1);
      open.onupgradeneeded = () => open.result.createObjectStore(STORE);
      return await req(open);
    } catch {
      return null;
    }
  })();
  return dbPromise;
}

async function all(): Promise<StoredInput[]> {
  const d = await db();
  if (!d) return [];
  try {
    const values = (await req(d.transaction(STORE, 'readonly').objectStore(STORE).getAll())) as StoredInput[];
    return values.sort((a, b) => b.item.openedAt - a.item.openedAt);
  } catch {
    return [];
  }
}

function keyOf(input: OpenedInput): string {
  const size = input.files.reduce((n, f) => n + f.file.size, 0);
  return `${input.folder ? 'folder' : 'file'}:${input.name}:${input.files.length}:${size}`;
}

export function browserHost(): Host {
  return {
    kind: 'browser',
    async recent() {
      return (await all()).map((s) => s.item);
    },
    async remember(input) {
      const d = await db();
      const size = input.files.reduce((n, f) => n + f.file.size, 0);
      if (!d || size > MAX_BYTES) return;
      // A URL that carries a query may carry a signature or token: such inputs are not stored.
      if (input.files.some((f) => isRemoteFile(f.file) && f.file.url !== displayUrl(new URL(f.file.url)))) return;
      const key = keyOf(input);
      const stored: StoredInput = { item: { key, name: input.name, openedAt: Date.now(), folder: input.folder }, files: input.files.map((f) => ({ path: f.path, file: f.file })) };
      try {
        await req(d.transaction(STORE, 'readwrite').objectStore(STORE).put(stored, key));
        const items = await all();
        for (const old of items.slice(MAX_ITEMS)) await req(d.transaction(STORE, 'readwrite').objectStore(STORE).delete(old.item.key));
      } catch {
        // Quota or private mode: the item is simply not remembered.
      }
    },
    async reopen(key) {
      const d = await db();
      if (!d) return null;
      const s = (await req(d.transaction(STORE, 'readonly').objectStore(STORE).get(key))) as StoredInput | undefined;
      if (!s) return null;
      return { name: s.item.name, folder: s.item.folder, files: s.files };
    },
    async forget(key) {
      const d = await db();
      if (d) await req(d.transaction(STORE, 'readwrite').objectStore(STORE).delete(key));
    },
    async save(name, data) {
      const url = URL.createObjectURL(data);
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.rel = 'noopener';
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    loadState(key) {
      try {
        const raw = localStorage.getItem(STATE_PREFIX + key);
        return raw === null ? null : (JSON.parse(raw) as unknown);
      } catch {
        return null;
      }
    },
    saveState(key, state) {
      try {
        localStorage.setItem(STATE_PREFIX + key, JSON.stringify(state));
      } catch {
        // Storage full: the view state is not restored next time.
      }
    },
  };
}
