// Diff overlay arithmetic on a hand-made graph: counts rolled up the hierarchy (embedded nodes
// inside their host), the code each box shows, badge text, and counterparts of nodes and scopes.
import { describe, expect, it } from 'vitest';
import { STATUS_ADDED, STATUS_ATTR_CHANGED, STATUS_REMOVED, STATUS_SAME } from '../diff/classify';
import { makeGraph } from '../test-support/graphs';
import { analyzeHierarchy } from '../scope/scope-engine';
import { badgeText, boxStatus, counterpart, DIFF_MIXED, hierarchyCounts } from './diff-overlay';

describe('diff overlay', () => {
  const g = makeGraph([
    ['net/w', 'VariableV2'],
    ['net/w/read', 'Identity', ['net/w']],
    ['net/c', 'Const'],
    ['net/mul', 'Mul', ['net/w/read', 'net/c']],
    ['out', 'Identity', ['net/mul']],
  ]);
  const h = analyzeHierarchy(g).hierarchy;
  const status = Uint8Array.from([STATUS_SAME, STATUS_SAME, STATUS_ATTR_CHANGED, STATUS_SAME, STATUS_REMOVED]);

  it('rolls counts up to every enclosing scope and gives each box its code', () => {
    const counts = hierarchyCounts(h, status);
    const net = h.find('net');
    expect(Array.from(counts.subarray(net * 6, net * 6 + 6))).toEqual([3, 1, 0, 0, 0, 0]);
    expect(Array.from(counts.subarray(0, 6))).toEqual([3, 1, 0, 0, 0, 1]);
    expect(boxStatus(h, counts, status, net)).toBe(DIFF_MIXED);
    expect(boxStatus(h, counts, status, h.find('out'))).toBe(STATUS_REMOVED);
    // The changed Const is drawn inside net/mul (embedded): the op shows that something inside changed.
    expect(h.embeddedIn[g.indexOf('net/c')]).toBe(g.indexOf('net/mul'));
    expect(boxStatus(h, counts, status, h.find('net/mul'))).toBe(DIFF_MIXED);
    expect(boxStatus(h, counts, status, h.find('net/w/read'))).toBe(STATUS_SAME);
    const all = hierarchyCounts(h, new Uint8Array(g.nodeCount).fill(STATUS_ADDED));
    expect(boxStatus(h, all, new Uint8Array(g.nodeCount).fill(STATUS_ADDED), net)).toBe(STATUS_ADDED);
  });

  it('counts a Const shared by ops in two scopes in each host, and once in each scope', () => {
    const shared = makeGraph([
      ['k', 'Const'],
      ['p/a', 'Mul', ['k']],
      ['p/b', 'Mul', ['k']],
      ['q/c', 'Add', ['k']],
    ]);
    const sh = analyzeHierarchy(shared).hierarchy;
    const st = Uint8Array.from([STATUS_ATTR_CHANGED, STATUS_SAME, STATUS_SAME, STATUS_SAME]);
    const counts = hierarchyCounts(sh, st);
    const changed = (name: string): number => counts[sh.find(name) * 6 + STATUS_ATTR_CHANGED]!;
    expect([changed('p/a'), changed('p/b'), changed('q/c'), changed('p'), changed('q'), changed('')]).toEqual([1, 1, 1, 1, 1, 1]);
    expect(counts[sh.find('p') * 6 + STATUS_SAME]).toBe(2);
    expect(boxStatus(sh, counts, st, sh.find('q/c'))).toBe(DIFF_MIXED);
  });

  it('writes badges over the non-zero counts only', () => {
    expect(badgeText(3, 1, 2)).toBe('+3 \u22121 ~2');
    expect(badgeText(0, 4, 0)).toBe('\u22124');
    expect(badgeText(0, 0, 0)).toBe('');
  });

  it('finds the counterpart of a node by its match, of a scope by its members\u2019 votes', () => {
    const other = makeGraph([
      ['model/w', 'VariableV2'],
      ['model/w/read', 'Identity', ['model/w']],
      ['c', 'Const'],
      ['model/mul', 'Mul', ['model/w/read', 'c']],
    ]);
    const match = Int32Array.from([0, 1, 2, 3, -1]);
    expect(counterpart(h, match, other, 'net/mul')).toBe('model/mul');
    expect(counterpart(h, match, other, 'out')).toBeNull();
    // net/c moved out to the top level; the other three members vote for `model`.
    expect(counterpart(h, match, other, 'net')).toBe('model');
    expect(counterpart(h, match, other, 'net/c')).toBe('c');
  });
});
