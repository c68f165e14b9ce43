// Crossing minimisation for the layered layout (layered-layout.ts): the order of each layer of a
// proper layered graph (every segment joins consecutive layers; long edges are chains of dummies).
// Barycentre sweeps down and up, each followed by adjacent swaps (transpose) that lower crossings,
// keeping the best order seen. Work is bounded by counts (sweeps, passes), never by time, so the
// same input always gets the same layout.
import { groupByKey, type Csr } from '../graph/csr';

/** Segments between consecutive layers: `up[s]` in layer L, `down[s]` in layer L + 1, with the offset of each end within its item (in ranks, |offset| < 0.5: where a child's port sits on its box). */
export interface Segments {
  readonly up: Int32Array;
  readonly down: Int32Array;
  readonly offUp: Float64Array;
  readonly offDown: Float64Array;
}

/** Inversions of `a` (pairs i < j with a[i] > a[j]), by merge sort; `a` is sorted in place. */
function inversions(a: Float64Array, tmp: Float64Array, lo: number, hi: number): number {
  if (hi - lo < 2) return 0;
  const mid = (lo + hi) >> 1;
  let count = inversions(a, tmp, lo, mid) + inversions(a, tmp, mid, hi);
  let i = lo;
  let j = mid;
  let k = lo;
  while (i < mid && j < hi) {
    if ((a[j] as number) < (a[i] as number)) {
      count += mid - i;
      tmp[k++] = a[j++] as number;
    } else tmp[k++] = a[i++] as number;
  }
  while (i < mid) tmp[k++] = a[i++] as number;
  while (j < hi) tmp[k++] = a[j++] as number;
  for (k = lo; k < hi; k++) a[k] = tmp[k] as number;
  return count;
}

/** Sweeps (one down and one up each) at most, and transpose passes per layer at most. */
const MAX_SWEEPS = 8;
const MAX_PASSES = 4;
/** Sweeps without a better order before giving up. */
const PATIENCE = 2;

/**
 * Orders `rows` (item ids per layer) in place to lower the crossings of `seg`; returns the
 * crossings of the order kept.
 */
export function orderLayers(rows: number[][], seg: Segments, items: number): number {
  const below = groupByKey(seg.up, items); // segments leaving each item towards layer L + 1
  const above = groupByKey(seg.down, items); // segments reaching each item from layer L - 1
  const pos = new Float64Array(items);
  const layerSegs: number[][] = rows.map(() => []);
  const layerOf = new Int32Array(items);
  rows.forEach((row, L) => row.forEach((v, k) => {
    pos[v] = k;
    layerOf[v] = L;
  }));
  for (let s = 0; s < seg.up.length; s++) (layerSegs[layerOf[seg.up[s] as number] as number] as number[]).push(s);
  const maxSegs = Math.max(1, ...layerSegs.map((l) => l.length));
  const keyA = new Float64Array(maxSegs);
  const keyB = new Float64Array(maxSegs);
  const tmp = new Float64Array(maxSegs);
  const order = new Int32Array(maxSegs);

  const crossingsBelow = (L: number): number => {
    const segs = layerSegs[L] as number[];
    const m = segs.length;
    for (let k = 0; k < m; k++) {
      const s = segs[k] as number;
      keyA[k] = (pos[seg.up[s] as number] as number) + (seg.offUp[s] as number);
      keyB[k] = (pos[seg.down[s] as number] as number) + (seg.offDown[s] as number);
      order[k] = k;
    }
    const idx = Array.from(order.subarray(0, m)).sort((x, y) => (keyA[x] as number) - (keyA[y] as number) || (keyB[x] as number) - (keyB[y] as number));
    const b = new Float64Array(m);
    idx.forEach((x, k) => (b[k] = keyB[x] as number));
    return inversions(b, tmp, 0, m);
  };
  const total = (): number => {
    let c = 0;
    for (let L = 0; L + 1 < rows.length; L++) c += crossingsBelow(L);
    return c;
  };

  /** Sorts a layer by the mean position of its neighbours across `inc` (its items without any keep their place). */
  const sortBy = (row: number[], inc: Csr, other: Int32Array, offOther: Float64Array, offMine: Float64Array): void => {
    const key = new Float64Array(row.length);
    row.forEach((v, k) => {
      let sum = 0;
      const cnt = (inc.start[v + 1] as number) - (inc.start[v] as number);
      for (let j = inc.start[v] as number; j < (inc.start[v + 1] as number); j++) {
        const s = inc.items[j] as number;
        sum += (pos[other[s] as number] as number) + (offOther[s] as number) - (offMine[s] as number);
      }
      key[k] = cnt > 0 ? sum / cnt : k;
    });
    const idx = row.map((_, k) => k).sort((a, b) => (key[a] as number) - (key[b] as number) || a - b);
    const copy = row.slice();
    idx.forEach((k, r) => {
      const v = copy[k] as number;
      row[r] = v;
      pos[v] = r;
    });
  };

  /** Crossings among the segments of u and v (u left of v) on one side: pairs whose far ends are reversed, and (second) those that would be if u and v swapped. */
  const pairCost = (u: number, v: number, inc: Csr, other: Int32Array, offOther: Float64Array): [number, number] => {
    let now = 0;
    let swapped = 0;
    for (let a = inc.start[u] as number; a < (inc.start[u + 1] as number); a++) {
      const s = inc.items[a] as number;
      const xs = (pos[other[s] as number] as number) + (offOther[s] as number);
      for (let b = inc.start[v] as number; b < (inc.start[v + 1] as number); b++) {
        const t = inc.items[b] as number;
        const xt = (pos[other[t] as number] as number) + (offOther[t] as number);
        if (xs > xt) now++;
        else if (xs < xt) swapped++;
      }
    }
    return [now, swapped];
  };

  const transpose = (row: number[]): void => {
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      let improved = false;
      for (let k = 0; k + 1 < row.length; k++) {
        const u = row[k] as number;
        const v = row[k + 1] as number;
        const [a1, a2] = pairCost(u, v, above, seg.up, seg.offUp);
        const [b1, b2] = pairCost(u, v, below, seg.down, seg.offDown);
        if (a2 + b2 < a1 + b1) {
          row[k] = v;
          row[k + 1] = u;
          pos[v] = k;
          pos[u] = k + 1;
          improved = true;
        }
      }
      if (!improved) break;
    }
  };

  let best = rows.map((r) => r.slice());
  let bestC = total();
  let stale = 0;
  for (let sweep = 0; sweep < MAX_SWEEPS && bestC > 0 && stale < PATIENCE; sweep++) {
    for (let L = 1; L < rows.length; L++) {
      sortBy(rows[L] as number[], above, seg.up, seg.offUp, seg.offDown);
      transpose(rows[L] as number[]);
    }
    for (let L = rows.length - 2; L >= 0; L--) {
      sortBy(rows[L] as number[], below, seg.down, seg.offDown, seg.offUp);
      transpose(rows[L] as number[]);
    }
    const c = total();
    if (c < bestC) {
      best = rows.map((r) => r.slice());
      bestC = c;
      stale = 0;
    } else stale++;
  }
  best.forEach((r, L) => {
    rows[L] = r;
  });
  return bestC;
}
