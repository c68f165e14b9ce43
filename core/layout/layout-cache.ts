// Layout cache: per (scope, expansion state of its subtree), in memory (LRU) and, when
// a store is given, persisted under the graph's content hash so that reopening a file restores
// its layouts; the store is read only for keys it lists under that namespace. Keys are
// Merkle-style: a scope's key hashes its id with its open children's keys, so expanding or
// collapsing a scope changes the keys of that scope's ancestors only.
import { decodeLayout, encodeLayout } from './layout-codec';
import type { ScopeLayout } from './types';

/**
 * Where persisted layouts live (IndexedDB in the app, a Map elsewhere). Reads come in batches: an
 * expansion asks for thousands of scopes at once, and one IndexedDB transaction per scope cost
 * seconds of round trips while the layout workers waited.
 */
export interface LayoutStore {
  /** The stored bytes of each key, in order (null where absent). */
  getMany(keys: readonly string[]): Promise<(Uint8Array | null)[]>;
  put(key: string, bytes: Uint8Array): Promise<void>;
  /**
   * The stored keys that start with `prefix`, in one round trip: reading every key of an expansion,
   * most or all of them absent, cost 47-56 ms of IndexedDB on a fresh graph before any layout began.
   */
  keysUnder(prefix: string): Promise<string[]>;
}

/** 52-bit FNV-style hash of a string, as a base-36 string (collisions are negligible at cache sizes). */
export function hashString(s: string): string {
  let lo = 0x811c9dc5;
  let hi = 0x050c5d1f;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    lo = Math.imul(lo ^ c, 0x01000193);
    hi = Math.imul(hi ^ c ^ (lo >>> 7), 0x01000193);
  }
  return ((hi >>> 0) * 2 ** 20 + ((lo >>> 0) & 0xfffff)).toString(36);
}

/** Key of an open scope from its id and its open children's keys (in child order). */
export function scopeKey(scope: number, openChildKeys: readonly string[]): string {
  return openChildKeys.length === 0 ? `${scope}` : `${scope}:${hashString(openChildKeys.join(','))}`;
}

/** Content hash of a byte buffer (the graph's file bytes): FNV-1a over 32-bit words, two lanes. */
export function contentHash(bytes: Uint8Array): string {
  let a = 0x811c9dc5;
  let b = 0x27d4eb2f;
  const words = bytes.length >>> 2;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < words; i++) {
    const w = view.getUint32(4 * i, true);
    a = Math.imul(a ^ w, 0x01000193);
    b = Math.imul(b ^ (w >>> 16) ^ (w << 16), 0x85ebca6b);
  }
  for (let i = words * 4; i < bytes.length; i++) a = Math.imul(a ^ (bytes[i] as number), 0x01000193);
  return `${(a >>> 0).toString(36)}${(b >>> 0).toString(36)}-${bytes.length}`;
}

export class LayoutCache {
  private readonly memory = new Map<string, ScopeLayout>();
  /** Keys (without the namespace) the store holds: what it listed and what was put since. */
  private readonly stored = new Set<string>();
  /** Whether the store listed its keys (false: it failed, and is not read). */
  private readonly listed: Promise<boolean>;

  constructor(
    private readonly capacity = 4000,
    private readonly store: LayoutStore | null = null,
    /** Namespace of the persisted entries: the graph's content hash (plus graph index). */
    private readonly namespace = '',
  ) {
    // Listed once, now: the first expansion follows soon and should find the listing done.
    this.listed = store ? this.list(store) : Promise.resolve(false);
  }

  private async list(store: LayoutStore): Promise<boolean> {
    const prefix = `${this.namespace}/`;
    try {
      for (const key of await store.keysUnder(prefix)) this.stored.add(key.slice(prefix.length));
      return true;
    } catch {
      return false; // like a broken store: the layouts it holds are laid out again
    }
  }

  get size(): number {
    return this.memory.size;
  }

  /** Whether `key` is cached in memory or listed by the store, without reading it. */
  async has(key: string): Promise<boolean> {
    if (this.memory.has(key)) return true;
    return this.store !== null && (await this.listed) && this.stored.has(key);
  }

  /**
   * The cached layouts of `keys`: from memory (refreshing their LRU position), the rest read from
   * the store in one batch, only those it lists (none: no round trip). Keys absent from both are
   * absent from the result.
   */
  async getMany(keys: readonly string[]): Promise<Map<string, ScopeLayout>> {
    const found = new Map<string, ScopeLayout>();
    const missing: string[] = [];
    for (const key of keys) {
      const hit = this.memory.get(key);
      if (hit) {
        this.memory.delete(key);
        this.memory.set(key, hit);
        found.set(key, hit);
      } else missing.push(key);
    }
    if (!this.store || missing.length === 0) return found;
    if (!(await this.listed)) return found;
    const reads = missing.filter((key) => this.stored.has(key));
    if (reads.length === 0) return found;
    let read: (Uint8Array | null)[];
    try {
      read = await this.store.getMany(reads.map((key) => `${this.namespace}/${key}`));
    } catch {
      return found; // a broken store only costs a re-layout
    }
    if (!Array.isArray(read)) return found;
    reads.forEach((key, i) => {
      const bytes = read[i];
      const layout = bytes ? decodeLayout(bytes) : null;
      if (!layout) return;
      this.remember(key, layout);
      found.set(key, layout);
    });
    return found;
  }

  /**
   * Remembers a layout at once; the store's write is not waited for (it is an optimisation, and an
   * expansion of thousands of scopes waited on IndexedDB after every one of them).
   */
  put(key: string, layout: ScopeLayout): void {
    this.remember(key, layout);
    if (!this.store) return;
    this.stored.add(key);
    const store = this.store;
    const persist = async (): Promise<void> => {
      try {
        await store.put(`${this.namespace}/${key}`, encodeLayout(layout));
      } catch {
        // The layout is in memory either way.
      }
    };
    void persist();
  }

  private remember(key: string, layout: ScopeLayout): void {
    this.memory.set(key, layout);
    while (this.memory.size > this.capacity) {
      const oldest = this.memory.keys().next().value as string;
      this.memory.delete(oldest);
    }
  }
}
