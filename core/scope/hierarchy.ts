// The scope hierarchy of one graph: scopes (metanodes), op nodes and series as integer ids with
// typed-array columns, children in CSR form, and metaedges stored at the lowest common ancestor of
// their endpoints. Built by build-hierarchy.ts; queried incrementally (one scope at a time).
import { groupByKey } from '../graph/csr';
import type { Graph } from '../graph/graph';
import type { Embedding, RoutedEdges } from './embedding';

export const H_SCOPE = 0;
export const H_OP = 1;
export const H_SERIES = 2;
export type HNodeKind = typeof H_SCOPE | typeof H_OP | typeof H_SERIES;
export const H_KIND_NAMES = ['scope', 'op', 'series'] as const;

/** Metaedges: edges lifted to their lowest common ancestor and merged per (child a → child b). */
export interface MetaEdges {
  readonly count: number;
  /** Source and destination hierarchy nodes (children of `lca`). */
  readonly src: Int32Array;
  readonly dst: Int32Array;
  readonly lca: Int32Array;
  readonly data: Int32Array;
  readonly control: Int32Array;
  readonly ref: Int32Array;
  /** Metaedges of scope s are ids byLca[byLcaStart[s] .. byLcaStart[s+1]). */
  readonly byLcaStart: Int32Array;
  readonly byLca: Int32Array;
  /** For each routed edge (Hierarchy.routed): its metaedge, or -1 (both ends in one node). */
  readonly ofEdge: Int32Array;
}

export interface HierarchyColumns {
  readonly kind: Uint8Array;
  readonly parent: Int32Array;
  readonly names: readonly string[];
  /** Graph node of an op hierarchy node, else -1. */
  readonly opNode: Int32Array;
  /** Graph node → its op hierarchy node, or -1 when embedded. */
  readonly hnodeOf: Int32Array;
  /** Graph node → the first graph node (in graph order) it is embedded in, or -1. */
  readonly embeddedIn: Int32Array;
  /** Every host of every embedded node. */
  readonly embedding: Embedding;
  /** The graph's edges after embedding, between graph nodes that have hierarchy nodes. */
  readonly routed: RoutedEdges;
  /** Op type of series nodes (their members share it). */
  readonly seriesOp: ReadonlyMap<number, string>;
}

export class Hierarchy {
  readonly graph: Graph;
  readonly kind: Uint8Array;
  readonly parent: Int32Array;
  readonly names: readonly string[];
  readonly opNode: Int32Array;
  readonly hnodeOf: Int32Array;
  readonly embeddedIn: Int32Array;
  readonly embedding: Embedding;
  readonly routed: RoutedEdges;
  readonly childStart: Int32Array;
  readonly childList: Int32Array;
  readonly depth: Uint16Array;
  /** DFS preorder number and subtree size: descendants of s have pre in [pre[s], pre[s] + size[s]). */
  readonly pre: Int32Array;
  readonly size: Int32Array;
  /** The inverse of `pre`: preOrder[p] is the node numbered p. */
  readonly preOrder: Int32Array;
  /** Op nodes in each node's subtree (1 for an op; a series counts its members). */
  readonly opCount: Int32Array;
  readonly metaedges: MetaEdges;
  private readonly seriesOps: ReadonlyMap<number, string>;
  private byName: Map<string, number> | null = null;

  constructor(graph: Graph, cols: HierarchyColumns, metaedges: MetaEdges) {
    this.graph = graph;
    this.kind = cols.kind;
    this.parent = cols.parent;
    this.names = cols.names;
    this.opNode = cols.opNode;
    this.hnodeOf = cols.hnodeOf;
    this.embeddedIn = cols.embeddedIn;
    this.embedding = cols.embedding;
    this.routed = cols.routed;
    this.seriesOps = cols.seriesOp;
    this.metaedges = metaedges;
    const n = cols.kind.length;
    const { start, items } = groupByKey(cols.parent, n);
    this.childStart = start;
    this.childList = items;
    this.depth = new Uint16Array(n);
    this.pre = new Int32Array(n);
    this.size = new Int32Array(n);
    this.preOrder = new Int32Array(n);
    this.opCount = new Int32Array(n);
    this.numberTree();
  }

  get count(): number {
    return this.kind.length;
  }

  /** The root scope (name ''). */
  get root(): number {
    return 0;
  }

  children(h: number): Int32Array {
    return this.childList.subarray(this.childStart[h] as number, this.childStart[h + 1] as number);
  }

  /** The graph nodes graph node i is drawn inside (graph order); empty when it has a box of its own. */
  hostsOf(i: number): Int32Array {
    const { hostStart, hosts } = this.embedding;
    return hosts.subarray(hostStart[i] as number, hostStart[i + 1] as number);
  }

  /** The op hierarchy node drawing graph node i: its own, or its first host's when embedded. */
  holder(i: number): number {
    const host = this.embeddedIn[i] as number;
    return this.hnodeOf[host >= 0 ? host : i] as number;
  }

  /** Op type of an op or series node; null for scopes. */
  op(h: number): string | null {
    const k = this.kind[h];
    if (k === H_OP) return this.graph.op(this.opNode[h] as number);
    if (k === H_SERIES) return this.seriesOps.get(h) ?? null;
    return null;
  }

  name(h: number): string {
    return this.names[h] ?? '';
  }

  /** The hierarchy node with this (hierarchical) name, or -1. */
  find(name: string): number {
    if (!this.byName) {
      this.byName = new Map();
      for (let h = 0; h < this.names.length; h++) this.byName.set(this.names[h] as string, h);
    }
    return this.byName.get(name) ?? -1;
  }

  /** True when a is b or an ancestor of b. */
  contains(a: number, b: number): boolean {
    const pa = this.pre[a] as number;
    const pb = this.pre[b] as number;
    return pb >= pa && pb < pa + (this.size[a] as number);
  }

  /**
   * Visits the graph node of every op in h's subtree (h itself when it is an op), in preorder: the
   * subtree is a contiguous run of the preorder, so only it is walked.
   */
  forEachOp(h: number, visit: (node: number) => void): void {
    const first = this.pre[h] as number;
    const last = first + (this.size[h] as number);
    for (let p = first; p < last; p++) {
      const x = this.preOrder[p] as number;
      if (this.kind[x] === H_OP) visit(this.opNode[x] as number);
    }
  }

  /** The ancestor of h (or h itself) that is a child of `scope`; -1 when h is not inside scope. */
  childToward(scope: number, h: number): number {
    if (h === scope || !this.contains(scope, h)) return -1;
    let x = h;
    while ((this.parent[x] as number) !== scope) x = this.parent[x] as number;
    return x;
  }

  /** Ids of the metaedges between the children of `scope`. */
  metaedgesOf(scope: number): Int32Array {
    const m = this.metaedges;
    return m.byLca.subarray(m.byLcaStart[scope] as number, m.byLcaStart[scope + 1] as number);
  }

  private numberTree(): void {
    const n = this.count;
    if (n === 0) return;
    // An explicit stack over the CSR arrays: no subarray per node.
    const { childStart, childList, depth, pre, preOrder } = this;
    const stack = new Int32Array(n);
    let top = 0;
    stack[top++] = 0;
    let counter = 0;
    while (top > 0) {
      const h = stack[--top] as number;
      pre[h] = counter;
      preOrder[counter++] = h;
      const d = (depth[h] as number) + 1;
      for (let k = (childStart[h + 1] as number) - 1; k >= (childStart[h] as number); k--) {
        const c = childList[k] as number;
        depth[c] = d;
        stack[top++] = c;
      }
    }
    // Children come after their parent in preorder, so a reverse sweep finishes each child first.
    for (let i = n - 1; i >= 0; i--) {
      const h = this.preOrder[i] as number;
      this.size[h] = (this.size[h] as number) + 1;
      if (this.kind[h] === H_OP) this.opCount[h] = (this.opCount[h] as number) + 1;
      const p = this.parent[h] as number;
      if (p >= 0) {
        this.size[p] = (this.size[p] as number) + (this.size[h] as number);
        this.opCount[p] = (this.opCount[p] as number) + (this.opCount[h] as number);
      }
    }
  }
}
