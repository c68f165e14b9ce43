import { describe, expect, it } from 'vitest';
import { buildHierarchy } from './build-hierarchy';
import { H_OP, H_SCOPE, H_SERIES, type Hierarchy } from './hierarchy';
import { makeGraph, type NodeSpec } from '../test-support/graphs';

function tree(h: Hierarchy): Record<string, string> {
  const out: Record<string, string> = {};
  for (let x = 1; x < h.count; x++) out[h.name(x)] = `${['scope', 'op', 'series'][h.kind[x] as number]} < ${h.name(h.parent[x] as number) || '(root)'}`;
  return out;
}

function metaedges(h: Hierarchy, scope: string): string[] {
  const m = h.metaedges;
  return [...h.metaedgesOf(h.find(scope))].map((e) => `${h.name(m.src[e]!)} -> ${h.name(m.dst[e]!)} d${m.data[e]} c${m.control[e]} r${m.ref[e]}`).sort();
}

describe('buildHierarchy', () => {
  it('makes a scope of every /-prefix and renames ops that are also scopes (strict names)', () => {
    const h = buildHierarchy(makeGraph([['a', 'Add'], ['a/b', 'Mul', ['a']], ['x/y/z', 'Neg', ['a/b']], ['x/y', 'Relu']]));
    expect(tree(h)).toEqual({
      a: 'scope < (root)',
      'a/(a)': 'op < a',
      'a/b': 'op < a',
      x: 'scope < (root)',
      'x/y': 'scope < x',
      'x/y/z': 'op < x/y',
      'x/y/(y)': 'op < x/y',
    });
    expect(h.kind[h.find('x/y')]).toBe(H_SCOPE);
    expect(h.kind[h.find('x/y/(y)')]).toBe(H_OP);
  });

  it('gives strict names to every op of a repeated name that is also a scope (a broken graph)', () => {
    const h = buildHierarchy(makeGraph([['a', 'Add'], ['a/b', 'Mul'], ['a', 'Neg'], ['c', 'Relu'], ['c', 'Relu']]));
    const ops = [0, 1, 2, 3, 4].map((i) => h.name(h.hnodeOf[i]!));
    expect(ops).toEqual(['a/(a)', 'a/b', 'a/(a)', 'c', 'c']);
    expect(h.name(h.parent[h.hnodeOf[2]!]!)).toBe('a');
  });

  it('lifts edges to the lowest common ancestor and counts data, control and reference edges', () => {
    const h = buildHierarchy(makeGraph([
      ['v', 'VariableV2'],
      ['s/init', 'Mul'],
      ['s/assign', 'Assign', ['v', 's/init']],
      ['s/t/read', 'Identity', ['v', '^s/init']],
      ['out/y', 'Neg', ['s/t/read', 's/assign']],
    ]));
    expect(metaedges(h, '')).toEqual(['s -> out d2 c0 r0', 'v -> s d1 c0 r1']);
    expect(metaedges(h, 's')).toEqual(['s/init -> s/assign d1 c0 r0', 's/init -> s/t d0 c1 r0']);
  });

  it('embeds every Const into each consumer and every summary into each input, rerouting their edges', () => {
    const h = buildHierarchy(makeGraph([
      ['c', 'Const'],
      ['shared', 'Const', ['^gate']],
      ['gate', 'NoOp'],
      ['x', 'Add', ['c', 'shared']],
      ['y', 'Mul', ['shared', 'x']],
      ['loss/tags', 'Const'],
      ['loss', 'ScalarSummary', ['loss/tags', 'y']],
      ['both', 'HistogramSummary', ['x', 'y']],
      ['merged', 'MergeSummary', ['loss', 'both']],
      ['unused', 'Const'],
    ]));
    const g = h.graph;
    const hosts = (n: string) => Array.from(h.hostsOf(g.indexOf(n)), (i) => g.name(i));
    expect(hosts('c')).toEqual(['x']);
    expect(hosts('shared')).toEqual(['x', 'y']);
    expect(hosts('loss')).toEqual(['y']);
    expect(hosts('both')).toEqual(['x', 'y']);
    // Consumed only by an embedded summary, fed only by summaries, or by nothing: embedded nowhere.
    expect([hosts('loss/tags'), hosts('merged'), hosts('unused')]).toEqual([[], [], []]);
    expect(h.name(h.holder(g.indexOf('shared')))).toBe('x');
    // Embedding ops nothing hosts stay ops but create no scope: `loss/tags` does not make `loss`.
    expect(h.find('loss')).toBe(-1);
    expect(tree(h)['loss/tags']).toBe('op < (root)');
    // The Const's control dependency enters each of its hosts; edges to embedded ops vanish; an edge
    // out of an embedded summary leaves each of its hosts (`merged` reads `loss` in y, `both` in x and y).
    expect(metaedges(h, '')).toEqual(['gate -> x d0 c1 r0', 'gate -> y d0 c1 r0', 'x -> merged d1 c0 r0', 'x -> y d1 c0 r0', 'y -> merged d2 c0 r0']);
  });

  it('never makes a scope of names under which only embedded ops live', () => {
    const h = buildHierarchy(makeGraph([
      ['Mul_22/y', 'Const'],
      ['Mul_22', 'Mul', ['a', 'Mul_22/y']],
      ['a', 'Placeholder'],
      ['s/Const', 'Const'],
      ['s/t/b', 'Const'],
      ['s/x', 'Neg', ['s/Const', 's/t/b']],
      ['w', 'Const'],
      ['w/read', 'Identity', ['w']],
    ]));
    const g = h.graph;
    expect(tree(h)).toEqual({ Mul_22: 'op < (root)', a: 'op < (root)', s: 'scope < (root)', 's/x': 'op < s', w: 'scope < (root)', 'w/read': 'op < w' });
    expect(Array.from(h.hostsOf(g.indexOf('s/t/b')), (i) => g.name(i))).toEqual(['s/x']);
    // An embedded op whose name is a scope made by other ops keeps that name (it is drawn in w/read).
    expect(h.name(h.holder(g.indexOf('w')))).toBe('w/read');
  });

  it('groups ops that used to be one-op scopes into series once their Consts are embedded', () => {
    const nodes: NodeSpec[] = [['checkpoint_initializer', 'Identity'], ['checkpoint_initializer_1', 'Identity']];
    for (let i = 2; i <= 23; i++) {
      const n = `checkpoint_initializer_${i}`;
      nodes.push([`${n}/prefix`, 'Const'], [`${n}/tensor_names`, 'Const'], [n, 'RestoreV2', [`${n}/prefix`, `${n}/tensor_names`]]);
    }
    const h = buildHierarchy(makeGraph(nodes));
    expect(h.kind[h.find('checkpoint_initializer_[2-23]')]).toBe(H_SERIES);
    expect(h.children(h.find('checkpoint_initializer_[2-23]'))).toHaveLength(22);
    expect(Object.values(tree(h)).filter((v) => v.startsWith('scope'))).toEqual([]);
  });

  it('treats every op type containing Const as TensorBoard does (HostConst, prim::Constant)', () => {
    const h = buildHierarchy(makeGraph([['k', 'HostConst'], ['p', 'prim::Constant'], ['u', 'Relu', ['k', 'p']]]));
    expect(h.hnodeOf[0]).toBe(-1);
    expect(h.hnodeOf[1]).toBe(-1);
    expect(tree(h)).toEqual({ u: 'op < (root)' });
  });

  it('puts embedding ops nothing hosts into no series', () => {
    const nodes: NodeSpec[] = [];
    for (let i = 1; i <= 6; i++) nodes.push([`Const_${i}`, 'Const']);
    const h = buildHierarchy(makeGraph(nodes));
    expect(Object.values(tree(h))).toEqual(Array(6).fill('op < (root)'));
  });

  it('keeps every node as its own op with embedding off', () => {
    const h = buildHierarchy(makeGraph([['c', 'Const'], ['x', 'Neg', ['c']]]), { embedding: false });
    expect(tree(h)).toEqual({ c: 'op < (root)', x: 'op < (root)' });
    expect(metaedges(h, '')).toEqual(['c -> x d1 c0 r0']);
  });

  it('groups 5 or more consecutively numbered ops of one type into a series', () => {
    const nodes: NodeSpec[] = [['g/add', 'Add']];
    for (let i = 1; i <= 6; i++) nodes.push([`g/add_${i}`, 'Add']);
    nodes.push(['g/add_9', 'Add'], ['g/mul_1', 'Mul'], ['g/mul_2', 'Mul'], ['g/conv_1/x', 'Neg'], ['g/conv_2/x', 'Neg'], ['g/conv_3/x', 'Neg'], ['g/conv_4/x', 'Neg'], ['g/conv_5/x', 'Neg']);
    for (let i = 10; i < 15; i++) nodes.push([`g/Sub${i}`, i === 12 ? 'Add' : 'Sub']);
    const h = buildHierarchy(makeGraph(nodes));
    const series = Object.entries(tree(h)).filter(([n]) => h.kind[h.find(n)] === H_SERIES);
    expect(series).toEqual([['g/add_[1-6]', 'series < g']]);
    expect(h.op(h.find('g/add_[1-6]'))).toBe('Add');
    expect(tree(h)['g/add_3']).toBe('op < g/add_[1-6]');
    expect(tree(h)['g/add']).toBe('op < g');
    expect(tree(h)['g/add_9']).toBe('op < g');
    expect(tree(h)['g/conv_1']).toBe('scope < g');
    expect(buildHierarchy(makeGraph(nodes), { seriesGrouping: false }).find('g/add_[1-6]')).toBe(-1);
  });

  it('merges re-entry siblings into one scope on request, keeping node names', () => {
    const nodes: NodeSpec[] = [['dense/MatMul', 'MatMul'], ['dense_1/MatMul', 'MatMul', ['dense/MatMul']], ['dense_1/inner/x', 'Neg'], ['dense/inner/y', 'Neg'], ['other_1/z', 'Neg']];
    const plain = buildHierarchy(makeGraph(nodes));
    expect(plain.find('dense_1')).toBeGreaterThan(0);
    const merged = buildHierarchy(makeGraph(nodes), { mergeReentrySiblings: true });
    expect(tree(merged)).toEqual({
      dense: 'scope < (root)',
      'dense/MatMul': 'op < dense',
      'dense_1/MatMul': 'op < dense',
      'dense/inner': 'scope < dense',
      'dense_1/inner/x': 'op < dense/inner',
      'dense/inner/y': 'op < dense/inner',
      other_1: 'scope < (root)',
      'other_1/z': 'op < other_1',
    });
    expect(metaedges(merged, 'dense')).toEqual(['dense/MatMul -> dense_1/MatMul d1 c0 r0']);
  });

  it('numbers the tree so that subtree membership is a range check', () => {
    const h = buildHierarchy(makeGraph([['a/b/c', 'Neg'], ['a/d', 'Neg'], ['e', 'Neg']]));
    expect(h.contains(h.find('a'), h.find('a/b/c'))).toBe(true);
    expect(h.contains(h.find('a/b'), h.find('a/d'))).toBe(false);
    expect(h.size[h.root]).toBe(h.count);
    expect(h.childToward(h.find('a'), h.find('a/b/c'))).toBe(h.find('a/b'));
  });
});
