import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeGraph, type NodeSpec } from '../../test-support/graphs';
import { NamePaths } from './search-paths';

function matching(names: readonly string[], needle: string): number[] | null {
  const m = NamePaths.build(makeGraph(names.map((n): NodeSpec => [n, 'Op']))).matches(needle);
  return m && [...m.keys()].filter((i) => m[i] !== 0);
}

describe('NamePaths', () => {
  it('matches exactly the names containing the needle, slashes included', () => {
    // Few letters and many slashes: needles often span segments, repeat parts ('a/a/a') or hit empty segments.
    const name = fc.string({ unit: fc.constantFrom('a', 'A', 'b', '/', 'Σ'), maxLength: 10 });
    const needle = fc.string({ unit: fc.constantFrom('a', 'b', '/', 'σ', 'ς'), minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(name, { maxLength: 25 }), needle, (names, q) => {
        expect(matching(names, q)).toEqual(names.flatMap((n, i) => (n.toLowerCase().includes(q) ? [i] : [])));
      }),
      { numRuns: 1000 },
    );
  });

  it('handles leading, doubled and trailing slashes and shared directories', () => {
    const names = ['/x', 'a//b', 'a/b/', 'a/b/c', 'a/b/d', 'q/a/b', 'ab'];
    expect(matching(names, '/')).toEqual([0, 1, 2, 3, 4, 5]);
    expect(matching(names, '//')).toEqual([1]);
    expect(matching(names, 'a/b/')).toEqual([2, 3, 4]);
    expect(matching(names, 'a/b')).toEqual([2, 3, 4, 5]);
    expect(matching(names, 'b/c')).toEqual([3]);
    expect(matching(names, '/a/')).toEqual([5]);
    expect(matching(names, 'x/y')).toEqual([]);
    expect(matching(names, 'ab')).toEqual([6]);
  });

  it('tells a match in the leaf (bit 2) from one in a directory (bit 1)', () => {
    const m = NamePaths.build(makeGraph(['conv1/weights', 'conv1/Conv2D', 'a/b/conv', 'x/y'].map((n): NodeSpec => [n, 'Op'])));
    expect([...(m.matches('conv') ?? [])]).toEqual([1, 3, 2, 0]);
    expect([...(m.matches('1/conv') ?? [])]).toEqual([0, 2, 0, 0]);
    expect([...m.under(new Set(['conv1', 'b']))]).toEqual([1, 1, 1, 0]);
  });

  it('gives up on needles with more slashes than its state masks hold', () => {
    expect(matching(['a'.repeat(5)], '/'.repeat(30))).toEqual([]);
    expect(matching(['a'.repeat(5)], '/'.repeat(31))).toBeNull();
  });

  it('tells whether a name holds a line terminator', () => {
    expect(NamePaths.build(makeGraph([['a/b', 'Op']])).hasLineTerminators).toBe(false);
    expect(NamePaths.build(makeGraph([['a/b\nc', 'Op']])).hasLineTerminators).toBe(true);
    expect(NamePaths.build(makeGraph([['a\u2028/b', 'Op']])).hasLineTerminators).toBe(true);
  });
});
