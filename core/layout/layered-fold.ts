// Folding a very deep component of the layered layout (a long chain, such as a Keras model's layers
// at the top level) into side-by-side columns of consecutive layers, cut where the fewest edges
// cross. Edges that go on to the next column leave over the top of their column, run down the gap
// beside it and enter the next one from below, each in its own lane.
import { chooseCuts, COLUMN_GAP } from './column-wrap';

/** A component laid out on its own: items' centres and layer bands, relative to its top-left corner, flow downwards. */
export interface PlacedComponent {
  readonly children: readonly number[];
  readonly x: Float64Array;
  /** Width of each item (0 for bends and ports). */
  readonly widths: Float64Array;
  readonly layerOf: Int32Array;
  readonly bandTop: Float64Array;
  readonly bandHeight: Float64Array;
  readonly width: number;
  readonly height: number;
  /** Per carrier of the component: its items from the upper layer down, one per layer. */
  readonly chains: Map<number, readonly number[]>;
  /** Input child index to item. */
  readonly itemOf: Map<number, number>;
  /** Own port index to its item (ports that carry an edge of the component). */
  readonly portItem: Map<number, number>;
}

/** Where each layer goes once folded; coordinates along the flow still run downwards. */
export interface Fold {
  /** Column of each layer. */
  readonly columnOf: Int32Array;
  /** Per column: added to an item's x, and to a point's position along the flow. */
  readonly dx: Float64Array;
  readonly dy: Float64Array;
  /** Per carrier that goes on to a later column: its lane's x in the gap after each column it leaves. */
  readonly lanes: Map<number, number[]>;
  /** Per column: how far along the flow its last band ends. */
  readonly columnEnd: Float64Array;
  readonly width: number;
  readonly height: number;
}

/** Layers below which a component is never folded, and how many times taller than wide it must be. */
const FOLD_MIN_LAYERS = 40;
const FOLD_RATIO = 4;

/** The fold of `p` (laid out with `gap` between layers), or null when it is not deep and thin enough to need one. */
export function foldComponent(p: PlacedComponent, gap: number): Fold | null {
  const depth = p.bandTop.length;
  if (depth < FOLD_MIN_LAYERS || p.height <= FOLD_RATIO * p.width) return null;
  const lo = new Float64Array(depth).fill(Infinity);
  const hi = new Float64Array(depth).fill(-Infinity);
  for (let v = 0; v < p.x.length; v++) {
    const L = p.layerOf[v] as number;
    if (L < 0 || L >= depth) continue;
    lo[L] = Math.min(lo[L] as number, (p.x[v] as number) - (p.widths[v] as number) / 2);
    hi[L] = Math.max(hi[L] as number, (p.x[v] as number) + (p.widths[v] as number) / 2);
  }
  // Edges crossing the boundary above layer b: chains that start above it and end at or below it.
  const crossing = new Int32Array(depth + 1);
  for (const chain of p.chains.values()) {
    const first = p.layerOf[chain[0] as number] as number;
    crossing[first + 1] = (crossing[first + 1] as number) + 1;
    crossing[first + chain.length] = (crossing[first + chain.length] as number) - 1;
  }
  for (let b = 1; b <= depth; b++) crossing[b] = (crossing[b] as number) + (crossing[b - 1] as number);
  const wrap = chooseCuts({ top: p.bandTop, height: p.bandHeight, lo, hi }, (b) => crossing[b] as number);
  if (wrap.cuts.length === 0) return null;
  const columns = wrap.cuts.length + 1;
  const columnOf = new Int32Array(depth);
  const dx = new Float64Array(columns);
  const dy = new Float64Array(columns);
  const columnEnd = new Float64Array(columns);
  const right = new Float64Array(columns);
  let x = 0;
  let tallest = 0;
  for (let c = 0; c < columns; c++) {
    const from = c === 0 ? 0 : (wrap.cuts[c - 1] as number);
    const to = c < wrap.cuts.length ? (wrap.cuts[c] as number) : depth;
    let left = Infinity;
    let rightmost = -Infinity;
    for (let L = from; L < to; L++) {
      columnOf[L] = c;
      left = Math.min(left, lo[L] as number);
      rightmost = Math.max(rightmost, hi[L] as number);
    }
    if (c > 0) x += COLUMN_GAP;
    dx[c] = x - left;
    dy[c] = gap / 2 - (p.bandTop[from] as number);
    columnEnd[c] = gap / 2 + (p.bandTop[to - 1] as number) + (p.bandHeight[to - 1] as number) - (p.bandTop[from] as number);
    x += rightmost - left;
    right[c] = x;
    tallest = Math.max(tallest, (columnEnd[c] as number) + gap / 2);
  }
  return { columnOf, dx, dy, lanes: lanesOf(p, wrap.cuts, columnOf, right, dx), columnEnd, width: x, height: tallest };
}

/** Lanes in each gap, ordered as the carriers' items in the column's last layer, so that they do not cross on the way in. */
function lanesOf(p: PlacedComponent, cuts: readonly number[], columnOf: Int32Array, right: Float64Array, dx: Float64Array): Map<number, number[]> {
  const lanes = new Map<number, number[]>();
  cuts.forEach((b, c) => {
    const through: { carrier: number; x: number }[] = [];
    for (const [carrier, chain] of p.chains) {
      const first = p.layerOf[chain[0] as number] as number;
      if (first < b && first + chain.length - 1 >= b) through.push({ carrier, x: (p.x[chain[b - 1 - first] as number] as number) + (dx[columnOf[b - 1] as number] as number) });
    }
    through.sort((s, t) => s.x - t.x || s.carrier - t.carrier);
    const step = Math.min(6, (COLUMN_GAP - 12) / Math.max(1, through.length));
    through.forEach((t, i) => {
      const lane = (right[c] as number) + COLUMN_GAP / 2 + (i - (through.length - 1) / 2) * step;
      const list = lanes.get(t.carrier) ?? [];
      list.push(lane);
      lanes.set(t.carrier, list);
    });
  });
  return lanes;
}
