// Every scope of a graph (each proper '/'-prefix of a node name) in a SpanTable over the name bytes,
// with the scope entry of each node; scope strings are decoded once per scope, on demand. Per-edge
// questions ("which scope is this reader in?") then cost an array lookup instead of a string
// slice, which dominated the variable report at 10^6 nodes.
import type { Graph } from '../graph/graph';
import { SpanTable } from '../graph/span-table';

export const ROOT_SCOPE = -1;
const SLASH = 47;
const decoder = new TextDecoder();

export class ScopeNames {
  readonly table: SpanTable;
  /** Scope entry of each node's parent path (ROOT_SCOPE at the top level). */
  private readonly nodeScope: Int32Array;
  private readonly decoded: (string | undefined)[];
  private readonly graph: Graph;

  constructor(graph: Graph) {
    this.graph = graph;
    const { bytes, nameSpan } = graph.columns;
    const n = graph.nodeCount;
    this.table = new SpanTable(bytes, Math.max(16, n >> 2));
    this.nodeScope = new Int32Array(n);
    let prevStart = 0;
    let prevEnd = -1;
    let prevEntry = ROOT_SCOPE;
    for (let i = 0; i < n; i++) {
      const s = nameSpan[2 * i] as number;
      const e = nameSpan[2 * i + 1] as number;
      let p = e - 1;
      while (p > s && bytes[p] !== SLASH) p--;
      if (p <= s) {
        this.nodeScope[i] = ROOT_SCOPE;
        continue;
      }
      // Siblings usually follow each other in graph order: compare with the previous node's scope
      // before hashing.
      if (p - s === prevEnd - prevStart && sameBytes(bytes, s, prevStart, p - s)) {
        this.nodeScope[i] = prevEntry;
        continue;
      }
      const entry = this.addWithAncestors(bytes, s, p, i);
      this.nodeScope[i] = entry;
      prevStart = s;
      prevEnd = p;
      prevEntry = entry;
    }
    this.decoded = new Array<string | undefined>(this.table.count).fill(undefined);
  }

  /**
   * Adds bytes[s, p) and its ancestors until one is already known; returns the entry of [s, p).
   * Each entry's value is a node whose name starts with it, to slice the scope string from.
   */
  private addWithAncestors(bytes: Uint8Array, s: number, p: number, node: number): number {
    const before = this.table.count;
    const entry = this.table.add(s, p, node);
    if (entry < before) return entry;
    for (let q = p - 1; ; q--) {
      while (q > s && bytes[q] !== SLASH) q--;
      if (q <= s) return entry;
      const known = this.table.count;
      if (this.table.add(s, q, node) < known) return entry;
    }
  }

  /** Number of scopes; entries are 0 .. count-1, the root is ROOT_SCOPE. */
  get count(): number {
    return this.table.count;
  }

  /** The scope entry holding node `i`. */
  entryOf(i: number): number {
    return this.nodeScope[i] as number;
  }

  /** The path of a scope entry ('' for ROOT_SCOPE). */
  name(entry: number): string {
    if (entry === ROOT_SCOPE) return '';
    let s = this.decoded[entry];
    if (s === undefined) {
      const { starts, ends, values, buf } = this.table;
      const start = starts[entry] as number;
      const end = ends[entry] as number;
      const node = values[entry] as number;
      const { nameSpan } = this.graph.columns;
      const full = this.graph.name(node);
      // An ASCII name has as many UTF-16 units as bytes: slice the existing string (cheaper than
      // decoding); otherwise decode the bytes.
      s = full.length === (nameSpan[2 * node + 1] as number) - (nameSpan[2 * node] as number) ? full.slice(0, end - start) : decoder.decode(buf.subarray(start, end));
      this.decoded[entry] = s;
    }
    return s;
  }

  /** The scope of node `i`: its name up to the last '/', '' at the root. */
  scopeOf(i: number): string {
    return this.name(this.entryOf(i));
  }
}

function sameBytes(bytes: Uint8Array, a: number, b: number, len: number): boolean {
  for (let k = len - 1; k >= 0; k--) if (bytes[a + k] !== bytes[b + k]) return false;
  return true;
}
