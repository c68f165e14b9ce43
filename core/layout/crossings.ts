// Edge crossings of a laid-out scope: pairs of edges whose polylines properly cross (touching at a
// shared end or port does not count). The layered layout keeps the attempt with the fewest, and the
// benchmarks compare layouts by them.
import { sortIndices } from './index-sort';
import type { ScopeLayout } from './types';

const orient = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number => Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));

/** Pairs of edges of `l` that cross at least once: segments swept left to right, so only those whose x ranges overlap are compared. */
export function crossings(l: ScopeLayout): number {
  const edges = l.pointStart.length - 1;
  const total = Math.max(0, (l.pointStart[edges] ?? 0) - edges);
  const edgeOf = new Int32Array(total);
  const xy = new Float64Array(4 * total);
  let m = 0;
  for (let e = 0; e < edges; e++) {
    for (let p = l.pointStart[e] as number; p + 1 < (l.pointStart[e + 1] as number); p++) {
      edgeOf[m] = e;
      for (let q = 0; q < 4; q++) xy[4 * m + q] = l.points[2 * p + q] as number;
      m++;
    }
  }
  // Plain loops, no destructuring: a scope is counted once or twice, mostly before the code is
  // optimised, where each temporary array is an allocation.
  const loX = new Float64Array(m);
  const hiX = new Float64Array(m);
  const loY = new Float64Array(m);
  const hiY = new Float64Array(m);
  for (let s = 0; s < m; s++) {
    loX[s] = Math.min(xy[4 * s] as number, xy[4 * s + 2] as number);
    hiX[s] = Math.max(xy[4 * s] as number, xy[4 * s + 2] as number);
    loY[s] = Math.min(xy[4 * s + 1] as number, xy[4 * s + 3] as number);
    hiY[s] = Math.max(xy[4 * s + 1] as number, xy[4 * s + 3] as number);
  }
  const bySpan = new Int32Array(m);
  for (let s = 0; s < m; s++) bySpan[s] = s;
  sortIndices(bySpan, m, loX, null, new Int32Array(m));
  const crossed = new Set<number>();
  for (let i = 0; i < m; i++) {
    const s = bySpan[i] as number;
    const e = edgeOf[s] as number;
    const right = hiX[s] as number;
    const top = loY[s] as number;
    const bottom = hiY[s] as number;
    const ax = xy[4 * s] as number;
    const ay = xy[4 * s + 1] as number;
    const bx = xy[4 * s + 2] as number;
    const by = xy[4 * s + 3] as number;
    for (let j = i + 1; j < m; j++) {
      const t = bySpan[j] as number;
      if ((loX[t] as number) > right) break;
      if ((loY[t] as number) > bottom || (hiY[t] as number) < top) continue;
      const f = edgeOf[t] as number;
      if (f === e) continue;
      const cx = xy[4 * t] as number;
      const cy = xy[4 * t + 1] as number;
      const dx = xy[4 * t + 2] as number;
      const dy = xy[4 * t + 3] as number;
      if (orient(ax, ay, bx, by, cx, cy) * orient(ax, ay, bx, by, dx, dy) >= 0 || orient(cx, cy, dx, dy, ax, ay) * orient(cx, cy, dx, dy, bx, by) >= 0) continue;
      crossed.add(Math.min(e, f) * edges + Math.max(e, f));
    }
  }
  return crossed.size;
}
