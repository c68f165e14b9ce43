// Where to cut a deep layout into side-by-side columns. Units (layers or bands, in flow order) stay
// in order; each column holds consecutive units and is as wide as its own units, so that one wide
// layer does not widen every column. The number of columns is the one whose drawing comes nearest a
// window's shape.

/** Gap between two columns (the edges that go on to the next column run down its middle). */
export const COLUMN_GAP = 60;
/** The shape a wrapped layout aims for (width / height). */
export const WRAP_ASPECT = 1.6;
/** Most columns tried. */
const MAX_COLUMNS = 64;

/** Units in flow order: each one's start and extent along the flow, and its left and right ends. */
export interface Units {
  readonly top: Float64Array;
  readonly height: Float64Array;
  readonly lo: Float64Array;
  readonly hi: Float64Array;
}

/** A wrapping: `cuts[c]` is the first unit of column c + 1, and the columns' sizes. */
export interface Wrap {
  readonly cuts: readonly number[];
  readonly width: number;
  readonly height: number;
}

/** One column of a wrapping: its units [from, to), how far right it goes (add `dx` to a unit's x), and its size. */
export interface Column {
  readonly from: number;
  readonly to: number;
  /** Added to x: the column's left end lands at its place. */
  readonly dx: number;
  /** Its left end once placed. */
  readonly left: number;
  readonly width: number;
  /** From its first unit's top to its last unit's end. */
  readonly height: number;
}

/** The columns `cuts` make of `u`, left to right with `gap` between them. */
export function columnsOf(u: Units, cuts: readonly number[], gap = COLUMN_GAP): Column[] {
  const n = u.top.length;
  const out: Column[] = [];
  let x = 0;
  [0, ...cuts].forEach((from, c) => {
    const to = c < cuts.length ? (cuts[c] as number) : n;
    if (from >= to) return;
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = from; i < to; i++) {
      lo = Math.min(lo, u.lo[i] as number);
      hi = Math.max(hi, u.hi[i] as number);
    }
    if (!(lo <= hi)) [lo, hi] = [0, 0];
    if (out.length > 0) x += gap;
    out.push({ from, to, dx: x - lo, left: x, width: hi - lo, height: (u.top[to - 1] as number) + (u.height[to - 1] as number) - (u.top[from] as number) });
    x += hi - lo;
  });
  return out;
}

/** The drawing's size with these cuts. */
export function wrapSize(u: Units, cuts: readonly number[], gap = COLUMN_GAP): { width: number; height: number } {
  const columns = columnsOf(u, cuts, gap);
  const last = columns[columns.length - 1];
  return { width: last ? last.left + last.width : 0, height: columns.reduce((h, c) => Math.max(h, c.height), 0) };
}

/**
 * Cuts for each column count from 1 up: consecutive units fill a column up to an even share of the
 * extent left; with `cutCost`, a cut moves back by up to a quarter of its column to the boundary
 * crossed by the fewest edges. Keeps the count whose drawing comes nearest WRAP_ASPECT.
 */
export function chooseCuts(u: Units, cutCost: ((b: number) => number) | null = null, gap = COLUMN_GAP): Wrap {
  const n = u.top.length;
  const one = wrapSize(u, []);
  let best: Wrap = { cuts: [], ...one };
  // Not tall enough for two columns to come nearer a window than one.
  if (n < 2 || one.height <= 1.5 * (one.width + gap)) return best;
  const score = (w: Wrap): number => Math.abs(Math.log(Math.max(1, w.width) / Math.max(1, w.height) / WRAP_ASPECT));
  const total = one.height;
  for (let k = 2; k <= Math.min(MAX_COLUMNS, n); k++) {
    const cuts: number[] = [];
    let from = 0;
    // Each column's share of what is left, so that a cut moved back does not leave a stub at the end.
    let share = total / k;
    for (let b = 1; b < n; b++) {
      if ((u.top[b] as number) + (u.height[b] as number) - (u.top[from] as number) <= share) continue;
      let cut = b;
      if (cutCost) {
        const reach = Math.max(0, Math.floor((b - from) / 4));
        for (let c = b - 1; c >= Math.max(from + 1, b - reach); c--) if (cutCost(c) < cutCost(cut)) cut = c;
      }
      cuts.push(cut);
      from = cut;
      b = cut;
      share = (total - ((u.top[from] as number) - (u.top[0] as number))) / Math.max(1, k - cuts.length);
    }
    const w: Wrap = { cuts, ...wrapSize(u, cuts, gap) };
    if (score(w) < score(best)) best = w;
  }
  return best;
}
