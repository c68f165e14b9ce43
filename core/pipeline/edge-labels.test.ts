// Edge labels line up with the drawn edges: one tensor gives its shape, a bundle of tensors their
// common shape or a count, control edges nothing; the same from cached layouts.
import { describe, expect, it } from 'vitest';
import { tensorflow } from '../proto/generated/proto.js';
import { decodeGraphDef } from '../io/graph-decode';
import { loadSource } from '../io/load';
import { memorySource } from '../io/byte-source';
import { assemble } from '../layout/assemble';
import { expandedBySpec } from '../layout/expand-spec';
import { LayoutEngine } from '../layout/layout-engine';
import { inlineExecutor } from '../layout/local-layout';
import { analyzeGraph, type ScopedHierarchy } from '../scope/scope-engine';
import { corpusBytes, HAVE_CORPUS } from '../test-support/corpus';
import { sceneEdgeLabels } from './edge-labels';

const DT = tensorflow.DataType;
const now = (): number => performance.now();
const shapes = (...s: number[][]) => ({ list: { shape: s.map((dims) => ({ dim: dims.map((size) => ({ size })) })) } });

function fixture(): ScopedHierarchy {
  const f32 = { type: DT.DT_FLOAT };
  return analyzeGraph(decodeGraphDef(tensorflow.GraphDef.encode({
    node: [
      { name: 'x', op: 'Placeholder', attr: { dtype: f32, _output_shapes: shapes([-1, 784]) } },
      { name: 'layer/w', op: 'Placeholder', attr: { dtype: f32, _output_shapes: shapes([784, 10]) } },
      { name: 'layer/mm', op: 'MatMul', input: ['x', 'layer/w'], attr: { T: f32, _output_shapes: shapes([-1, 10]) } },
      { name: 'layer/out', op: 'Relu', input: ['layer/mm'], attr: { T: f32, _output_shapes: shapes([-1, 10]) } },
      { name: 'layer/aux', op: 'Relu', input: ['layer/mm'], attr: { T: f32, _output_shapes: shapes([-1, 10]) } },
      { name: 'head/a', op: 'Neg', input: ['layer/out'], attr: { T: f32, _output_shapes: shapes([-1, 10]) } },
      { name: 'head/b', op: 'Neg', input: ['layer/aux'], attr: { T: f32, _output_shapes: shapes([-1, 10]) } },
      { name: 'mixed/a', op: 'Cast', input: ['x'], attr: { DstT: { type: DT.DT_INT32 }, _output_shapes: shapes([-1, 784]) } },
      { name: 'mixed/b', op: 'Neg', input: ['layer/w'], attr: { T: f32, _output_shapes: shapes([784, 10]) } },
      { name: 'sink', op: 'AddN', input: ['mixed/a', 'mixed/b', '^x'], attr: { T: f32, _output_shapes: shapes([]) } },
    ],
  }).finish(), 'edges.pb'));
}

async function labelled(model: ScopedHierarchy, expanded: ReadonlySet<number>, engine = new LayoutEngine(model, inlineExecutor(now))) {
  const visible = await engine.layout(expanded);
  const placed = assemble(model, visible);
  const labels = sceneEdgeLabels(model, visible, placed, expanded);
  const h = model.hierarchy;
  const named = placed.edges.map((e, i) => [`${e.from === e.scope ? `[${h.name(e.scope)}]` : h.name(e.from)} > ${e.to === e.scope ? `[${h.name(e.scope)}]` : h.name(e.to)}`, labels[i]] as const);
  return { labels, named: new Map(named), engine };
}

describe('sceneEdgeLabels', () => {
  const model = fixture();
  const h = model.hierarchy;

  it('collapsed scopes: a shared shape, a count of differing tensors, nothing on control edges', async () => {
    const { named } = await labelled(model, new Set());
    expect(named.get('x > layer')).toBe('?×784');
    // layer → head carries two tensors of one shape.
    expect(named.get('layer > head')).toBe('?×10');
    // mixed → sink: an int32 and a float32 tensor of different shapes.
    expect(named.get('mixed > sink')).toBe('2 tensors');
    expect(named.get('x > mixed')).toBe('?×784');
    expect(named.get('x > sink')).toBe('');
  });

  it('open scopes: edges inside and through the border, the same again from cached layouts', async () => {
    const open = new Set([h.find('layer'), h.find('mixed')]);
    const first = await labelled(model, open);
    expect(first.named.get('layer/mm > layer/out')).toBe('?×10');
    expect(first.named.get('layer/w > layer/mm')).toBe('784×10');
    expect(first.named.get('mixed/a > [mixed]')).toBe('int32 ?×784');
    // The second layout comes from the engine's cache: the labels must not change.
    const again = await labelled(model, open, first.engine);
    expect(again.labels).toEqual(first.labels);
    expect(first.labels.some((l) => l !== '')).toBe(true);
  });
});

describe.skipIf(!HAVE_CORPUS)('sceneEdgeLabels on the TensorBoard demo graph', () => {
  it('labels the MNIST layers\' edges with their shapes, fully expanded too', async () => {
    const rel = 'tensorboard/demo_graph.pbtxt';
    const r = await loadSource(memorySource(rel, corpusBytes(rel)));
    const model = analyzeGraph(r.graphs[0]!.graph);
    const top = await labelled(model, new Set());
    expect([...top.named.values()]).toContain('200×100');
    const all = await labelled(model, expandedBySpec(model.hierarchy, 'all') as Set<number>);
    expect(all.labels.length).toBeGreaterThan(top.labels.length);
    expect(all.named.get('MatMul > add')).toBe('200×100');
  });
});
