// An open-addressing hash table from pairs of non-negative int32 (a, b) to dense ids, in typed
// arrays. Map<number, number> keyed by a*n+b boxed every key above 2^31 into a heap number, which
// dominated metaedge building at 10^6 nodes.

export class PairTable {
  private keysA: Int32Array;
  private keysB: Int32Array;
  private values: Int32Array;
  private mask: number;
  private used = 0;

  constructor(expected = 1024) {
    let size = 1024;
    while (size < expected * 2) size *= 2;
    this.keysA = new Int32Array(size).fill(-1);
    this.keysB = new Int32Array(size);
    this.values = new Int32Array(size);
    this.mask = size - 1;
  }

  private slot(a: number, b: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b);
    h ^= h >>> 15;
    return h & this.mask;
  }

  /** The id stored for (a, b), or -1. */
  get(a: number, b: number): number {
    let s = this.slot(a, b);
    for (;;) {
      const ka = this.keysA[s] as number;
      if (ka === -1) return -1;
      if (ka === a && this.keysB[s] === b) return this.values[s] as number;
      s = (s + 1) & this.mask;
    }
  }

  /** Stores id for (a, b); the pair must not be present yet. */
  set(a: number, b: number, id: number): void {
    if ((this.used + 1) * 2 > this.keysA.length) this.grow();
    let s = this.slot(a, b);
    while ((this.keysA[s] as number) !== -1) s = (s + 1) & this.mask;
    this.keysA[s] = a;
    this.keysB[s] = b;
    this.values[s] = id;
    this.used++;
  }

  private grow(): void {
    const { keysA, keysB, values } = this;
    this.keysA = new Int32Array(keysA.length * 2).fill(-1);
    this.keysB = new Int32Array(keysA.length * 2);
    this.values = new Int32Array(keysA.length * 2);
    this.mask = this.keysA.length - 1;
    this.used = 0;
    for (let s = 0; s < keysA.length; s++) {
      if ((keysA[s] as number) !== -1) this.set(keysA[s] as number, keysB[s] as number, values[s] as number);
    }
  }
}
