import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fnv1a, SpanTable } from './span-table';

describe('SpanTable', () => {
  it('finds each distinct byte range once, across growth, with or without a given hash', () => {
    const word = fc.uint8Array({ min: 97, max: 99, maxLength: 6 });
    fc.assert(fc.property(fc.array(word, { maxLength: 300 }), fc.array(word, { maxLength: 30 }), (words, probes) => {
      const buf = new Uint8Array(words.reduce((s, w) => s + w.length, 0));
      const spans: [number, number][] = [];
      let pos = 0;
      for (const w of words) {
        buf.set(w, pos);
        spans.push([pos, pos + w.length]);
        pos += w.length;
      }
      const table = new SpanTable(buf, 1);
      const ref = new Map<string, number>();
      spans.forEach(([s, e], i) => {
        const key = buf.subarray(s, e).join(',');
        const id = table.add(s, e, i);
        if (!ref.has(key)) ref.set(key, ref.size);
        expect(id).toBe(ref.get(key));
      });
      expect(table.count).toBe(ref.size);
      for (const w of [...words, ...probes]) {
        const expected = ref.get(w.join(',')) ?? -1;
        expect(table.find(w, 0, w.length)).toBe(expected);
        expect(table.findHashed(w, 0, w.length, fnv1a(w, 0, w.length) | 0)).toBe(expected);
        if (expected >= 0) expect(table.values[expected]).toBe(words.findIndex((x) => x.join(',') === w.join(',')));
      }
    }), { numRuns: 100 });
  });
});
