// The inspector's dtype and shape per input and output, on a real graph carrying `_output_shapes`.
import { describe, expect, it } from 'vitest';
import { loadSource } from '../io/load';
import { memorySource } from '../io/byte-source';
import { analyzeGraph } from '../scope/scope-engine';
import { corpusBytes, HAVE_CORPUS } from '../test-support/corpus';
import { nodeDetails } from './node-details';

describe.skipIf(!HAVE_CORPUS)('node details: tensor types (TensorBoard demo graph)', () => {
  it('gives each input and output of an op its dtype and shape, and lists the op\'s output tensors', async () => {
    const rel = 'tensorboard/demo_graph.pbtxt';
    const r = await loadSource(memorySource(rel, corpusBytes(rel)));
    const model = analyzeGraph(r.graphs[0]!.graph);
    const d = nodeDetails(model, model.hierarchy.find('MatMul'));
    expect(d.inputs.map((i) => [i.name, i.op, i.slot, i.tensor])).toEqual([
      ['Reshape', 'Reshape', '0 ← :0', 'float32 200×?'],
      ['hidden_weights/read', 'Identity', '1 ← :0', 'float32 784×100'],
    ]);
    expect(d.outputTensors).toEqual([{ slot: 0, tensor: 'float32 200×100' }]);
    expect(d.outputs.map((o) => [o.name, o.slot, o.tensor])).toEqual([['add', ':0 → 0', 'float32 200×100']]);
    const bcast = nodeDetails(model, model.hierarchy.find('gradients/add_grad/BroadcastGradientArgs'));
    expect(bcast.outputTensors).toEqual([{ slot: 0, tensor: 'int32 ?' }, { slot: 1, tensor: 'int32 ?' }]);
    expect(bcast.outputs.map((o) => o.slot?.split(' ')[0]).sort()).toEqual([':0', ':1']);
  });
});
