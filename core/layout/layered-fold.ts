// Folding a very deep component of the layered layout (a long chain, such as a Keras model's layers
// at the top level) into side-by-side columns of consecutive layers, cut where the fewest edges
// cross. Edges that go on to the next column leave past its last layer, run along the gap beside
// it and enter the next one before its first layer, each in its own lane, the lanes nested.
import { chooseCuts, COLUMN_GAP, columnsOf, type Column } from './column-wrap';

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
  /** Where its layers went when it was folded (`width` and `height` are then the folded size). */
  readonly fold?: Fold;
}

/** An edge's way from one column to the next: down (or up) the gap at `x`, turning at `leave` after its column's last layer and at `enter` before the next one's first (positions along the flow, folded). */
export interface Lane {
  readonly x: number;
  readonly leave: number;
  readonly enter: number;
}

/** Where each layer goes once folded; coordinates along the flow still run downwards. */
export interface Fold {
  /** Column of each layer. */
  readonly columnOf: Int32Array;
  /** Per column: added to an item's x, and to a point's position along the flow. */
  readonly dx: Float64Array;
  readonly dy: Float64Array;
  /** Per carrier that goes on to a later column: its lane in each gap it passes, in flow order. */
  readonly lanes: Map<number, Lane[]>;
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
  const units = { top: p.bandTop, height: p.bandHeight, lo, hi };
  const wrap = chooseCuts(units, (b) => crossing[b] as number);
  if (wrap.cuts.length === 0) return null;
  const columns = columnsOf(units, wrap.cuts);
  const columnOf = new Int32Array(depth);
  columns.forEach((c, k) => columnOf.fill(k, c.from, c.to));
  const dx = Float64Array.from(columns, (c) => c.dx);
  // Every column starts half a gap along the flow, leaving room for the lanes' turns.
  const dy = Float64Array.from(columns, (c) => gap / 2 - (p.bandTop[c.from] as number));
  const height = columns.reduce((h, c) => Math.max(h, c.height), 0) + gap;
  return { columnOf, dx, dy, lanes: lanesOf(p, columns, columnOf, dx, gap), width: wrap.width, height };
}

/**
 * Lanes in each gap, nested so that they do not cross: the edge leaving nearest the gap takes the
 * lane nearest its column and turns first on both ends; the others go round it, further out.
 */
function lanesOf(p: PlacedComponent, columns: readonly Column[], columnOf: Int32Array, dx: Float64Array, gap: number): Map<number, Lane[]> {
  const lanes = new Map<number, Lane[]>();
  for (let c = 0; c + 1 < columns.length; c++) {
    const col = columns[c] as Column;
    const b = (columns[c + 1] as Column).from;
    const through: { carrier: number; x: number }[] = [];
    for (const [carrier, chain] of p.chains) {
      const first = p.layerOf[chain[0] as number] as number;
      if (first < b && first + chain.length - 1 >= b) through.push({ carrier, x: (p.x[chain[b - 1 - first] as number] as number) + (dx[columnOf[b - 1] as number] as number) });
    }
    through.sort((s, t) => t.x - s.x || s.carrier - t.carrier);
    const m = through.length;
    const step = Math.min(6, (COLUMN_GAP - 12) / Math.max(1, m));
    through.forEach((t, r) => {
      const turn = ((gap / 2) * (r + 1)) / (m + 1);
      const lane: Lane = { x: col.left + col.width + COLUMN_GAP / 2 + (r - (m - 1) / 2) * step, leave: gap / 2 + col.height + turn, enter: turn };
      const list = lanes.get(t.carrier) ?? [];
      list.push(lane);
      lanes.set(t.carrier, list);
    });
  }
  return lanes;
}
