// The incremental API the canvas uses: expanding a scope returns its children (main and auxiliary
// areas), the metaedges between them, and the bridges — edges crossing the scope's boundary —
// computed from that scope's subtree only, never the whole tree.
import type { Hierarchy } from './hierarchy';
import { TensorSizes } from './tensor-sizes';

export interface Bridge {
  /** Child of the expanded scope holding the inside endpoint. */
  readonly inner: number;
  /** Hierarchy op node outside the scope (the canvas lifts it to whatever is visible). */
  readonly outer: number;
  /** 'in': the edge enters the scope (outer → inner); 'out': it leaves. */
  readonly direction: 'in' | 'out';
  readonly data: number;
  readonly control: number;
  readonly ref: number;
  /** Tensor elements over the data and reference edges (see tensor-sizes.ts). */
  readonly elements: number;
}

/** Sees routed edge `e` merged into `bridge` (the object `bridges` returns). */
export type BridgeEdgeHook = (bridge: Bridge, e: number) => void;

export interface ScopeContents {
  readonly scope: number;
  readonly children: readonly number[];
  readonly auxiliary: readonly number[];
  /** Metaedge ids between the children (see Hierarchy.metaedges). */
  readonly metaedges: Int32Array;
  readonly bridges: readonly Bridge[];
}

/** Routed edges (after embedding) incident to each op hierarchy node, built once per hierarchy. */
class Incidence {
  readonly start: Int32Array;
  readonly edges: Int32Array;
  constructor(hier: Hierarchy) {
    const r = hier.routed;
    const n = hier.count;
    const start = new Int32Array(n + 1);
    const ends = (e: number): [number, number] => [hier.hnodeOf[r.src[e] as number] as number, hier.hnodeOf[r.dst[e] as number] as number];
    for (let e = 0; e < r.count; e++) {
      if ((hier.metaedges.ofEdge[e] as number) < 0) continue;
      const [a, b] = ends(e);
      start[a + 1] = (start[a + 1] as number) + 1;
      start[b + 1] = (start[b + 1] as number) + 1;
    }
    for (let h = 0; h < n; h++) start[h + 1] = (start[h + 1] as number) + (start[h] as number);
    const fill = start.slice(0, n);
    const edges = new Int32Array(start[n] as number);
    for (let e = 0; e < r.count; e++) {
      if ((hier.metaedges.ofEdge[e] as number) < 0) continue;
      for (const x of ends(e)) {
        edges[fill[x] as number] = e;
        fill[x] = (fill[x] as number) + 1;
      }
    }
    this.start = start;
    this.edges = edges;
  }
}

export class ScopeView {
  /** Metaedge and edge sizes from `_output_shapes`, decoded only for what is expanded. */
  readonly sizes: TensorSizes;
  private incidence: Incidence | null = null;

  /** `tensorSizes` false: every edge weighs 1 (as without `_output_shapes`), nothing is decoded. */
  constructor(readonly hier: Hierarchy, readonly auxiliary: Uint8Array, tensorSizes = true) {
    this.sizes = new TensorSizes(hier, tensorSizes);
  }

  /** What the canvas needs to draw `scope` expanded; `onBridgeEdge` sees each routed edge merged into a bridge. */
  expand(scope: number, onBridgeEdge?: BridgeEdgeHook): ScopeContents {
    const h = this.hier;
    const children: number[] = [];
    const auxiliary: number[] = [];
    for (const c of h.children(scope)) (this.auxiliary[c] ? auxiliary : children).push(c);
    return { scope, children, auxiliary, metaedges: h.metaedgesOf(scope), bridges: this.bridges(scope, onBridgeEdge) };
  }

  /** Edges between the subtree of `scope` and the rest of the graph, merged per (inner child, outer node, direction). */
  bridges(scope: number, onEdge?: BridgeEdgeHook): Bridge[] {
    const h = this.hier;
    if (scope === h.root) return [];
    this.incidence ??= new Incidence(h);
    const inc = this.incidence;
    const g = h.routed;
    const first = h.pre[scope] as number;
    const last = first + (h.size[scope] as number);
    // Numeric keys (inner, outer, direction): every scope of a graph is asked, and string keys
    // were most of this loop's time.
    const merged = new Map<number, { inner: number; outer: number; direction: 'in' | 'out'; data: number; control: number; ref: number; elements: number }>();
    const count = h.count;
    // In pre-order, a node's child of `scope` is the last one met (the scope itself has none: -1).
    let inner = -1;
    for (let p = first; p < last; p++) {
      const x = h.preOrder[p] as number;
      if (h.parent[x] === scope) inner = x;
      for (let k = inc.start[x] as number; k < (inc.start[x + 1] as number); k++) {
        const e = inc.edges[k] as number;
        const a = h.hnodeOf[g.src[e] as number] as number;
        const b = h.hnodeOf[g.dst[e] as number] as number;
        const out = a === x;
        const other = out ? b : a;
        const po = h.pre[other] as number;
        if (po >= first && po < last) continue;
        const key = ((inner + 1) * count + other) * 2 + (out ? 1 : 0);
        let m = merged.get(key);
        if (!m) {
          m = { inner, outer: other, direction: out ? 'out' : 'in', data: 0, control: 0, ref: 0, elements: 0 };
          merged.set(key, m);
        }
        const kind = g.kind[e];
        if (kind === 1) m.control++;
        else {
          if (kind === 2) m.ref++;
          else m.data++;
          m.elements += this.sizes.edgeElements(e);
        }
        onEdge?.(m, e);
      }
    }
    return [...merged.values()];
  }

  /** The nearest ancestor-or-self of h that is visible when `expanded` scopes are open (the root always is). */
  visibleAncestor(h: number, expanded: ReadonlySet<number>): number {
    const path: number[] = [];
    for (let x = h; x >= 0; x = this.hier.parent[x] as number) path.push(x);
    // path ends with the root; walk down while the parent is expanded.
    let visible = path[path.length - 1] as number;
    for (let i = path.length - 2; i >= 0; i--) {
      if (!expanded.has(visible) && visible !== this.hier.root) break;
      visible = path[i] as number;
    }
    return visible;
  }
}
