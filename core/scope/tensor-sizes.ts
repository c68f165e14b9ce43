// Tensor sizes for metaedges, from the `_output_shapes` attribute of each edge's source, decoded
// on demand: only the metaedges of scopes somebody expands are sized, so a 10^6-node graph never
// decodes every node's attributes up front.
import { outputShapes } from '../graph/attrs';
import type { Hierarchy } from './hierarchy';

/**
 * Elements in one tensor of the given dims. Unknown sizes (-1, e.g. the batch dimension) count as
 * 1, so `[?, 128]` weighs 128; an unknown rank or a missing `_output_shapes` weighs 1.
 */
export function tensorElements(dims: readonly number[] | null | undefined): number {
  if (!dims) return 1;
  let n = 1;
  for (const d of dims) n *= d < 0 ? 1 : d;
  return n;
}

export class TensorSizes {
  private shapes = new Map<number, (number[] | null)[] | null>();
  private byMetaedge: { start: Int32Array; edges: Int32Array } | null = null;
  private sizes = new Map<number, number>();

  constructor(private readonly hier: Hierarchy) {}

  /** Elements carried by graph edge e (its source's output slot). */
  edgeElements(e: number): number {
    const g = this.hier.graph;
    const src = g.edges.src[e] as number;
    let shapes = this.shapes.get(src);
    if (shapes === undefined) {
      shapes = outputShapes(g.attrEntries(src));
      this.shapes.set(src, shapes);
    }
    return tensorElements(shapes?.[g.edges.srcSlot[e] as number]);
  }

  /** Total elements over the data and reference edges merged into metaedge m (control edges carry none). */
  metaedgeElements(m: number): number {
    const hit = this.sizes.get(m);
    if (hit !== undefined) return hit;
    const idx = this.index();
    const kinds = this.hier.graph.edges.kind;
    let total = 0;
    for (let k = idx.start[m] as number; k < (idx.start[m + 1] as number); k++) {
      const e = idx.edges[k] as number;
      if (kinds[e] !== 1) total += this.edgeElements(e);
    }
    this.sizes.set(m, total);
    return total;
  }

  private index(): { start: Int32Array; edges: Int32Array } {
    if (this.byMetaedge) return this.byMetaedge;
    const of = this.hier.metaedges.ofEdge;
    const count = this.hier.metaedges.count;
    const start = new Int32Array(count + 1);
    for (let e = 0; e < of.length; e++) {
      const m = of[e] as number;
      if (m >= 0) start[m + 1] = (start[m + 1] as number) + 1;
    }
    for (let m = 0; m < count; m++) start[m + 1] = (start[m + 1] as number) + (start[m] as number);
    const fill = start.slice(0, count);
    const edges = new Int32Array(start[count] as number);
    for (let e = 0; e < of.length; e++) {
      const m = of[e] as number;
      if (m < 0) continue;
      edges[fill[m] as number] = e;
      fill[m] = (fill[m] as number) + 1;
    }
    this.byMetaedge = { start, edges };
    return this.byMetaedge;
  }
}
