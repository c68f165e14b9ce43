import { describe, expect, it } from 'vitest';
import { kerasModelGraph } from './keras-model';

const functional = {
  class_name: 'Functional',
  config: {
    name: 'model',
    layers: [
      { class_name: 'InputLayer', name: 'input_1', config: { name: 'input_1' }, inbound_nodes: [] },
      { class_name: 'Dense', name: 'dense', config: { name: 'dense' }, inbound_nodes: [[['input_1', 0, 0, {}]]] },
      {
        class_name: 'Sequential', name: 'block', config: { name: 'block', layers: [
          { class_name: 'Dense', config: { name: 'inner_a' } },
          { class_name: 'Dropout', config: { name: 'inner_b' } },
        ] }, inbound_nodes: [[['dense', 0, 0, {}]]],
      },
      { class_name: 'Add', name: 'add', config: { name: 'add' }, inbound_nodes: [[['block', 0, 0, {}], ['dense', 0, 0, {}]]] },
    ],
    input_layers: [['input_1', 0, 0]],
    output_layers: [['add', 0, 0]],
  },
};

describe('kerasModelGraph', () => {
  it('builds layer nodes, nested models as scopes, and inbound edges', () => {
    const r = kerasModelGraph(JSON.stringify(functional));
    expect(r.error).toBeNull();
    const g = r.graph!;
    const nodes = Array.from({ length: g.nodeCount }, (_, i) => [g.name(i), g.op(i), g.inputs(i)]);
    expect(nodes).toEqual([
      ['input_1', 'InputLayer', []],
      ['dense', 'Dense', ['input_1']],
      ['block/inner_a', 'Dense', ['dense']],
      ['block/inner_b', 'Dropout', ['block/inner_a']],
      ['add', 'Add', ['block/inner_b', 'dense']],
    ]);
  });

  it('reads Keras 3 keras_history inbound nodes', () => {
    const model = { class_name: 'Functional', config: { layers: [
      { class_name: 'InputLayer', name: 'x', config: { name: 'x' }, inbound_nodes: [] },
      { class_name: 'Dense', name: 'd', config: { name: 'd' }, inbound_nodes: [{ args: [{ class_name: '__keras_tensor__', config: { keras_history: ['x', 0, 0] } }], kwargs: {} }] },
    ] } };
    const g = kerasModelGraph(JSON.stringify(model)).graph!;
    expect([g.inputs(0), g.inputs(1)]).toEqual([[], ['x']]);
  });

  it('returns an error, never throws, on malformed JSON', () => {
    expect(kerasModelGraph('{"class_name": ').error).toMatch(/not valid JSON/);
    expect(kerasModelGraph('[1,2]').error).toMatch(/not a Keras model/);
    expect(kerasModelGraph('{"config": {"layers": [1, null, {"inbound_nodes": 5}]}}').graph!.nodeCount).toBe(1);
  });
});
