// The layout cache in front of a persistent store: the store lists its keys for the cache's
// namespace once, and is read only for keys it listed or the cache put since (none: no round trip);
// a failed listing leaves memory hits only. A Map-backed store counts what it is asked.
import { describe, expect, it } from 'vitest';
import { fastLayout } from './fast-layout';
import { encodeLayout } from './layout-codec';
import { LayoutCache, type LayoutStore } from './layout-cache';
import { DEFAULT_SETTINGS } from './layout-engine';
import type { ScopeLayout } from './types';

const layout = (scope: number): ScopeLayout => fastLayout({
  scope, settings: DEFAULT_SETTINGS, header: 20, aux: [], ownPorts: [], edges: [],
  nodes: [{ id: 100 + scope, width: 40, height: 20, ports: [] }],
}, () => 0, false);

class CountingStore implements LayoutStore {
  readonly saved = new Map<string, Uint8Array>();
  readonly reads: string[][] = [];
  readonly listings: string[] = [];
  /** Set to hold the listing back until the test resolves it, or to make it fail. */
  listing: Promise<void> = Promise.resolve();
  async getMany(keys: readonly string[]): Promise<(Uint8Array | null)[]> {
    this.reads.push([...keys]);
    return keys.map((k) => this.saved.get(k) ?? null);
  }
  async put(key: string, bytes: Uint8Array): Promise<void> {
    this.saved.set(key, bytes);
  }
  async keysUnder(prefix: string): Promise<string[]> {
    this.listings.push(prefix);
    // The keys as they are when the listing is asked for, as IndexedDB lists them: puts that follow
    // are not in it, so the cache must remember them itself.
    const keys = [...this.saved.keys()].filter((k) => k.startsWith(prefix));
    await this.listing;
    return keys;
  }
}

describe('LayoutCache with a store', () => {
  it('lists the namespace once, when made, and reads only the keys the store holds', async () => {
    const store = new CountingStore();
    store.saved.set('ns/b', encodeLayout(layout(2)));
    store.saved.set('other/a', encodeLayout(layout(9)));
    const cache = new LayoutCache(100, store, 'ns');
    expect(store.listings).toEqual(['ns/']);
    const found = await cache.getMany(['a', 'b', 'c']);
    expect([...found.keys()]).toEqual(['b']);
    expect(found.get('b')?.nodeIds).toEqual(Int32Array.from([102]));
    expect(store.reads).toEqual([['ns/b']]);
    await cache.getMany(['a', 'b', 'd']); // b from memory now, a and d not stored: no read
    expect(store.reads).toEqual([['ns/b']]);
    expect(store.listings).toEqual(['ns/']);
  });

  it('makes no store round trip when none of the keys is stored', async () => {
    const store = new CountingStore();
    const cache = new LayoutCache(100, store, 'ns');
    expect((await cache.getMany(['a', 'b'])).size).toBe(0);
    expect(store.reads).toEqual([]);
  });

  it('reads back a key it put, once memory has dropped it, even when put before the listing came', async () => {
    const store = new CountingStore();
    let list = (): void => undefined;
    store.listing = new Promise((resolve) => (list = resolve));
    const cache = new LayoutCache(1, store, 'ns');
    cache.put('a', layout(1));
    cache.put('b', layout(2)); // capacity 1: a leaves memory
    const pending = cache.getMany(['a', 'b']);
    list();
    const found = await pending;
    expect(found.get('a')?.nodeIds).toEqual(Int32Array.from([101]));
    expect(store.reads).toEqual([['ns/a']]);
  });

  it('after a failed listing, still returns memory hits and reads nothing', async () => {
    const store = new CountingStore();
    store.listing = Promise.reject(new Error('IndexedDB unavailable'));
    store.saved.set('ns/b', encodeLayout(layout(2)));
    const cache = new LayoutCache(100, store, 'ns');
    cache.put('a', layout(1));
    const found = await cache.getMany(['a', 'b']);
    expect([...found.keys()]).toEqual(['a']);
    expect(store.reads).toEqual([]);
  });
});
