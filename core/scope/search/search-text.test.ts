import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkBuilder, findInSegments, matchInSegments, seekSegment, type TextChunk } from './search-text';

function chunks(segments: readonly string[], maxChars: number, lower: boolean): TextChunk[] {
  const b = new ChunkBuilder(lower, maxChars);
  for (const s of segments) b.add(s);
  return b.finish();
}

/** Every segment found, visiting all of them (resume at the next segment). */
function found(segments: readonly string[], maxChars: number, needle: string): number[] {
  const out: number[] = [];
  findInSegments(chunks(segments, maxChars, true), needle, (s) => {
    out.push(s);
    return s + 1;
  });
  return out;
}

// Short alphabets make matches, separators inside segments and İ (lowercased to two characters) likely.
const segment = fc.string({ unit: fc.constantFrom('a', 'B', 'b', '/', '\n', 'İ', 'i'), maxLength: 6 });

describe('segmented text', () => {
  it('finds exactly the segments containing the needle, across chunk boundaries', () => {
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 30 }), fc.string({ unit: fc.constantFrom('a', 'b', '/', '\n', 'i', '̇'), minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 40 }), (segs, needle, max) => {
        const expected = segs.flatMap((s, k) => (s.toLowerCase().includes(needle) ? [k] : []));
        expect(found(segs, max, needle)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('skips to the segment the visitor returns', () => {
    const segs = ['ab', 'ab', 'ab', 'ab', 'ab'];
    const out: number[] = [];
    findInSegments(chunks(segs, 5, true), 'a', (s) => {
      out.push(s);
      return s + 2;
    });
    expect(out).toEqual([0, 2, 4]);
  });

  it('matches a regex per segment, never across the separator', () => {
    const patterns = ['^a', 'b$', 'a[^x]*b', 'a\\nb', '^$', 'b/?a', '(a|b)\\1', '[\\s\\S]*b'];
    fc.assert(
      fc.property(fc.array(segment.filter((s) => !s.includes('\n')), { maxLength: 30 }), fc.constantFrom(...patterns), fc.boolean(), fc.integer({ min: 1, max: 40 }), (segs, src, ci, max) => {
        const single = new RegExp(src, ci ? 'i' : '');
        const expected = segs.flatMap((s, k) => (single.test(s) ? [k] : []));
        const out: number[] = [];
        matchInSegments(chunks(segs, max, false), new RegExp(src, ci ? 'gim' : 'gm'), (k) => single.test(segs[k] as string), (k) => {
          out.push(k);
          return k + 1;
        });
        expect(out).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('gallops to the last segment starting at or before an offset', () => {
    const starts = Int32Array.from([0, 3, 4, 10, 11, 20, 31]);
    for (let p = 0; p < 31; p++) {
      let expected = 0;
      while ((starts[expected + 1] as number) <= p) expected++;
      for (let k = 0; k <= expected; k++) expect(seekSegment(starts, k, p)).toBe(expected);
    }
  });

  it('joins segments, lowercased when asked, and always yields a chunk', () => {
    expect(chunks(['aBc', 'd/E'], 1000, true)[0]).toEqual({ text: 'abc\nd/e', starts: Int32Array.from([0, 4, 8]), first: 0 });
    expect(chunks(['aBc', 'd/E'], 1000, false)[0]?.text).toBe('aBc\nd/E');
    expect(chunks(['İ', 'a'], 1000, true)[0]).toEqual({ text: 'i̇\na', starts: Int32Array.from([0, 3, 5]), first: 0 });
    expect(chunks(['ab', 'cd', 'ef'], 3, false).map((c) => [c.text, c.first])).toEqual([['ab', 0], ['cd', 1], ['ef', 2]]);
    expect(chunks([], 1000, true)).toEqual([{ text: '', starts: Int32Array.from([0]), first: 0 }]);
  });
});
