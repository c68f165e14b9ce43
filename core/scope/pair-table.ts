// An open-addressing hash table from pairs of non-negative int32 (a, b) to dense ids, in one typed
// array. Map<number, number> keyed by a*n+b boxed every key above 2^31 into a heap number, which
// dominated metaedge building at 10^6 nodes; a, b and the id of a slot sit side by side, so a
// probe into a table of millions of slots costs one cache miss instead of three.

/** Int32s per slot: a (-1 when empty), b, id. */
const SLOT = 3;

export class PairTable {
  private slots: Int32Array;
  private mask: number;
  private used = 0;

  constructor(expected = 1024) {
    let size = 1024;
    while (size < expected * 2) size *= 2;
    this.slots = PairTable.empty(size);
    this.mask = size - 1;
  }

  private static empty(size: number): Int32Array {
    const slots = new Int32Array(size * SLOT);
    for (let s = 0; s < slots.length; s += SLOT) slots[s] = -1;
    return slots;
  }

  private slot(a: number, b: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b);
    h ^= h >>> 15;
    return h & this.mask;
  }

  /** The id stored for (a, b), or -1. */
  get(a: number, b: number): number {
    const slots = this.slots;
    let s = this.slot(a, b);
    for (;;) {
      const ka = slots[s * SLOT] as number;
      if (ka === -1) return -1;
      if (ka === a && slots[s * SLOT + 1] === b) return slots[s * SLOT + 2] as number;
      s = (s + 1) & this.mask;
    }
  }

  /** Stores id for (a, b); the pair must not be present yet. */
  set(a: number, b: number, id: number): void {
    if ((this.used + 1) * 2 > this.mask + 1) this.grow();
    const slots = this.slots;
    let s = this.slot(a, b);
    while ((slots[s * SLOT] as number) !== -1) s = (s + 1) & this.mask;
    slots[s * SLOT] = a;
    slots[s * SLOT + 1] = b;
    slots[s * SLOT + 2] = id;
    this.used++;
  }

  private grow(): void {
    const old = this.slots;
    const size = (this.mask + 1) * 2;
    this.slots = PairTable.empty(size);
    this.mask = size - 1;
    this.used = 0;
    for (let s = 0; s < old.length; s += SLOT) {
      if ((old[s] as number) !== -1) this.set(old[s] as number, old[s + 1] as number, old[s + 2] as number);
    }
  }
}
