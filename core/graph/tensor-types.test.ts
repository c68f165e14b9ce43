import { describe, expect, it } from 'vitest';
import { tensorflow } from '../proto/generated/proto.js';
import { decodeGraphDef } from '../io/graph-decode';
import { loadSource } from '../io/load';
import { memorySource } from '../io/byte-source';
import { corpusBytes, HAVE_CORPUS } from '../test-support/corpus';
import { describeTensor, edgeLabel, formatDims, outputTypes, TensorTypes, type TensorType } from './tensor-types';
import type { Graph } from './graph';

const DT = tensorflow.DataType;
const shape = (...dims: number[]) => ({ dim: dims.map((size) => ({ size })) });
const shapes = (...s: ReturnType<typeof shape>[]) => ({ list: { shape: s } });

function fixture(): Graph {
  return decodeGraphDef(tensorflow.GraphDef.encode({
    node: [
      { name: 'x', op: 'Placeholder', attr: { dtype: { type: DT.DT_FLOAT }, shape: { shape: shape(-1, 224, 224, 3) } } },
      { name: 'k', op: 'Const', attr: { dtype: { type: DT.DT_INT32 }, value: { tensor: { dtype: DT.DT_INT32, tensorShape: shape(2) } } } },
      { name: 'conv', op: 'Conv2D', input: ['x', 'k'], attr: { T: { type: DT.DT_HALF }, _output_shapes: shapes(shape(-1, 112, 112, 64)) } },
      { name: 'eq', op: 'Equal', input: ['conv', 'conv'], attr: { T: { type: DT.DT_HALF } } },
      { name: 'shape', op: 'Shape', input: ['conv'], attr: { T: { type: DT.DT_HALF } } },
      { name: 'shape64', op: 'Shape', input: ['conv'], attr: { T: { type: DT.DT_HALF }, out_type: { type: DT.DT_INT64 } } },
      { name: 'cast', op: 'Cast', input: ['conv'], attr: { SrcT: { type: DT.DT_HALF }, DstT: { type: DT.DT_FLOAT } } },
      { name: 'next', op: 'IteratorGetNext', attr: { output_types: { list: { type: [DT.DT_FLOAT, DT.DT_INT64] } }, _output_shapes: shapes(shape(-1, 28, 28), shape(-1)) } },
      { name: 'merge', op: 'Merge', input: ['cast', 'cast'], attr: { T: { type: DT.DT_FLOAT } } },
      { name: 'v', op: 'VariableV2', attr: { dtype: { type: DT.DT_FLOAT }, shape: { shape: shape(3, 3) } } },
      { name: 'h', op: 'VarHandleOp', attr: { dtype: { type: DT.DT_FLOAT }, shape: { shape: shape(3, 3) } } },
      { name: 'custom', op: 'MyCustomOp', input: ['x'], attr: { T: { type: DT.DT_FLOAT }, _output_shapes: shapes({ unknownRank: true } as never) } },
      { name: 'mystery', op: 'MyCustomOp', input: ['x'], attr: { T: { type: DT.DT_FLOAT } } },
      { name: 'sum', op: 'Sum', input: ['x', 'k'], attr: { T: { type: DT.DT_FLOAT }, _output_shapes: shapes(shape()) } },
    ],
  }).finish(), 'fixture.pb');
}

const byName = (g: Graph, name: string): TensorType[] => outputTypes(g, g.indexOf(name));

describe('outputTypes', () => {
  const g = fixture();

  it('reads dtypes from the attribute each op defines its outputs by', () => {
    expect(byName(g, 'x')).toEqual([{ dtype: 'float32', shape: [-1, 224, 224, 3] }]);
    expect(byName(g, 'k')).toEqual([{ dtype: 'int32', shape: [2] }]);
    expect(byName(g, 'conv')).toEqual([{ dtype: 'float16', shape: [-1, 112, 112, 64] }]);
    expect(byName(g, 'eq')[0]?.dtype).toBe('bool');
    expect(byName(g, 'shape')[0]?.dtype).toBe('int32');
    expect(byName(g, 'shape64')[0]?.dtype).toBe('int64');
    expect(byName(g, 'cast')[0]?.dtype).toBe('float32');
    expect(byName(g, 'v')).toEqual([{ dtype: 'float32_ref', shape: [3, 3] }]);
    expect(byName(g, 'h')).toEqual([{ dtype: 'resource', shape: null }]);
  });

  it('types each slot of multi-output ops', () => {
    expect(byName(g, 'next')).toEqual([{ dtype: 'float32', shape: [-1, 28, 28] }, { dtype: 'int64', shape: [-1] }]);
    expect(byName(g, 'merge').map((t) => t.dtype)).toEqual(['float32', 'int32']);
  });

  it('says unknown for ops it does not know, rather than trusting their T', () => {
    expect(byName(g, 'custom')).toEqual([{ dtype: null, shape: null }]);
    expect(byName(g, 'mystery')).toEqual([]);
    expect(new TensorTypes(g).of(g.indexOf('mystery'), 0)).toEqual({ dtype: null, shape: null });
    expect(new TensorTypes(g).of(g.indexOf('conv'), 3)).toEqual({ dtype: null, shape: null });
  });

  it('formats shapes as TensorBoard labels them, the dtype when it is not float32', () => {
    expect(formatDims([-1, 224, 224, 3])).toBe('?×224×224×3');
    expect(formatDims([])).toBe('scalar');
    expect(formatDims(null)).toBe('?');
    expect(edgeLabel(byName(g, 'x')[0] as TensorType)).toBe('?×224×224×3');
    expect(edgeLabel(byName(g, 'conv')[0] as TensorType)).toBe('float16 ?×112×112×64');
    expect(edgeLabel(byName(g, 'sum')[0] as TensorType)).toBe('scalar');
    expect(edgeLabel(byName(g, 'h')[0] as TensorType)).toBe('resource');
    expect(edgeLabel({ dtype: null, shape: null })).toBe('');
    expect(describeTensor(byName(g, 'h')[0] as TensorType)).toBe('resource unknown shape');
    expect(describeTensor({ dtype: null, shape: [2] })).toBe('unknown dtype 2');
  });
});

describe.skipIf(!HAVE_CORPUS)('outputTypes on corpus graphs carrying _output_shapes', () => {
  const load = async (rel: string): Promise<Graph> => {
    const r = await loadSource(memorySource(rel, corpusBytes(rel)));
    const g = r.graphs[0]?.graph;
    if (!g) throw new Error(`${rel}: no graph`);
    return g;
  };

  it('TensorBoard demo graph: MNIST layers, variables, queue', async () => {
    const g = await load('tensorboard/demo_graph.pbtxt');
    expect(byName(g, 'MatMul')).toEqual([{ dtype: 'float32', shape: [200, 100] }]);
    expect(byName(g, 'gradients/MatMul_grad/MatMul_1')).toEqual([{ dtype: 'float32', shape: [-1, 100] }]);
    expect(byName(g, 'hidden_weights')).toEqual([{ dtype: 'float32_ref', shape: [784, 100] }]);
    expect(byName(g, 'gradients/Mean_grad/Cast')).toEqual([{ dtype: 'float32', shape: [] }]);
    // A queue's handle type is not something its attributes say.
    expect(byName(g, 'mnist_dataset_train_1/random_shuffle_queue')[0]?.dtype).toBeNull();
  });

  it('pix2pix GAN: convolution and batch norm outputs', async () => {
    const g = await load('pix2pix_gan_reuse/1/events.out.tfevents.1573068136.neuromancer-lab');
    expect(byName(g, 'generator/encoder_2/conv2d/Conv2D')).toEqual([{ dtype: 'float32', shape: [1, 64, 64, 128] }]);
    const bn = byName(g, 'generator/encoder_2/batch_normalization/FusedBatchNorm');
    expect(bn.map(edgeLabel)).toEqual(['1×64×64×128', '128', '128', '128', '128']);
    // Most tensors of a real training graph get a dtype.
    let known = 0;
    let total = 0;
    for (let i = 0; i < g.nodeCount; i++) for (const t of outputTypes(g, i)) { total++; if (t.dtype) known++; }
    expect(known / total).toBeGreaterThan(0.9);
  });
});
