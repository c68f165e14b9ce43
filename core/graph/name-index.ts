// Node-name lookup over raw UTF-8 bytes: an open-addressing hash table (FNV-1a) in typed arrays.
// Resolving 10^6 inputs through a Map<string, number> cost more than decoding the whole GraphDef
// (V8 must hash each freshly decoded string); hashing the bytes where they lie avoids creating
// those strings at all (docs/PERFORMANCE.md).

export function fnv1a(buf: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ (buf[i] as number), 0x01000193);
  return h >>> 0;
}

export class NameIndex {
  private readonly table: Int32Array;
  private readonly mask: number;

  /** Indexes nodes 0..n-1 whose names are buf[span[2i], span[2i+1]); the first of duplicate names wins. */
  constructor(private readonly buf: Uint8Array, private readonly span: Uint32Array, n: number) {
    let size = 16;
    while (size < n * 2) size *= 2;
    this.table = new Int32Array(size);
    this.mask = size - 1;
    for (let i = 0; i < n; i++) this.insert(i);
  }

  private insert(node: number): void {
    const s = this.span[2 * node] as number;
    const e = this.span[2 * node + 1] as number;
    let slot = fnv1a(this.buf, s, e) & this.mask;
    for (;;) {
      const cur = this.table[slot] as number;
      if (cur === 0) {
        this.table[slot] = node + 1;
        return;
      }
      if (this.equals(cur - 1, this.buf, s, e)) return;
      slot = (slot + 1) & this.mask;
    }
  }

  private equals(node: number, buf: Uint8Array, s: number, e: number): boolean {
    const ns = this.span[2 * node] as number;
    const ne = this.span[2 * node + 1] as number;
    if (ne - ns !== e - s) return false;
    const own = this.buf;
    for (let k = 0; k < e - s; k++) if (own[ns + k] !== buf[s + k]) return false;
    return true;
  }

  /** Index of the node whose name is buf[s, e), or -1. */
  lookup(buf: Uint8Array, s: number, e: number): number {
    let slot = fnv1a(buf, s, e) & this.mask;
    for (;;) {
      const cur = this.table[slot] as number;
      if (cur === 0) return -1;
      if (this.equals(cur - 1, buf, s, e)) return cur - 1;
      slot = (slot + 1) & this.mask;
    }
  }
}
