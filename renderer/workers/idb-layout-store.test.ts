// The layout store's write counts (what tests wait on instead of a time): a batch counts as ended
// only when its transaction completes or aborts, or could not start; a batch started meanwhile
// keeps the counts apart. Listing keys under a prefix asks for that key range. A small stand-in for
// IndexedDB lets the test end transactions itself.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openLayoutStore, type StoreWrites } from './idb-layout-store';

type Range = { readonly lower: string; readonly upper: string };

class FakeTransaction {
  oncomplete: (() => void) | null = null;
  onabort: (() => void) | null = null;
  onerror: ((ev: Event) => void) | null = null;
  readonly keys: string[] = [];
  objectStore() {
    return {
      put: (_bytes: Uint8Array, key: string) => void this.keys.push(key),
      getAllKeys: (range: Range) => {
        ranges.push(range);
        const request: { result: unknown; onsuccess: (() => void) | null; onerror: (() => void) | null } = { result: null, onsuccess: null, onerror: null };
        request.result = [...storedKeys].filter((k) => k >= range.lower && k <= range.upper).sort();
        queueMicrotask(() => request.onsuccess?.());
        return request;
      },
    };
  }
}

let transactions: FakeTransaction[];
let failNext: boolean;
let storedKeys: string[];
let ranges: Range[];

const db = {
  version: 1,
  objectStoreNames: { contains: () => true },
  close: () => undefined,
  transaction(): FakeTransaction {
    if (failNext) {
      failNext = false;
      throw new Error('QuotaExceededError');
    }
    const tx = new FakeTransaction();
    transactions.push(tx);
    return tx;
  },
};

const fakeIndexedDb = {
  open() {
    const request: { result: unknown; onsuccess: (() => void) | null; onupgradeneeded: (() => void) | null } = { result: db, onsuccess: null, onupgradeneeded: null };
    queueMicrotask(() => request.onsuccess?.());
    return request;
  },
};

beforeEach(() => {
  transactions = [];
  failNext = false;
  storedKeys = [];
  ranges = [];
  vi.stubGlobal('indexedDB', fakeIndexedDb);
  vi.stubGlobal('IDBKeyRange', { bound: (lower: string, upper: string): Range => ({ lower, upper }) });
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function open(): Promise<{ put(key: string): void; heard: StoreWrites[] }> {
  const heard: StoreWrites[] = [];
  const store = await openLayoutStore((w) => heard.push(w));
  if (!store) throw new Error('the store did not open');
  return { put: (key) => void store.put(key, new Uint8Array(1)), heard };
}

describe('layout store write counts', () => {
  it('says a batch started, and that it ended only when its transaction completes', async () => {
    const s = await open();
    s.put('a');
    s.put('b');
    s.put('c');
    expect(s.heard).toEqual([{ queued: 1, ended: 0 }]);
    vi.runOnlyPendingTimers();
    expect(transactions.map((t) => t.keys)).toEqual([['a', 'b', 'c']]);
    expect(s.heard).toHaveLength(1); // written, not yet committed
    transactions[0]?.oncomplete?.();
    expect(s.heard.at(-1)).toEqual({ queued: 3, ended: 3 });
  });

  it('keeps the counts apart while a later batch waits, and counts an aborted batch as ended', async () => {
    const s = await open();
    s.put('a');
    vi.runOnlyPendingTimers();
    s.put('b');
    expect(s.heard.at(-1)).toEqual({ queued: 2, ended: 0 });
    transactions[0]?.oncomplete?.();
    expect(s.heard.at(-1)).toEqual({ queued: 2, ended: 1 });
    vi.runOnlyPendingTimers();
    transactions[1]?.onabort?.();
    transactions[1]?.oncomplete?.(); // never counted twice
    expect(s.heard.at(-1)).toEqual({ queued: 2, ended: 2 });
    expect(s.heard).toHaveLength(4);
  });

  it('counts a batch whose transaction could not start as ended at once', async () => {
    const s = await open();
    s.put('a');
    failNext = true;
    vi.runOnlyPendingTimers();
    expect(transactions).toHaveLength(0);
    expect(s.heard.at(-1)).toEqual({ queued: 1, ended: 1 });
  });
});

describe('layout store listing', () => {
  it('lists the keys under a prefix through that key range, and rejects when it cannot read', async () => {
    storedKeys = ['v1/a/0/x', 'v1/a/0/y:1', 'v1/a/1/x', 'v1/a/0', 'v1/b/0/x'];
    const store = await openLayoutStore();
    if (!store) throw new Error('the store did not open');
    expect(await store.keysUnder('v1/a/0/')).toEqual(['v1/a/0/x', 'v1/a/0/y:1']);
    expect(ranges).toEqual([{ lower: 'v1/a/0/', upper: 'v1/a/0/\uffff' }]);
    failNext = true;
    await expect(store.keysUnder('v1/a/0/')).rejects.toThrow('QuotaExceededError');
  });
});
