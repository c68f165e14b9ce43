import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PairTable } from './pair-table';

describe('PairTable', () => {
  it('maps pairs to ids as a Map of string keys does, across growth', () => {
    const pair = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constant(0x7fffffff)));
    fc.assert(fc.property(fc.array(pair, { maxLength: 3000 }), fc.array(pair, { maxLength: 50 }), (adds, probes) => {
      const table = new PairTable(1);
      const ref = new Map<string, number>();
      for (const [a, b] of adds) {
        if (table.get(a, b) >= 0) continue;
        table.set(a, b, ref.size);
        ref.set(`${a},${b}`, ref.size);
      }
      for (const [a, b] of [...adds, ...probes]) expect(table.get(a, b)).toBe(ref.get(`${a},${b}`) ?? -1);
    }), { numRuns: 50 });
  });
});
