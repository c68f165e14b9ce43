// Passes 1 and 2 on small graphs: which names pair, and which stay unpaired because the evidence
// is ambiguous or the ops differ.
import { describe, expect, it } from 'vitest';
import { makeGraph, type NodeSpec } from '../test-support/graphs';
import { Matching, PASS_NAME, PASS_SCOPE } from './matching';
import { matchExactNames, matchMovedNames, stripUniquifiers } from './name-match';

/** Runs passes 1 and 2 and returns the pairs by name, A order. */
function namePairs(a: readonly NodeSpec[], b: readonly NodeSpec[]): [string, string, number][] {
  const ga = makeGraph(a);
  const gb = makeGraph(b);
  const m = new Matching(ga.nodeCount, gb.nodeCount);
  matchExactNames(ga, gb, m);
  matchMovedNames(ga, gb, m);
  const out: [string, string, number][] = [];
  for (let i = 0; i < ga.nodeCount; i++) if ((m.a[i] as number) >= 0) out.push([ga.name(i), gb.name(m.a[i] as number), m.passA[i] as number]);
  return out;
}

describe('pass 1: exact names', () => {
  it('pairs equal names whatever the op, and repeated names k-th to k-th', () => {
    expect(namePairs([['x', 'Placeholder'], ['y', 'Relu'], ['y', 'Relu'], ['z', 'Relu']], [['y', 'Relu'], ['x', 'Const'], ['y', 'Relu']])).toEqual([
      ['x', 'x', PASS_NAME],
      ['y', 'y', PASS_NAME],
      ['y', 'y', PASS_NAME],
    ]);
    const ga = makeGraph([['y', 'Relu'], ['y', 'Relu']]);
    const gb = makeGraph([['q', 'Relu'], ['y', 'Relu'], ['y', 'Relu']]);
    const m = new Matching(2, 3);
    matchExactNames(ga, gb, m);
    expect([...m.a]).toEqual([1, 2]);
  });
});

describe('pass 2: moved and re-uniquified names', () => {
  it('strips `_N` from every component, but never a whole component', () => {
    expect(stripUniquifiers('layer_1/MatMul_2')).toBe('layer/MatMul');
    expect(stripUniquifiers('w/Adam_1_2')).toBe('w/Adam');
    expect(stripUniquifiers('_1/conv2d/x')).toBe('_1/conv2d/x');
    expect(stripUniquifiers('block3/conv')).toBe('block3/conv');
  });

  it('finds a node under another scope prefix by its longest shared suffix', () => {
    expect(namePairs(
      [['s/a/read', 'Identity'], ['s/b/read', 'Identity'], ['s/b', 'VariableV2'], ['s/c', 'Const']],
      [['t/a/read', 'Identity'], ['b/read', 'Identity'], ['b', 'VariableV2'], ['t/u/c', 'Const']],
    )).toEqual([
      ['s/a/read', 't/a/read', PASS_SCOPE],
      ['s/b/read', 'b/read', PASS_SCOPE],
      ['s/b', 'b', PASS_SCOPE],
      ['s/c', 't/u/c', PASS_SCOPE],
    ]);
  });

  it('leaves a suffix shared by two unmatched nodes on either side alone', () => {
    expect(namePairs([['s/x/read', 'Identity'], ['s/y/read', 'Identity']], [['t/x2/read', 'Identity'], ['t/y2/read', 'Identity']])).toEqual([]);
    expect(namePairs([['s/read', 'Identity']], [['t/read', 'Identity'], ['u/read', 'Identity']])).toEqual([]);
  });

  it('uses the op to tell apart nodes sharing a suffix, and never pairs different ops', () => {
    expect(namePairs([['s/w', 'VariableV2'], ['s/v/w', 'Const']], [['t/w', 'VariableV2'], ['t/v/w', 'Const']])).toEqual([
      ['s/w', 't/w', PASS_SCOPE],
      ['s/v/w', 't/v/w', PASS_SCOPE],
    ]);
    expect(namePairs([['s/w', 'VariableV2']], [['t/w', 'VarHandleOp']])).toEqual([]);
  });

  it('matches re-uniquified names when they are unique once `_N` is stripped', () => {
    expect(namePairs([['layer_1/MatMul', 'MatMul'], ['x', 'Placeholder']], [['layer/MatMul', 'MatMul'], ['x', 'Placeholder']])).toEqual([
      ['layer_1/MatMul', 'layer/MatMul', PASS_SCOPE],
      ['x', 'x', PASS_NAME],
    ]);
    // Raw suffixes win first: dense_1/kernel keeps its own name, dense/kernel its own, under a new scope.
    expect(namePairs([['dense/kernel', 'VariableV2'], ['dense_1/kernel', 'VariableV2']], [['m/dense/kernel', 'VariableV2'], ['m/dense_1/kernel', 'VariableV2']])).toEqual([
      ['dense/kernel', 'm/dense/kernel', PASS_SCOPE],
      ['dense_1/kernel', 'm/dense_1/kernel', PASS_SCOPE],
    ]);
  });

  it('goes from the longest suffix down, so a pair found deep frees the leaves for the rest', () => {
    // Level 2 pairs s/a/x with t/a/x; then `x` is unique at level 1 for the two left over.
    expect(namePairs([['s/a/x', 'Relu'], ['s/b/x', 'Relu']], [['t/a/x', 'Relu'], ['t/c/x', 'Relu']])).toEqual([
      ['s/a/x', 't/a/x', PASS_SCOPE],
      ['s/b/x', 't/c/x', PASS_SCOPE],
    ]);
  });
});
