// sortIndices against the stable comparator sort it replaces, on keys with many ties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortIndices } from './index-sort';

/** The order a stable comparator sort gives: what sortIndices replaces. */
function reference(n: number, keyA: Float64Array, keyB: Float64Array | null): number[] {
  return Array.from({ length: n }, (_, i) => i).sort((x, y) => (keyA[x] as number) - (keyA[y] as number) || (keyB ? (keyB[x] as number) - (keyB[y] as number) : 0));
}

describe('sortIndices', () => {
  it('orders by the first key, then the second, keeping ties in place (any length, many ties)', () => {
    const key = fc.integer({ min: -5, max: 5 }).map((k) => k / 2);
    fc.assert(fc.property(fc.array(fc.tuple(key, key), { maxLength: 300 }), fc.boolean(), (pairs, two) => {
      const n = pairs.length;
      const keyA = Float64Array.from(pairs, (p) => p[0]);
      const keyB = two ? Float64Array.from(pairs, (p) => p[1]) : null;
      const idx = Int32Array.from({ length: n }, (_, i) => i);
      sortIndices(idx, n, keyA, keyB, new Int32Array(n));
      expect(Array.from(idx)).toEqual(reference(n, keyA, keyB));
    }));
  });

  it('sorts only the first n entries of a longer array', () => {
    const idx = Int32Array.from([2, 1, 0, 7, 9]);
    sortIndices(idx, 3, Float64Array.from([3, 2, 1]), null, new Int32Array(3));
    expect(Array.from(idx)).toEqual([2, 1, 0, 7, 9]);
    sortIndices(idx, 3, Float64Array.from([1, 2, 3]), null, new Int32Array(3));
    expect(Array.from(idx)).toEqual([0, 1, 2, 7, 9]);
  });
});
