import { describe, expect, it } from 'vitest';
import { scopeview, tensorflow } from '../proto/generated/proto.js';
import { decodeGraphDef } from '../io/graph-decode';
import { EDGE_CONTROL, EDGE_DATA, EDGE_REF } from './graph';
import { dtypeName, formatShape, outputShapes } from './attrs';

function graphBytes(): Uint8Array {
  const shape = { dim: [{ size: 2 }, { size: 3 }] };
  return tensorflow.GraphDef.encode({
    node: [
      { name: 'w', op: 'VariableV2', attr: { dtype: { type: tensorflow.DataType.DT_FLOAT }, shape: { shape }, _output_shapes: { list: { shape: [shape] } } } },
      { name: 'w/initial_value', op: 'Const', attr: { value: { tensor: { dtype: 1, tensorShape: shape, tensorContent: new Uint8Array(1 << 20) } } } },
      { name: 'w/Assign', op: 'Assign', input: ['w', 'w/initial_value'] },
      { name: 'w/read', op: 'Identity', input: ['w'] },
      { name: 'split', op: 'Split', input: ['w/read'] },
      { name: 'add', op: 'Add', input: ['split:1', 'missing', '^w/Assign'] },
    ],
    library: { function: [{ signature: { name: 'f', inputArg: [{ name: 'x', type: 1 }], outputArg: [{ name: 'y', type: 1 }] }, nodeDef: [{ name: 'mul', op: 'Mul', input: ['x', 'x'] }], ret: { y: 'mul:z:0' } }] },
    versions: { producer: 27 },
  }).finish();
}

describe('Graph', () => {
  const g = decodeGraphDef(graphBytes(), 'test.pb');

  it('counts nodes and library functions', () => {
    expect(g.nodeCount).toBe(6);
    expect(g.functions.map((f) => f.name)).toEqual(['f']);
    expect(g.functionNodeCount).toBe(1);
    expect(g.functions[0]?.ret).toEqual({ y: 'mul:z:0' });
    expect(g.functions[0]?.inputArgs.map((a) => a.name)).toEqual(['x']);
    expect(g.versions).toEqual({ producer: 27, minConsumer: 0 });
  });

  it('builds data, control and reference edges with slots', () => {
    const e = g.edges;
    const list = Array.from({ length: e.count }, (_, i) => [g.name(e.src[i]!), g.name(e.dst[i]!), e.kind[i], e.srcSlot[i]]);
    expect(list).toEqual([
      ['w', 'w/Assign', EDGE_REF, 0],
      ['w/initial_value', 'w/Assign', EDGE_DATA, 0],
      ['w', 'w/read', EDGE_DATA, 0],
      ['w/read', 'split', EDGE_DATA, 0],
      ['split', 'add', EDGE_DATA, 1],
      ['w/Assign', 'add', EDGE_CONTROL, 0],
    ]);
    expect(g.danglingInputs).toEqual([{ node: 5, input: 'missing' }]);
  });

  it('keeps attributes as undecoded views and decodes one on demand', () => {
    const entries = g.attrEntries(1);
    expect(entries).toHaveLength(1);
    // The 1 MiB tensor is a view into the file buffer, not a copy.
    expect(entries[0]!.buffer.byteLength).toBeGreaterThanOrEqual(1 << 20);
    expect(g.attrKeys(0).sort()).toEqual(['_output_shapes', 'dtype', 'shape']);
    expect(dtypeName(g.attr(0, 'dtype')!.type!)).toBe('float');
    expect(formatShape(g.attr(0, 'shape')!.shape)).toBe('(2, 3)');
    expect(outputShapes(g.attrEntries(0))).toEqual([[2, 3]]);
    expect(g.attr(0, 'nope')).toBeNull();
    expect(g.attr(1, 'value')!.tensor!.tensorContent!.length).toBe(1 << 20);
  });

  it('indexes names', () => {
    expect(g.indexOf('w/read')).toBe(3);
    expect(g.indexOf('nope')).toBe(-1);
    const key = new TextEncoder().encode('xw/readx');
    expect(g.indexOfBytes(key, 1, 7)).toBe(3);
    expect(g.indexOfBytes(key, 1, 6)).toBe(-1);
    expect(g.uniqueNames).toBe(true);
  });

  it('tells when names repeat', () => {
    const bytes = tensorflow.GraphDef.encode({ node: [{ name: 'a', op: 'Add' }, { name: 'b', op: 'Add' }, { name: 'a', op: 'Neg' }] }).finish();
    const dup = decodeGraphDef(bytes, 'dup.pb');
    expect(dup.uniqueNames).toBe(false);
    expect(dup.indexOf('a')).toBe(0);
  });

  it('reads the same nodes as the generated protobufjs decoder', () => {
    const full = tensorflow.GraphDef.decode(graphBytes());
    const lazy = scopeview.lazy.LazyGraphDef.decode(graphBytes());
    expect(Array.from({ length: g.nodeCount }, (_, i) => [g.name(i), g.op(i), g.inputs(i)])).toEqual(full.node.map((n) => [n.name, n.op, n.input]));
    const spans = (views: Uint8Array[]) => views.map((v) => [v.byteOffset, v.length]);
    expect(Array.from({ length: g.nodeCount }, (_, i) => spans(g.attrEntries(i)))).toEqual(lazy.node.map((n) => spans(n.attr ?? [])));
  });
});
