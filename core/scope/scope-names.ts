// Every scope of a graph (each proper '/'-prefix of a node name, from discoverScopes; as in the
// hierarchy, embedded ops such as `Mul_22/y` make none) with the scope entry of each node; scope
// strings are decoded once per scope, on demand. Per-edge
// questions ("which scope is this reader in?") then cost an array lookup instead of a string
// slice, which dominated the variable report at 10^6 nodes.
import type { Graph } from '../graph/graph';
import type { SpanTable } from '../graph/span-table';
import { embeddingRoles, scopelessOps } from './embedding';
import { discoverScopes, ROOT_ENTRY } from './scope-paths';

export const ROOT_SCOPE = ROOT_ENTRY;
const decoder = new TextDecoder();

export class ScopeNames {
  readonly table: SpanTable;
  /** Scope entry of each node's parent path (ROOT_SCOPE at the top level). */
  private readonly nodeScope: Int32Array;
  private readonly entryParent: Int32Array;
  private readonly decoded: (string | undefined)[];
  private readonly graph: Graph;

  constructor(graph: Graph) {
    this.graph = graph;
    const paths = discoverScopes(graph, scopelessOps(embeddingRoles(graph)));
    this.table = paths.table;
    this.nodeScope = paths.parentEntry;
    this.entryParent = paths.entryParent;
    this.decoded = new Array<string | undefined>(this.table.count).fill(undefined);
  }

  /** Number of scopes; entries are 0 .. count-1, the root is ROOT_SCOPE. */
  get count(): number {
    return this.table.count;
  }

  /** The scope entry holding node `i`. */
  entryOf(i: number): number {
    return this.nodeScope[i] as number;
  }

  /** The scope entry holding scope `entry` (ROOT_SCOPE for a top-level scope). */
  parentOf(entry: number): number {
    return this.entryParent[entry] as number;
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
