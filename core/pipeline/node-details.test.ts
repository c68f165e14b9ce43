// The inspector's details around embedding: a host lists the ops drawn inside it, an embedded
// Const lists every op it is drawn inside, and locations of embedded ops name them.
import { describe, expect, it } from 'vitest';
import { analyzeHierarchy } from '../scope/scope-engine';
import { makeGraph } from '../test-support/graphs';
import { embeddedNode, locationOf, nodeDetails } from './node-details';

describe('node details', () => {
  const g = makeGraph([
    ['k', 'Const', ['^init']],
    ['init', 'NoOp'],
    ['a/mul', 'Mul', ['x', 'k']],
    ['x', 'Placeholder'],
    ['b/add', 'Add', ['x', 'k']],
    ['b/sum', 'ScalarSummary', ['b/add']],
    ['c', 'Neg', ['k']],
  ]);
  const model = analyzeHierarchy(g);
  const h = model.hierarchy;

  it('lists the ops drawn inside an op, each with its graph node', () => {
    const d = nodeDetails(model, h.find('b/add'));
    expect(d.embedded.map((r) => [r.name, r.op, r.graphNode])).toEqual([['k', 'Const', g.indexOf('k')], ['b/sum', 'ScalarSummary', g.indexOf('b/sum')]]);
    expect(d.drawnIn).toEqual([]);
  });

  it('inspects an embedded Const on its own: every op it is drawn inside, in graph order', () => {
    const k = g.indexOf('k');
    const d = nodeDetails(model, h.find('b/add'), k);
    expect(d.name).toBe('k');
    expect(d.op).toBe('Const');
    expect(d.node).toBe(h.find('b/add'));
    expect(d.drawnIn.map((r) => r.name)).toEqual(['a/mul', 'b/add', 'c']);
    expect(d.drawnIn.map((r) => r.node)).toEqual([h.find('a/mul'), h.find('b/add'), h.find('c')]);
    expect(d.controlInputs.map((r) => r.name)).toEqual(['init']);
    expect(d.embedded).toEqual([]);
    expect(() => nodeDetails(model, h.find('x'), k)).toThrow(/not drawn inside/);
  });

  it('locates an embedded op at its first host and names it', () => {
    const k = g.indexOf('k');
    expect(embeddedNode(h, k)).toBe(k);
    expect(embeddedNode(h, g.indexOf('x'))).toBeUndefined();
    expect(locationOf(model, h.holder(k), embeddedNode(h, k))).toEqual({ target: h.find('a/mul'), expand: ['a'], embedded: k });
  });
});
