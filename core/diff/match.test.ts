// The full matching sequence on small graphs: structure (pass 3) through inputs and readers to a
// fixed point, scope transfer, leftovers (pass 4), and what stays unmatched.
import { describe, expect, it } from 'vitest';
import { makeGraph, type NodeSpec } from '../test-support/graphs';
import { adjacency } from './adjacency';
import { matchGraphs } from './match';
import { PASS_LEFTOVER, PASS_NAME, PASS_NAMES, PASS_SCOPE, PASS_STRUCTURE } from './matching';

/** A name → [B name, pass] for every A node (null when unmatched). */
function pairs(a: readonly NodeSpec[], b: readonly NodeSpec[]): Record<string, [string, string] | null> {
  const ga = makeGraph(a);
  const gb = makeGraph(b);
  const m = matchGraphs(ga, adjacency(ga), gb, adjacency(gb));
  const out: Record<string, [string, string] | null> = {};
  for (let i = 0; i < ga.nodeCount; i++) {
    const j = m.a[i] as number;
    out[ga.name(i)] = j < 0 ? null : [gb.name(j), PASS_NAMES[m.passA[i] as number] as string];
  }
  return out;
}

const structure = PASS_NAMES[PASS_STRUCTURE];

describe('pass 3: structure', () => {
  it('follows matched inputs down a chain of renamed nodes to a fixed point', () => {
    expect(pairs(
      [['x', 'Placeholder'], ['foo', 'Relu', ['x']], ['bar', 'MatMul', ['foo', 'x']], ['baz', 'Softmax', ['bar']], ['Relu_9', 'Relu', ['baz']]],
      [['x', 'Placeholder'], ['r1', 'Relu', ['x']], ['m1', 'MatMul', ['r1', 'x']], ['s1', 'Softmax', ['m1']], ['r2', 'Relu', ['s1']]],
    )).toEqual({ x: ['x', PASS_NAMES[PASS_NAME]], foo: ['r1', structure], bar: ['m1', structure], baz: ['s1', structure], Relu_9: ['r2', structure] });
  });

  it('tells inputs apart by position and output slot', () => {
    expect(pairs(
      [['x', 'Split'], ['p', 'Sub', ['x', 'x:1']], ['q', 'Sub', ['x:1', 'x']]],
      [['x', 'Split'], ['q2', 'Sub', ['x:1', 'x']], ['p2', 'Sub', ['x', 'x:1']]],
    )).toEqual({ x: ['x', PASS_NAMES[PASS_NAME]], p: ['p2', structure], q: ['q2', structure] });
  });

  it('matches a node through its readers when it has no matched input (a Const feeding a matched op)', () => {
    expect(pairs(
      [['x', 'Placeholder'], ['k', 'Const'], ['out', 'Add', ['x', 'k']], ['k_other', 'Const'], ['other', 'Mul', ['k_other', 'x']]],
      [['x', 'Placeholder'], ['k2', 'Const'], ['out', 'Add', ['x', 'k2']], ['ko', 'Const'], ['other', 'Mul', ['ko', 'x']]],
    )).toMatchObject({ k: ['k2', structure], k_other: ['ko', structure] });
  });

  it('counts inputs, so a node with two more unmatched inputs is not taken for another', () => {
    // `init` and `init_1` both read the two matched Assigns; only the arity tells them apart.
    const a: NodeSpec[] = [['v', 'VariableV2'], ['v/Assign', 'Assign', ['v']], ['w', 'VariableV2'], ['w/Assign', 'Assign', ['w']], ['u', 'NoOp'], ['init', 'NoOp', ['^v/Assign', '^w/Assign']], ['init_1', 'NoOp', ['^v/Assign', '^w/Assign', '^u', '^x']]];
    const b: NodeSpec[] = [['v', 'VariableV2'], ['v/Assign', 'Assign', ['v']], ['w', 'VariableV2'], ['w/Assign', 'Assign', ['w']], ['u', 'NoOp'], ['i0', 'NoOp', ['^w/Assign', '^v/Assign']], ['i1', 'NoOp', ['^w/Assign', '^v/Assign', '^u', '^x']]];
    expect(pairs(a, b)).toMatchObject({ init: ['i0', structure], init_1: ['i1', structure] });
  });

  it('leaves structurally identical nodes unmatched rather than guess', () => {
    expect(pairs(
      [['x', 'Placeholder'], ['r1', 'Relu', ['x']], ['r2', 'Relu', ['x']]],
      [['x', 'Placeholder'], ['s1', 'Relu', ['x']], ['s2', 'Relu', ['x']]],
    )).toEqual({ x: ['x', PASS_NAMES[PASS_NAME]], r1: null, r2: null });
  });
});

describe('scope transfer', () => {
  it('maps the rest of a renamed scope once its unique members agree on where it went', () => {
    // in/ and tg/ hold the same dead subgraph; their `tag` nodes pin in → in_v2 and tg → tg_v2.
    const spec = (p: string, q: string, tag: string): NodeSpec[] => [[`${p}/r/shape`, 'Const'], [`${p}/r`, 'RandomUniform', [`${p}/r/shape`]], [`${p}/${tag}`, 'Placeholder'], [`${q}/r/shape`, 'Const'], [`${q}/r`, 'RandomUniform', [`${q}/r/shape`]], [`${q}/${tag}_t`, 'Placeholder']];
    const r = pairs(spec('in', 'tg', 'tag'), spec('in_v2', 'tg_v2', 'tag'));
    expect(r).toEqual({
      'in/r/shape': ['in_v2/r/shape', PASS_NAMES[PASS_SCOPE]],
      'in/r': ['in_v2/r', PASS_NAMES[PASS_SCOPE]],
      'in/tag': ['in_v2/tag', PASS_NAMES[PASS_SCOPE]],
      'tg/r/shape': ['tg_v2/r/shape', PASS_NAMES[PASS_SCOPE]],
      'tg/r': ['tg_v2/r', PASS_NAMES[PASS_SCOPE]],
      'tg/tag_t': ['tg_v2/tag_t', PASS_NAMES[PASS_SCOPE]],
    });
  });

  it('learns nothing from a scope whose members went to two places', () => {
    const a: NodeSpec[] = [['s/a', 'Relu'], ['s/b', 'Sigmoid'], ['s/k', 'Const'], ['s/k_1', 'Const']];
    const b: NodeSpec[] = [['t/a', 'Relu'], ['b', 'Sigmoid'], ['t/k', 'Const'], ['k', 'Const']];
    // s/a → t/a alone teaches s → t, and s/k follows it.
    expect(pairs(a.filter(([n]) => n !== 's/b'), b.filter(([n]) => n !== 'b'))['s/k']).toEqual(['t/k', PASS_NAMES[PASS_SCOPE]]);
    // With s/b → b as well, `s` went to two places: no rule, and the ambiguous Consts stay unmatched.
    const r = pairs(a, b);
    expect(r['s/b']).toEqual(['b', PASS_NAMES[PASS_SCOPE]]);
    expect([r['s/k'], r['s/k_1']]).toEqual([null, null]);
  });
});

describe('pass 4: leftovers', () => {
  it('pairs the only unmatched node of an op in a scope (renamed), then in the graph (moved)', () => {
    const leftover = PASS_NAMES[PASS_LEFTOVER];
    expect(pairs(
      [['x', 'Placeholder'], ['y', 'Placeholder'], ['s/foo', 'Relu', ['x']], ['s/foo_2', 'Tanh', ['x']], ['p/q', 'Sigmoid', ['x']]],
      [['x', 'Placeholder'], ['y', 'Placeholder'], ['s/bar', 'Relu', ['y']], ['s/baz', 'Tanh', ['y']], ['r/z', 'Sigmoid', ['y']]],
    )).toEqual({ x: ['x', PASS_NAMES[PASS_NAME]], y: ['y', PASS_NAMES[PASS_NAME]], 's/foo': ['s/bar', leftover], 's/foo_2': ['s/baz', leftover], 'p/q': ['r/z', leftover] });
  });

  it('leaves two unmatched nodes of one op alone, and propagates structure from a leftover pair', () => {
    expect(pairs(
      [['p', 'Placeholder'], ['a', 'Relu', ['p']], ['b', 'Relu', ['p']], ['c', 'Exp', ['a']]],
      [['q', 'Placeholder'], ['d', 'Relu', ['q']], ['e', 'Relu', ['q']], ['f', 'Exp', ['e']]],
    )).toEqual({ p: ['q', PASS_NAMES[PASS_LEFTOVER]], a: ['e', structure], b: ['d', structure], c: ['f', PASS_NAMES[PASS_LEFTOVER]] });
  });
});
