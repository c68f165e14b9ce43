// Crossing counts: the sweep counts exactly the pairs of edges a check of every pair of segments
// finds (random polylines, shared ends and collinear touches included), and touching is not crossing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crossings } from './crossings';
import type { ScopeLayout } from './types';

const orient = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number => Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));

/** Every pair of segments of different edges, checked directly. */
function everyPair(routes: number[][]): number {
  let count = 0;
  for (let e = 0; e < routes.length; e++) {
    for (let f = e + 1; f < routes.length; f++) {
      const a = routes[e] as number[];
      const b = routes[f] as number[];
      let crossed = false;
      for (let i = 0; i + 3 < a.length && !crossed; i += 2) {
        for (let j = 0; j + 3 < b.length && !crossed; j += 2) {
          const [ax, ay, bx, by] = a.slice(i, i + 4) as [number, number, number, number];
          const [cx, cy, dx, dy] = b.slice(j, j + 4) as [number, number, number, number];
          crossed = orient(ax, ay, bx, by, cx, cy) * orient(ax, ay, bx, by, dx, dy) < 0 && orient(cx, cy, dx, dy, ax, ay) * orient(cx, cy, dx, dy, bx, by) < 0;
        }
      }
      if (crossed) count++;
    }
  }
  return count;
}

const layoutOf = (routes: number[][]): ScopeLayout => {
  const pointStart = new Int32Array(routes.length + 1);
  routes.forEach((r, e) => (pointStart[e + 1] = (pointStart[e] as number) + r.length / 2));
  return { pointStart, points: Float64Array.from(routes.flat()) } as unknown as ScopeLayout;
};

describe('crossings', () => {
  it('counts a crossing once per pair of edges, and not a touch at a shared end', () => {
    const x = [[0, 0, 10, 10], [0, 10, 10, 0]];
    expect(crossings(layoutOf(x))).toBe(1);
    expect(crossings(layoutOf([[0, 0, 10, 10, 0, 20], [0, 10, 10, 10.5, 0, 11, 10, 0]]))).toBe(1);
    expect(crossings(layoutOf([[0, 0, 5, 5], [5, 5, 10, 0]]))).toBe(0);
  });

  it('agrees with a check of every pair of segments (random polylines on a small grid)', () => {
    const point = fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 }));
    const polyline = fc.array(point, { minLength: 2, maxLength: 5 }).map((ps) => ps.flat());
    fc.assert(fc.property(fc.array(polyline, { maxLength: 12 }), (routes) => {
      expect(crossings(layoutOf(routes))).toBe(everyPair(routes));
    }), { numRuns: 300 });
  });
});
