import { describe, expect, it } from 'vitest';
import { loadSource } from '../io/load';
import { memorySource } from '../io/byte-source';
import { tensorflow } from '../proto/generated/proto.js';
import { corpusBytes, HAVE_CORPUS } from '../test-support/corpus';
import { parseTensorName, tensorNode } from './signature-tensors';

describe('parseTensorName', () => {
  it('splits node and output slot', () => {
    expect(parseTensorName('x:0')).toEqual({ name: 'x', slot: 0 });
    expect(parseTensorName('a/b/StatefulPartitionedCall:12')).toEqual({ name: 'a/b/StatefulPartitionedCall', slot: 12 });
    expect(parseTensorName('NoOp')).toEqual({ name: 'NoOp', slot: 0 });
    expect(parseTensorName('^init')).toBeNull();
    expect(parseTensorName('x:')).toBeNull();
    expect(parseTensorName('')).toBeNull();
  });
});

describe('signature decoding', () => {
  it('keeps each tensor\'s dtype and shape, and maps it to its node', async () => {
    const bytes = tensorflow.SavedModel.encode({
      savedModelSchemaVersion: 1,
      metaGraphs: [{
        metaInfoDef: { tags: ['serve'] },
        graphDef: { node: [{ name: 'in', op: 'Placeholder' }, { name: 'out', op: 'Identity', input: ['in'] }] },
        signatureDef: {
          serving_default: {
            methodName: 'tensorflow/serving/predict',
            inputs: { x: { name: 'in:0', dtype: tensorflow.DataType.DT_FLOAT, tensorShape: { dim: [{ size: -1 }, { size: 3 }] } } },
            outputs: { y: { name: 'out:0', dtype: tensorflow.DataType.DT_INT64 }, z: { name: 'gone:1' } },
          },
        },
      }],
    }).finish();
    const r = await loadSource(memorySource('saved_model.pb', bytes));
    const [g] = r.graphs;
    const sig = g?.meta?.signatures[0];
    expect(sig).toEqual({
      key: 'serving_default', methodName: 'tensorflow/serving/predict',
      inputs: [{ key: 'x', tensor: 'in:0', dtype: 'float32', shape: [-1, 3] }],
      outputs: [{ key: 'y', tensor: 'out:0', dtype: 'int64', shape: null }, { key: 'z', tensor: 'gone:1', dtype: null, shape: null }],
    });
    const graph = g!.graph;
    expect(tensorNode(graph, 'out:0')).toEqual({ node: graph.indexOf('out'), slot: 0 });
    expect(tensorNode(graph, 'gone:1').node).toBe(-1);
  });
});

describe.skipIf(!HAVE_CORPUS)('signatures of corpus SavedModels', () => {
  const load = async (rel: string) => {
    const r = await loadSource(memorySource(rel, corpusBytes(rel)));
    const g = r.graphs[0];
    if (!g?.meta) throw new Error(`${rel}: no meta graph`);
    return { graph: g.graph, signatures: g.meta.signatures };
  };

  it('TF1 half_plus_two (text SavedModel): methods, dtypes, shapes, every tensor a node of the graph', async () => {
    const { graph, signatures } = await load('tf_repo/cc/saved_model/testdata/half_plus_two_pbtxt/00000123/saved_model.pbtxt');
    expect(signatures.map((s) => s.key)).toEqual(['classify_x2_to_y3', 'classify_x_to_y', 'regress_x2_to_y3', 'regress_x_to_y', 'regress_x_to_y2', 'serving_default']);
    const serving = signatures.find((s) => s.key === 'serving_default');
    expect(serving).toEqual({
      key: 'serving_default', methodName: 'tensorflow/serving/predict',
      inputs: [{ key: 'x', tensor: 'x:0', dtype: 'float32', shape: [-1, 1] }],
      outputs: [{ key: 'y', tensor: 'y:0', dtype: 'float32', shape: [-1, 1] }],
    });
    expect(signatures.find((s) => s.key === 'classify_x_to_y')?.inputs).toEqual([{ key: 'inputs', tensor: 'tf_example:0', dtype: 'string', shape: null }]);
    for (const s of signatures) for (const t of [...s.inputs, ...s.outputs]) expect(tensorNode(graph, t.tensor).node, t.tensor).toBeGreaterThanOrEqual(0);
    expect(graph.op(tensorNode(graph, 'x:0').node)).toBe('Identity');
  });

  it('TF2 half_plus_two: inputs are placeholders with defaults, outputs StatefulPartitionedCall ops', async () => {
    const { graph, signatures } = await load('tf_serving/saved_model_half_plus_two_tf2_cpu/saved_model.pb');
    const serving = signatures.find((s) => s.key === 'serving_default');
    expect(serving?.inputs).toEqual([{ key: 'x', tensor: 'serving_default_x:0', dtype: 'float32', shape: [1] }]);
    expect(serving?.outputs).toEqual([{ key: 'y', tensor: 'StatefulPartitionedCall_5:0', dtype: 'float32', shape: [1] }]);
    expect(graph.op(tensorNode(graph, 'serving_default_x:0').node)).toBe('PlaceholderWithDefault');
    expect(graph.op(tensorNode(graph, 'StatefulPartitionedCall_5:0').node)).toBe('StatefulPartitionedCall');
    for (const s of signatures) for (const t of [...s.inputs, ...s.outputs]) expect(tensorNode(graph, t.tensor).node, t.tensor).toBeGreaterThanOrEqual(0);
  });

  it('counter: variables as outputs (reference dtypes), signatures without inputs', async () => {
    const { graph, signatures } = await load('tf_serving/saved_model_counter/saved_model.pb');
    expect(signatures.map((s) => [s.key, s.inputs.length, s.outputs.length])).toEqual([['get_counter', 0, 1], ['incr_counter_by', 1, 1], ['incr_counter', 0, 1], ['reset_counter', 0, 1]]);
    expect(signatures[0]?.outputs).toEqual([{ key: 'output', tensor: 'counter:0', dtype: 'float32_ref', shape: [] }]);
    expect(graph.op(tensorNode(graph, 'incr_counter_by_op/AssignAdd:0').node)).toBe('AssignAdd');
  });
});
