import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Graph } from '../../graph/graph';
import type { tensorflow } from '../../proto/generated/proto.js';
import { makeGraph, type NodeSpec } from '../../test-support/graphs';
import { AttrTextIndex, DEDUP_MAX_BYTES } from './search-attrs';
import { attrEntryText } from './search-attr-text';

/** The obvious search: render every attribute of every node and test it. */
function referenceFind(g: Graph, needle: string, limit: number): { nodes: number[]; keys: string[]; total: number } {
  const nodes: number[] = [];
  const keys: string[] = [];
  let total = 0;
  for (let i = 0; i < g.nodeCount; i++) {
    for (const entry of g.attrEntries(i)) {
      const kv = attrEntryText(entry);
      if (!kv || !(kv.key.toLowerCase().includes(needle) || kv.value.toLowerCase().includes(needle))) continue;
      total++;
      if (nodes.length < limit) {
        nodes.push(i);
        keys.push(kv.key);
      }
      break;
    }
  }
  return { nodes, keys, total };
}

type Attr = tensorflow.AttrValue.$Properties;
const conv = (padding: string): Record<string, Attr> => ({ T: { type: 1 }, padding: { s: new TextEncoder().encode(padding) }, strides: { list: { i: [1, 2, 2, 1] } } });

describe('AttrTextIndex', () => {
  it('renders each distinct entry once and keeps one hit per node', () => {
    const g = makeGraph([['a', 'Conv2D', [], conv('SAME')], ['b', 'Conv2D', [], conv('SAME')], ['c', 'Conv2D', [], conv('VALID')], ['d', 'NoOp']]);
    const index = AttrTextIndex.build(g);
    expect(index.attributeCount).toBe(9);
    expect(index.distinctCount).toBe(4);
    expect(index.find('same', 10)).toEqual({ nodes: [0, 1], keys: ['padding', 'padding'], total: 2 });
    expect(index.find('t', 10)).toEqual({ nodes: [0, 1, 2], keys: ['T', 'T', 'T'], total: 3 });
    expect(index.find('2, 2', 1)).toEqual({ nodes: [0], keys: ['strides'], total: 3 });
    expect(index.find('nothing', 10)).toEqual({ nodes: [], keys: [], total: 0 });
  });

  it('renders large tensors (not deduplicated) by dtype and shape', () => {
    const big = (d: number): Record<string, Attr> => ({ value: { tensor: { dtype: 1, tensorShape: { dim: [{ size: d }] }, tensorContent: new Uint8Array(2 * DEDUP_MAX_BYTES) } } });
    const g = makeGraph([['k1', 'Const', [], big(3)], ['k2', 'Const', [], big(3)], ['k3', 'Const', [], big(4)]]);
    const index = AttrTextIndex.build(g);
    expect(index.distinctCount).toBe(2);
    expect(index.find('float (3)', 10)).toEqual({ nodes: [0, 1], keys: ['value', 'value'], total: 2 });
  });

  it('finds what rendering and testing every attribute finds, on random attributes and queries', () => {
    const unit = fc.constantFrom('a', 'A', 's', 'Σ', 'ς', 'İ', 'i', '\n', ' ', '1', ',', '(');
    const text = fc.string({ unit, maxLength: 5 });
    const value = fc.oneof(
      text.map((s): Attr => ({ s: new TextEncoder().encode(s) })),
      fc.integer({ min: -3, max: 12 }).map((i): Attr => ({ i })),
      fc.integer({ min: 0, max: 3 }).map((type): Attr => ({ type })),
      fc.array(fc.integer({ min: -1, max: 11 }), { maxLength: 3 }).map((dims): Attr => ({ shape: { dim: dims.map((size) => ({ size })) } })),
      fc.integer({ min: 0, max: 2 }).map((d): Attr => ({ tensor: { dtype: 1, tensorShape: { dim: [{ size: d }] }, tensorContent: new Uint8Array(d === 2 ? 2 * DEDUP_MAX_BYTES : 4) } })),
    );
    const attrs = fc.dictionary(fc.constantFrom('T', 'dtype', 'Padding', 'İx', 'value', 'shape'), value, { maxKeys: 4 });
    const graph = fc.array(attrs, { maxLength: 25 });
    const needle = fc.string({ unit, minLength: 1, maxLength: 3 }).map((s) => s.toLowerCase());
    fc.assert(fc.property(graph, needle, fc.integer({ min: 0, max: 5 }), (nodes, q, limit) => {
      const g = makeGraph(nodes.map((a, i): NodeSpec => [`n${i}`, 'Op', [], a]));
      expect(AttrTextIndex.build(g).find(q, limit)).toEqual(referenceFind(g, q, limit));
    }), { numRuns: 400 });
  });
});
