// Crossing minimisation for the layered layout (layered-layout.ts): the order of each layer of a
// proper layered graph (every segment joins consecutive layers; long edges are chains of dummies).
// Barycentre sweeps down and up, each followed by adjacent swaps (transpose) that lower crossings,
// keeping the best order seen. Work is bounded by counts (sweeps, passes), never by time, so the
// same input always gets the same layout.
import { groupByKey, type Csr } from '../graph/csr';
import { sortIndices } from './index-sort';

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

/** Orders the rows of one layered graph (layerOrderer). */
export interface LayerOrderer {
  /** Orders `rows` (item ids per layer) in place to lower the crossings; returns the crossings of the order kept. */
  order(rows: number[][]): number;
  /**
   * Whether the last `order` stopped by itself (no crossings, a fixed point, or no better order
   * within the patience) rather than at the sweep limit: ordering its result again keeps it as it is.
   */
  settled: boolean;
}

/**
 * An ordering of layered items that keep their layers (`layerOf`, `layers` in all), lowering the
 * crossings of `seg`. Set up once, so that several initial orders share the work.
 */
export function layerOrderer(seg: Segments, items: number, layerOf: Int32Array, layers: number): LayerOrderer {
  const below = groupByKey(seg.up, items); // segments leaving each item towards layer L + 1
  const above = groupByKey(seg.down, items); // segments reaching each item from layer L - 1
  const pos = new Float64Array(items);
  const layerSegs: number[][] = Array.from({ length: layers }, () => []);
  for (let s = 0; s < seg.up.length; s++) (layerSegs[layerOf[seg.up[s] as number] as number] as number[]).push(s);
  const maxSegs = Math.max(1, ...layerSegs.map((l) => l.length));
  const keyA = new Float64Array(maxSegs);
  const keyB = new Float64Array(maxSegs);
  const tmp = new Float64Array(maxSegs);
  const order = new Int32Array(maxSegs);
  const orderTmp = new Int32Array(maxSegs);
  const b = new Float64Array(maxSegs);

  const crossingsBelow = (L: number): number => {
    const segs = layerSegs[L] as number[];
    const m = segs.length;
    if (m < 2) return 0;
    for (let k = 0; k < m; k++) {
      const s = segs[k] as number;
      keyA[k] = (pos[seg.up[s] as number] as number) + (seg.offUp[s] as number);
      keyB[k] = (pos[seg.down[s] as number] as number) + (seg.offDown[s] as number);
      order[k] = k;
    }
    sortIndices(order, m, keyA, keyB, orderTmp);
    for (let k = 0; k < m; k++) b[k] = keyB[order[k] as number] as number;
    return inversions(b, tmp, 0, m);
  };
  const total = (): number => {
    let c = 0;
    for (let L = 0; L + 1 < layers; L++) c += crossingsBelow(L);
    return c;
  };

  // Scratch space shared by the calls below (they run millions of times on a large scope, and
  // allocating in them left a tenth of the time to the garbage collector).
  let maxDeg = 1;
  for (let v = 0; v < items; v++) {
    maxDeg = Math.max(maxDeg, (below.start[v + 1] as number) - (below.start[v] as number), (above.start[v + 1] as number) - (above.start[v] as number));
  }
  const farU = new Float64Array(maxDeg);
  const farV = new Float64Array(maxDeg);
  const rowKey = new Float64Array(items);
  const rowIdx = new Int32Array(items);
  const rowTmp = new Int32Array(items);
  const rowCopy = new Int32Array(items);

  /** Sorts a layer by the mean position of its neighbours across `inc` (its items without any keep their place). */
  const sortBy = (row: number[], inc: Csr, other: Int32Array, offOther: Float64Array, offMine: Float64Array): void => {
    const n = row.length;
    for (let k = 0; k < n; k++) {
      const v = row[k] as number;
      let sum = 0;
      const from = inc.start[v] as number;
      const to = inc.start[v + 1] as number;
      for (let j = from; j < to; j++) {
        const s = inc.items[j] as number;
        sum += (pos[other[s] as number] as number) + (offOther[s] as number) - (offMine[s] as number);
      }
      rowKey[k] = to > from ? sum / (to - from) : k;
      rowIdx[k] = k;
      rowCopy[k] = v;
    }
    sortIndices(rowIdx, n, rowKey, null, rowTmp);
    for (let r = 0; r < n; r++) {
      const v = rowCopy[rowIdx[r] as number] as number;
      row[r] = v;
      pos[v] = r;
    }
  };

  /** Far ends of u's segments across `inc`, into `out`; returns how many. */
  const farEnds = (u: number, inc: Csr, other: Int32Array, offOther: Float64Array, out: Float64Array): number => {
    let k = 0;
    for (let a = inc.start[u] as number; a < (inc.start[u + 1] as number); a++, k++) {
      const s = inc.items[a] as number;
      out[k] = (pos[other[s] as number] as number) + (offOther[s] as number);
    }
    return k;
  };
  // pairCost's two answers (not a tuple: it is called for every adjacent pair of every pass).
  let pairNow = 0;
  let pairSwapped = 0;
  /**
   * Crossings among the segments of u and v (u left of v) on one side: pairs whose far ends are
   * reversed (pairNow), and those that would be if u and v swapped (pairSwapped). Above a few pairs,
   * sorted and merged, so that two ports carrying hundreds of edges each do not cost the product of
   * their degrees.
   */
  const pairCost = (u: number, v: number, inc: Csr, other: Int32Array, offOther: Float64Array): void => {
    const du = (inc.start[u + 1] as number) - (inc.start[u] as number);
    const dv = (inc.start[v + 1] as number) - (inc.start[v] as number);
    let now = 0;
    let swapped = 0;
    if (du * dv <= 64) {
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
    } else {
      const xu = farU.subarray(0, farEnds(u, inc, other, offOther, farU)).sort();
      const xv = farV.subarray(0, farEnds(v, inc, other, offOther, farV)).sort();
      let below = 0; // xv[0..below) < x
      let upTo = 0; // xv[0..upTo) <= x
      for (let i = 0; i < xu.length; i++) {
        const x = xu[i] as number;
        while (below < xv.length && (xv[below] as number) < x) below++;
        while (upTo < xv.length && (xv[upTo] as number) <= x) upTo++;
        now += below;
        swapped += xv.length - upTo;
      }
    }
    pairNow = now;
    pairSwapped = swapped;
  };

  const transpose = (row: number[]): void => {
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      let improved = false;
      for (let k = 0; k + 1 < row.length; k++) {
        const u = row[k] as number;
        const v = row[k + 1] as number;
        pairCost(u, v, above, seg.up, seg.offUp);
        let now = pairNow;
        let swapped = pairSwapped;
        pairCost(u, v, below, seg.down, seg.offDown);
        now += pairNow;
        swapped += pairSwapped;
        if (swapped < now) {
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

  // The order before a sweep, item by item: a sweep that changes nothing has reached a fixed point
  // (a sweep's result depends only on the order it starts from), so the sweeps left would repeat it.
  const before = new Int32Array(items);
  const unchanged = (rows: readonly number[][]): boolean => {
    let same = true;
    for (const row of rows) {
      for (let k = 0; k < row.length; k++) {
        const v = row[k] as number;
        if (before[v] !== k) same = false;
        before[v] = k;
      }
    }
    return same;
  };

  const orderer: LayerOrderer = {
    settled: true,
    order(rows) {
      rows.forEach((row) => row.forEach((v, k) => (pos[v] = k)));
      let best = rows.map((r) => r.slice());
      let bestC = total();
      let stale = 0;
      let fixed = false;
      unchanged(rows);
      for (let sweep = 0; sweep < MAX_SWEEPS && bestC > 0 && stale < PATIENCE; sweep++) {
        for (let L = 1; L < rows.length; L++) {
          sortBy(rows[L] as number[], above, seg.up, seg.offUp, seg.offDown);
          transpose(rows[L] as number[]);
        }
        for (let L = rows.length - 2; L >= 0; L--) {
          sortBy(rows[L] as number[], below, seg.down, seg.offDown, seg.offUp);
          transpose(rows[L] as number[]);
        }
        if (unchanged(rows)) {
          fixed = true;
          break;
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
      orderer.settled = fixed || bestC === 0 || stale >= PATIENCE;
      return bestC;
    },
  };
  return orderer;
}

/**
 * The initial order of each layer for try `t`: 0 as given, 1 reversed, then shuffles from a fixed
 * seed (the same input always gets the same layout).
 */
export function startOrder(rows: number[][], t: number): void {
  if (t === 0) return;
  if (t === 1) {
    for (const row of rows) row.reverse();
    return;
  }
  let seed = Math.imul(t, 0x9e3779b1);
  const random = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  for (const row of rows) {
    for (let k = row.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [row[k], row[j]] = [row[j] as number, row[k] as number];
    }
  }
}

/** The segments of `seg` between items that are not ports. */
export function withoutPorts(seg: Segments, isPort: Uint8Array): Segments {
  const keep: number[] = [];
  for (let s = 0; s < seg.up.length; s++) if (!isPort[seg.up[s] as number] && !isPort[seg.down[s] as number]) keep.push(s);
  const pick = <T extends Int32Array | Float64Array>(a: T, out: T): T => {
    keep.forEach((s, k) => (out[k] = a[s] as number));
    return out;
  };
  const m = keep.length;
  return { up: pick(seg.up, new Int32Array(m)), down: pick(seg.down, new Int32Array(m)), offUp: pick(seg.offUp, new Float64Array(m)), offDown: pick(seg.offDown, new Float64Array(m)) };
}

/**
 * Puts a scope's own ports into the first and last rows of `rows`, in the order of the mean
 * position of what they feed in the layers' order (ties: the higher `portRank` first, as ELK breaks
 * them). Set up once per component: its work space serves every try.
 */
export function portPlacer(seg: Segments, isPort: Uint8Array, items: number, portRank: Float64Array): (rows: number[][], inPorts: readonly number[], outPorts: readonly number[]) => void {
  const at = new Float64Array(items);
  const cnt = new Float64Array(items);
  const want = new Float64Array(items);
  const byWant = (a: number, b: number): number => (want[a] as number) / (cnt[a] as number) - (want[b] as number) / (cnt[b] as number) || (portRank[b] as number) - (portRank[a] as number);
  return (rows, inPorts, outPorts) => {
    rows.forEach((row) => row.forEach((v, k) => (at[v] = k)));
    want.fill(0);
    cnt.fill(0);
    for (let s = 0; s < seg.up.length; s++) {
      const a = seg.up[s] as number;
      const b = seg.down[s] as number;
      if (isPort[a]) {
        want[a] = (want[a] as number) + (at[b] as number) + (seg.offDown[s] as number);
        cnt[a] = (cnt[a] as number) + 1;
      }
      if (isPort[b]) {
        want[b] = (want[b] as number) + (at[a] as number) + (seg.offUp[s] as number);
        cnt[b] = (cnt[b] as number) + 1;
      }
    }
    rows[0] = [...inPorts].sort(byWant);
    rows[rows.length - 1] = [...outPorts].sort(byWant);
  };
}

/**
 * Orders `rows` (its first and last rows empty: they receive `inPorts` and `outPorts`, the scope's
 * own ports, whose order along the border is free) from `tries` initial orders, keeping the one
 * with the fewest crossings (the first on ties). Each try orders the layers alone first (free ports
 * must not hold them back), then puts the ports in the order of what they feed (portPlacer), then
 * orders everything together from there.
 */
export function orderWithPorts(rows: number[][], seg: Segments, items: number, inPorts: readonly number[], outPorts: readonly number[], portRank: Float64Array, tries: number): number {
  const isPort = new Uint8Array(items);
  for (const v of inPorts) isPort[v] = 1;
  for (const v of outPorts) isPort[v] = 1;
  const noPorts = inPorts.length + outPorts.length === 0;
  const layersOnly = noPorts ? seg : withoutPorts(seg, isPort);
  const last = rows.length - 1;
  const layerOf = new Int32Array(items);
  rows.forEach((row, L) => row.forEach((v) => (layerOf[v] = L)));
  for (const v of inPorts) layerOf[v] = 0;
  for (const v of outPorts) layerOf[v] = last;
  const layersAlone = layerOrderer(layersOnly, items, layerOf, rows.length);
  // Without ports both order the same segments: ordering the layers' settled order again would keep it.
  const all = noPorts ? layersAlone : layerOrderer(seg, items, layerOf, rows.length);
  const placePorts = portPlacer(seg, isPort, items, portRank);
  const starts: Int32Array[] = [];
  const placed = rows.reduce((m, row) => m + row.length, 0);
  /** Whether this start order was tried before (it is noted if not; a single try notes nothing). */
  const seenStart = (start: readonly number[][]): boolean => {
    if (tries === 1) return false;
    const flat = new Int32Array(placed);
    let k = 0;
    for (const row of start) for (let j = 0; j < row.length; j++) flat[k++] = row[j] as number;
    for (const s of starts) {
      let same = true;
      for (let j = 0; j < placed && same; j++) same = s[j] === flat[j];
      if (same) return true;
    }
    starts.push(flat);
    return false;
  };
  let best: number[][] = rows;
  let bestC = Infinity;
  for (let t = 0; t < tries && bestC > 0; t++) {
    const mine = rows.map((r) => r.slice());
    startOrder(mine, t);
    // A start met before (layers of one or two items shuffle into few orders) ends as that one did.
    if (seenStart(mine)) continue;
    const alone = layersAlone.order(mine);
    if (noPorts && layersAlone.settled) {
      if (alone < bestC) [best, bestC] = [mine, alone];
      continue;
    }
    placePorts(mine, inPorts, outPorts);
    const c = all.order(mine);
    if (c < bestC) [best, bestC] = [mine, c];
  }
  best.forEach((r, L) => (rows[L] = r));
  return bestC;
}
