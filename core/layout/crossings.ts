// Edge crossings of a laid-out scope, for comparing the fast layered layout with ELK: pairs of edges
// whose polylines properly cross (touching at a shared end or port does not count).
import type { ScopeLayout } from './types';

const orient = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number => Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));

/** Pairs of edges of `l` that cross at least once. Quadratic in segments: for benchmarks only. */
export function crossings(l: ScopeLayout): number {
  const segs: [number, number, number, number, number][] = [];
  const edges = l.pointStart.length - 1;
  for (let e = 0; e < edges; e++) {
    for (let p = l.pointStart[e] as number; p + 1 < (l.pointStart[e + 1] as number); p++) {
      segs.push([e, l.points[2 * p] as number, l.points[2 * p + 1] as number, l.points[2 * p + 2] as number, l.points[2 * p + 3] as number]);
    }
  }
  const crossed = new Set<number>();
  for (let i = 0; i < segs.length; i++) {
    const [e, ax, ay, bx, by] = segs[i] as [number, number, number, number, number];
    for (let j = i + 1; j < segs.length; j++) {
      const [f, cx, cy, dx, dy] = segs[j] as [number, number, number, number, number];
      if (f === e) continue;
      const key = Math.min(e, f) * edges + Math.max(e, f);
      if (crossed.has(key)) continue;
      if (orient(ax, ay, bx, by, cx, cy) * orient(ax, ay, bx, by, dx, dy) < 0 && orient(cx, cy, dx, dy, ax, ay) * orient(cx, cy, dx, dy, bx, by) < 0) crossed.add(key);
    }
  }
  return crossed.size;
}
