// Search results outlined on the canvas: each result stands for its own box or its outermost closed scope.
import { describe, expect, it } from 'vitest';
import type { SearchEntry } from '../../core/pipeline/protocol';
import { searchMatches } from './search-matches';

const entry = (target: number, expand: string[], expandIds: number[]): SearchEntry => ({ node: target, target, name: `n${target}`, op: 'Op', scopePath: expand, field: 'name', expand, expandIds });

describe('searchMatches', () => {
  it('outlines a result where it is drawn: its box, or the outermost closed scope holding it', () => {
    const entries = [entry(10, ['a', 'a/b'], [1, 2]), entry(11, ['a'], [1]), entry(12, [], []), entry(13, ['c'], [3])];
    const reply = { entries, total: 4, truncated: false, error: null, ms: 0 };
    expect([...(searchMatches(reply, []) ?? [])].sort((x, y) => x - y)).toEqual([1, 3, 12]);
    expect([...(searchMatches(reply, ['a']) ?? [])].sort((x, y) => x - y)).toEqual([2, 3, 11, 12]);
    expect([...(searchMatches(reply, ['a', 'a/b', 'c']) ?? [])].sort((x, y) => x - y)).toEqual([10, 11, 12, 13]);
    expect(searchMatches(null, [])).toBeNull();
    expect(searchMatches({ ...reply, entries: [] }, [])).toBeNull();
  });
});
