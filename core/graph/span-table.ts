// A hash table keyed by byte ranges of one buffer (FNV-1a, open addressing, typed arrays). Looking
// strings up by their UTF-8 bytes where they lie avoids creating and hashing a JS string per key,
// which dominated both edge resolution and scope discovery at 10^6 nodes.

export function fnv1a(buf: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ (buf[i] as number), 0x01000193);
  return h >>> 0;
}

export class SpanTable {
  /** Key spans, values and key hashes (as int32), by entry id (entries are numbered in insertion order). */
  starts: Int32Array;
  ends: Int32Array;
  values: Int32Array;
  hashes: Int32Array;
  count = 0;
  /**
   * Two int32 per slot: entry id + 1 (0 when empty) and the key's hash. A probe that meets another
   * key is rejected on the hash beside the id, without loading that key's span or bytes: in tables
   * of 10^6 names those loads were cache misses.
   */
  private slots: Int32Array;
  private mask: number;

  constructor(readonly buf: Uint8Array, expected = 16) {
    let size = 16;
    while (size < expected * 2) size *= 2;
    this.slots = new Int32Array(2 * size);
    this.mask = size - 1;
    this.starts = new Int32Array(Math.max(8, expected));
    this.ends = new Int32Array(Math.max(8, expected));
    this.values = new Int32Array(Math.max(8, expected));
    this.hashes = new Int32Array(Math.max(8, expected));
  }

  private equals(entry: number, buf: Uint8Array, s: number, e: number): boolean {
    const es = this.starts[entry] as number;
    const ee = this.ends[entry] as number;
    if (ee - es !== e - s) return false;
    const own = this.buf;
    for (let k = 0; k < e - s; k++) if (own[es + k] !== buf[s + k]) return false;
    return true;
  }

  /** Entry id of the key buf[s, e) (any buffer), or -1. */
  find(buf: Uint8Array, s: number, e: number): number {
    return this.findHashed(buf, s, e, fnv1a(buf, s, e) | 0);
  }

  /** As `find`, given the key's hash (`fnv1a(...) | 0`, e.g. another table's `hashes` entry for the same bytes). */
  findHashed(buf: Uint8Array, s: number, e: number, hash: number): number {
    const slots = this.slots;
    let slot = hash & this.mask;
    for (;;) {
      const cur = slots[2 * slot] as number;
      if (cur === 0) return -1;
      if (slots[2 * slot + 1] === hash && this.equals(cur - 1, buf, s, e)) return cur - 1;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Adds the key this.buf[s, e) with `value` unless present; returns its entry id. */
  add(s: number, e: number, value: number): number {
    if ((this.count + 1) * 2 > this.mask + 1) this.grow();
    const hash = fnv1a(this.buf, s, e) | 0;
    const slots = this.slots;
    let slot = hash & this.mask;
    for (;;) {
      const cur = slots[2 * slot] as number;
      if (cur === 0) break;
      if (slots[2 * slot + 1] === hash && this.equals(cur - 1, this.buf, s, e)) return cur - 1;
      slot = (slot + 1) & this.mask;
    }
    const id = this.count++;
    if (id >= this.starts.length) {
      this.starts = grown(this.starts);
      this.ends = grown(this.ends);
      this.values = grown(this.values);
      this.hashes = grown(this.hashes);
    }
    this.starts[id] = s;
    this.ends[id] = e;
    this.values[id] = value;
    this.hashes[id] = hash;
    slots[2 * slot] = id + 1;
    slots[2 * slot + 1] = hash;
    return id;
  }

  private grow(): void {
    const size = (this.mask + 1) * 2;
    const slots = new Int32Array(2 * size);
    this.mask = size - 1;
    for (let id = 0; id < this.count; id++) {
      const hash = this.hashes[id] as number;
      let slot = hash & this.mask;
      while ((slots[2 * slot] as number) !== 0) slot = (slot + 1) & this.mask;
      slots[2 * slot] = id + 1;
      slots[2 * slot + 1] = hash;
    }
    this.slots = slots;
  }
}

function grown(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
