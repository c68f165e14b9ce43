// Node-name lookup over raw UTF-8 bytes (see span-table.ts for why bytes, not strings).
import { SpanTable } from './span-table';

export class NameIndex {
  private readonly table: SpanTable;

  /** Indexes nodes 0..n-1 whose names are buf[span[2i], span[2i+1]); the first of duplicate names wins. */
  constructor(buf: Uint8Array, span: Uint32Array, n: number) {
    this.table = new SpanTable(buf, n);
    for (let i = 0; i < n; i++) this.table.add(span[2 * i] as number, span[2 * i + 1] as number, i);
  }

  /** Number of distinct names (fewer than the nodes when names repeat). */
  get distinct(): number {
    return this.table.count;
  }

  /** As `lookup`, given the key's hash (see SpanTable.findHashed). */
  lookupHashed(buf: Uint8Array, s: number, e: number, hash: number): number {
    const id = this.table.findHashed(buf, s, e, hash);
    return id < 0 ? -1 : (this.table.values[id] as number);
  }

  /** Index of the node whose name is buf[s, e), or -1. */
  lookup(buf: Uint8Array, s: number, e: number): number {
    const id = this.table.find(buf, s, e);
    return id < 0 ? -1 : (this.table.values[id] as number);
  }
}
