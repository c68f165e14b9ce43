// End numbers: one per (node, port) in the order first met, and pair keys that never collide, up to
// the largest graphs (10^6 nodes: port keys up to about 2.4 million), at the edges of their ranges
// too, and an error past them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { END_ROOM, EndNumbers, endPair, PORT_ROOM } from './end-numbers';

describe('EndNumbers', () => {
  it('numbers ends in the order first met, the same end always alike', () => {
    const n = new EndNumbers(-1);
    expect([n.of(5, -1), n.of(-1, 8), n.of(5, 3), n.of(5, -1), n.of(-1, 8)]).toEqual([0, 1, 2, 0, 1]);
  });

  it('tells apart any two ends, from the lowest node up, however large their ports', () => {
    const node = fc.integer({ min: -3, max: 1_200_000 });
    const port = fc.integer({ min: -1, max: PORT_ROOM - 2 });
    fc.assert(fc.property(node, port, node, port, (a, p, b, q) => {
      const n = new EndNumbers(-3);
      expect(n.of(a, p) === n.of(b, q)).toBe(a === b && p === q);
    }));
  });

  it('keeps the largest port of one node apart from the next node, and refuses a port beyond', () => {
    const n = new EndNumbers(0);
    expect(n.of(7, PORT_ROOM - 2)).not.toBe(n.of(8, -1));
    expect(n.of(7, PORT_ROOM - 2)).toBe(0);
    expect(() => n.of(7, PORT_ROOM - 1)).toThrow(RangeError);
  });

  it('gives each ordered pair of end numbers its own key', () => {
    const id = fc.integer({ min: 0, max: END_ROOM - 1 });
    fc.assert(fc.property(id, id, id, id, (a, b, c, d) => {
      expect(endPair(a, b) === endPair(c, d)).toBe(a === c && b === d);
      expect(Number.isSafeInteger(endPair(a, b))).toBe(true);
    }));
  });
});
