// Statuses and changed fields of matched pairs: attribute bytes per key, `_output_shapes` ignored,
// `_class` through the matching, inputs through the matching (data by position, control as a set),
// op and device; moved versus renamed.
import { describe, expect, it } from 'vitest';
import { Graph } from '../graph/graph';
import { GraphColumnsBuilder } from '../graph/graph-builder';
import { makeGraph, shapesAttr, type NodeSpec } from '../test-support/graphs';
import { diffGraphs, listChanges, type DiffOptions } from './diff';

function changes(a: readonly NodeSpec[], b: readonly NodeSpec[], options?: DiffOptions): [string, string | null, string | null, readonly string[]][] {
  const ga = makeGraph(a);
  const gb = makeGraph(b);
  return listChanges(diffGraphs(ga, gb, options), ga, gb).map((c) => [c.status, c.a, c.b, c.attrs]);
}

const f32 = { type: 1 };
const i32 = { type: 3 };

describe('attributes', () => {
  it('lists the keys whose bytes differ, or that one side lacks, sorted', () => {
    expect(changes(
      [['x', 'Placeholder', [], { dtype: f32, shape: { shape: { dim: [{ size: 2 }] } } }], ['k', 'Const', [], { dtype: f32 }]],
      [['x', 'Placeholder', [], { dtype: i32, shape: { shape: { dim: [{ size: 2 }] } } }], ['k', 'Const', [], { dtype: f32, value: { tensor: { dtype: 1 } } }]],
    )).toEqual([['attr-changed', 'x', 'x', ['dtype']], ['attr-changed', 'k', 'k', ['value']]]);
  });

  it('ignores `_output_shapes` unless asked not to', () => {
    const a: NodeSpec[] = [['x', 'Placeholder', [], shapesAttr([1, 2])]];
    const b: NodeSpec[] = [['x', 'Placeholder', [], shapesAttr([1, 3])]];
    expect(changes(a, b)).toEqual([]);
    expect(changes(a, [['x', 'Placeholder']])).toEqual([]);
    expect(changes(a, b, { ignoreAttrs: [] })).toEqual([['attr-changed', 'x', 'x', ['_output_shapes']]]);
  });

  it('compares `_class` colocation through the matching', () => {
    const loc = (...names: string[]): NodeSpec[3] => ({ _class: { list: { s: names.map((n) => new TextEncoder().encode(`loc:@${n}`)) } } });
    const a: NodeSpec[] = [['s/v', 'VariableV2'], ['s/w', 'VariableV2'], ['s/v/read', 'Identity', ['s/v'], loc('s/v')]];
    expect(changes(a, [['t/v', 'VariableV2'], ['t/w', 'VariableV2'], ['t/v/read', 'Identity', ['t/v'], loc('t/v')]])).toEqual([
      ['moved', 's/v', 't/v', []],
      ['moved', 's/w', 't/w', []],
      ['moved', 's/v/read', 't/v/read', []],
    ]);
    expect(changes(a, [['t/v', 'VariableV2'], ['t/w', 'VariableV2'], ['t/v/read', 'Identity', ['t/v'], loc('t/w')]])[2]).toEqual(['moved', 's/v/read', 't/v/read', ['_class']]);
  });
});

describe('op, device and inputs', () => {
  it('reports a changed op under the same name as `(op)`', () => {
    expect(changes([['x', 'Placeholder']], [['x', 'Const']])).toEqual([['attr-changed', 'x', 'x', ['(op)']]]);
  });

  it('reports a changed device as `(device)`', () => {
    const withDevice = (device: string): Graph => {
      const b = new GraphColumnsBuilder();
      b.add('x', 'MatMul', device, []);
      return new Graph(b.finish());
    };
    const a = withDevice('/device:CPU:0');
    const b = withDevice('/device:GPU:0');
    expect(listChanges(diffGraphs(a, b), a, b).map((c) => c.attrs)).toEqual([['(device)']]);
  });

  it('compares data inputs by position and slot through the matching', () => {
    const base: NodeSpec[] = [['x', 'Split'], ['y', 'Placeholder']];
    expect(changes([...base, ['s/d', 'Sub', ['x', 'y']]], [...base, ['t/d', 'Sub', ['x', 'y']]])).toEqual([['moved', 's/d', 't/d', []]]);
    expect(changes([...base, ['d', 'Sub', ['x', 'y']]], [...base, ['d', 'Sub', ['y', 'x']]])).toEqual([['attr-changed', 'd', 'd', ['(input)']]]);
    expect(changes([...base, ['d', 'Sub', ['x', 'y']]], [...base, ['d', 'Sub', ['x:1', 'y']]])).toEqual([['attr-changed', 'd', 'd', ['(input)']]]);
    expect(changes([...base, ['d', 'Sub', ['x', 'y']]], [...base, ['d', 'Sub', ['x', 'y', 'y']]])).toEqual([['attr-changed', 'd', 'd', ['(input)']]]);
  });

  it('compares control inputs as a set, since TensorFlow sorts them by name', () => {
    const base: NodeSpec[] = [['a', 'NoOp'], ['b', 'NoOp'], ['c', 'NoOp']];
    expect(changes([...base, ['init', 'NoOp', ['^a', '^b']]], [...base, ['init', 'NoOp', ['^b', '^a']]])).toEqual([]);
    expect(changes([...base, ['init', 'NoOp', ['^a', '^b']]], [...base, ['init', 'NoOp', ['^a', '^c']]])).toEqual([['attr-changed', 'init', 'init', ['(input)']]]);
  });

  it('sees an input that now comes from a new node, and compares dangling inputs as text', () => {
    expect(changes([['v', 'VariableV2'], ['m', 'MatMul', ['v']]], [['v', 'VariableV2'], ['v_1', 'VariableV2'], ['m', 'MatMul', ['v_1']]])).toEqual([
      ['attr-changed', 'm', 'm', ['(input)']],
      ['added', null, 'v_1', []],
    ]);
    expect(changes([['m', 'MatMul', ['arg0', 'arg1']]], [['m', 'MatMul', ['arg0', 'arg1']]])).toEqual([]);
    expect(changes([['m', 'MatMul', ['arg0', 'arg1']]], [['m', 'MatMul', ['arg0', 'arg2']]])).toEqual([['attr-changed', 'm', 'm', ['(input)']]]);
  });
});

describe('statuses', () => {
  it('moved when the scope changed (whatever the leaf did), renamed when only the leaf did', () => {
    expect(changes(
      [['x', 'Placeholder'], ['s/a', 'Relu', ['x']], ['s/b', 'Tanh', ['x']], ['u/c', 'Exp', ['x']]],
      [['x', 'Placeholder'], ['t/a', 'Relu', ['x']], ['s/b2', 'Tanh', ['x']], ['v/c2', 'Exp', ['x']]],
    )).toEqual([['moved', 's/a', 't/a', []], ['renamed', 's/b', 's/b2', []], ['moved', 'u/c', 'v/c2', []]]);
  });

  it('keeps moved as the status of a moved node whose fields changed too, and lists them', () => {
    expect(changes([['s/x', 'Placeholder', [], { dtype: f32 }]], [['t/x', 'Placeholder', [], { dtype: i32 }]])).toEqual([['moved', 's/x', 't/x', ['dtype']]]);
  });

  it('counts add up on both sides', () => {
    const d = diffGraphs(makeGraph([['a', 'Relu'], ['b', 'Relu'], ['c', 'Exp']]), makeGraph([['a', 'Relu'], ['d', 'Tanh'], ['e', 'Sin']]));
    expect(d.summary).toEqual({ same: 1, attrChanged: 0, moved: 0, renamed: 0, added: 2, removed: 2 });
  });
});
