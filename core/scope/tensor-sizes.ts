// Tensor sizes for metaedges, from the `_output_shapes` attribute of each edge's source, decoded
// on demand: only the metaedges of scopes somebody expands are sized, so a 10^6-node graph never
// decodes every node's attributes up front.
import { outputShapes } from '../graph/attrs';
import { groupByKey, type Csr } from '../graph/csr';
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
  private byMetaedge: Csr | null = null;
  private sizes = new Map<number, number>();

  /** `decode` false: every edge weighs 1, as one without `_output_shapes` does. */
  constructor(private readonly hier: Hierarchy, private readonly decode = true) {}

  /** Elements carried by routed edge r (its graph edge's source output slot). */
  edgeElements(r: number): number {
    if (!this.decode) return 1;
    const g = this.hier.graph;
    const e = this.hier.routed.base[r] as number;
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
    const kinds = this.hier.routed.kind;
    let total = 0;
    for (let k = idx.start[m] as number; k < (idx.start[m + 1] as number); k++) {
      const e = idx.items[k] as number;
      if (kinds[e] !== 1) total += this.edgeElements(e);
    }
    this.sizes.set(m, total);
    return total;
  }

  /** The routed edges merged into metaedge m. */
  edgesOf(m: number): Int32Array {
    const idx = this.index();
    return idx.items.subarray(idx.start[m] as number, idx.start[m + 1] as number);
  }

  /** Routed edges of each metaedge (built on the first size asked for). */
  private index(): Csr {
    this.byMetaedge ??= groupByKey(this.hier.metaedges.ofEdge, this.hier.metaedges.count);
    return this.byMetaedge;
  }
}
