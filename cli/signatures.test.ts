import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, HAVE_CORPUS } from '../core/test-support/corpus';
import { openPath } from './open-path';
import { signaturesJson, signaturesText } from './signatures';

describe.skipIf(!HAVE_CORPUS)('scopeview signatures', () => {
  it('lists each signature of a SavedModel folder with tensors, types and producing ops', async () => {
    const r = await openPath(`${CORPUS_DIR}/tf_serving/saved_model_half_plus_two_tf2_cpu`);
    const json = signaturesJson(r);
    expect(json.graphs.map((g) => [g.index, g.source, g.tags, g.signatures.length])).toEqual([[0, 'saved_model', ['serve'], 7]]);
    const serving = json.graphs[0]?.signatures.find((s) => s.key === 'serving_default');
    expect(serving).toEqual({
      key: 'serving_default', methodName: 'tensorflow/serving/predict',
      inputs: [{ key: 'x', tensor: 'serving_default_x:0', dtype: 'float32', shape: [1], node: 'serving_default_x', op: 'PlaceholderWithDefault' }],
      outputs: [{ key: 'y', tensor: 'StatefulPartitionedCall_5:0', dtype: 'float32', shape: [1], node: 'StatefulPartitionedCall_5', op: 'StatefulPartitionedCall' }],
    });
    const text = signaturesText(r).split('\n');
    expect(text).toContain('    serving_default (tensorflow/serving/predict)');
    expect(text).toContain('      input  x: serving_default_x:0  float32 1  (PlaceholderWithDefault serving_default_x)');
    expect(text).toContain('      output scores: StatefulPartitionedCall_1:0  float32 ?×1  (StatefulPartitionedCall StatefulPartitionedCall_1)');
  });

  it('says that a plain GraphDef has none', async () => {
    const r = await openPath(`${CORPUS_DIR}/tensorboard/demo_graph.pbtxt`);
    expect(signaturesJson(r)).toEqual({ graphs: [] });
    expect(signaturesText(r)).toMatch(/no signatures/);
  });
});
