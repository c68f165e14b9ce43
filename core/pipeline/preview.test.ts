// The preview frame of large graphs: grouping by top-level name, from a decoded graph or straight
// from GraphDef bytes (which must agree, and match the hierarchy's top level: embedding ops make no
// scope and are not counted), and its layout.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readGraphDef } from '../io/graph-def-reader';
import { tensorflow } from '../proto/generated/proto.js';
import { analyzeHierarchy } from '../scope/scope-engine';
import { H_SCOPE } from '../scope/hierarchy';
import { makeGraph } from '../test-support/graphs';
import { previewScene, topLevelOfGraph, topLevelOfGraphDef } from './preview';
import { SHAPE_OP, SHAPE_SCOPE, sceneBuffers } from './scene';

describe('previewScene', () => {
  it('groups nodes by their first name component, counts ops and places boxes without overlap', () => {
    const g = makeGraph([['a/x', 'Const'], ['a/y', 'Add', ['a/x']], ['b', 'NoOp'], ['c/d/e', 'Relu'], ['a/z/w', 'Mul']]);
    const s = previewScene(g, () => 0);
    expect(s.preview).toBe(true);
    const byName = new Map(s.names.map((n, i) => [n, i]));
    expect([...byName.keys()].sort()).toEqual(['a', 'b', 'c']);
    const a = byName.get('a') as number;
    expect(s.shapes[a]).toBe(SHAPE_SCOPE);
    // a/x is a Const: drawn inside a/y, it is not counted.
    expect(s.sublabels[a]).toBe('2 ops');
    expect(s.shapes[byName.get('b') as number]).toBe(SHAPE_OP);
    expect(s.edgeCount).toBe(0);
    for (let i = 0; i < s.nodeCount; i++) {
      for (let j = i + 1; j < s.nodeCount; j++) {
        const [ax, ay, aw, ah] = Array.from(s.boxes.subarray(4 * i, 4 * i + 4)) as [number, number, number, number];
        const [bx, by, bw, bh] = Array.from(s.boxes.subarray(4 * j, 4 * j + 4)) as [number, number, number, number];
        expect(ax + aw <= bx || bx + bw <= ax || ay + ah <= by || by + bh <= ay).toBe(true);
      }
    }
    // Every typed array is its own buffer, so the scene can be transferred.
    const buffers = sceneBuffers(s);
    expect(new Set(buffers).size).toBe(buffers.length);
  });
});

describe('topLevelOfGraphDef', () => {
  const encode = (nodes: readonly { name: string; op: string; input?: string[] }[]): Uint8Array =>
    tensorflow.GraphDef.encode({ node: nodes.map((n) => ({ ...n, attr: { T: { type: 1 } } })), versions: { producer: 27 } }).finish();

  it('reads the top level off the name fields alone, as the decoded graph gives it', () => {
    const nodes = [{ name: 'a/x', op: 'Const' }, { name: 'a/y', op: 'Add', input: ['a/x'] }, { name: 'b', op: 'NoOp' }, { name: 'c/d/e', op: 'Relu' }, { name: 'a', op: 'Identity' }];
    const bytes = encode(nodes);
    const top = topLevelOfGraphDef(bytes, 0, bytes.length);
    expect(top?.nodes).toBe(5);
    expect(top?.groups).toEqual(topLevelOfGraph(readGraphDef(bytes, 'g.pb')));
    expect(top?.groups.get('a')).toEqual({ ops: 2, scope: true });
  });

  it('leaves embedding ops out, as the hierarchy does: no scope from them, not counted', () => {
    const nodes = [
      { name: 'Mul_22/y', op: 'Const' }, { name: 'x', op: 'Placeholder' }, { name: 'Mul_22', op: 'Mul', input: ['x', 'Mul_22/y'] },
      { name: 'Const', op: 'Const' }, { name: 'add', op: 'Add', input: ['x', 'Const'] },
      { name: 'loss', op: 'Identity', input: ['add'] }, { name: 'loss_summary/tags', op: 'Const' },
      { name: 'loss_summary', op: 'ScalarSummary', input: ['loss_summary/tags', 'loss'] },
      { name: 'h/c', op: 'HostConst' }, { name: 'h/use', op: 'Identity', input: ['h/c'] },
    ];
    const bytes = encode(nodes);
    const top = topLevelOfGraphDef(bytes, 0, bytes.length);
    expect(top?.nodes).toBe(nodes.length);
    expect(Object.fromEntries(top?.groups ?? [])).toEqual({
      x: { ops: 1, scope: false }, Mul_22: { ops: 1, scope: false }, add: { ops: 1, scope: false },
      loss: { ops: 1, scope: false }, h: { ops: 1, scope: true },
    });
    // The hierarchy's own top level: the same names, kinds and op counts.
    const { hierarchy: h } = analyzeHierarchy(readGraphDef(bytes, 'g.pb'), { extraction: false, seriesGrouping: false });
    const real = new Map(Array.from(h.children(h.root), (c) => [h.name(c), { ops: h.opCount[c] as number, scope: h.kind[c] === H_SCOPE }]));
    // What names alone cannot tell: a Const read only by a summary is embedded nowhere, so the
    // hierarchy keeps it as an op (labelled with its path); the preview leaves it out.
    expect(real.get('loss_summary/tags')).toEqual({ ops: 1, scope: false });
    real.delete('loss_summary/tags');
    expect(real).toEqual(top?.groups);
  });

  it('agrees with the decoded graph on random names (property)', () => {
    const component = fc.stringMatching(/^[a-z_][a-z0-9_.-]{0,6}$/);
    fc.assert(fc.property(fc.array(fc.array(component, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 40 }), (paths) => {
      const names = [...new Set(paths.map((p) => p.join('/')))];
      const bytes = encode(names.map((name, i) => ({ name, op: ['NoOp', 'Const', 'MatMul', 'ScalarSummary', 'HostConst'][i % 5] as string })));
      const top = topLevelOfGraphDef(bytes, 0, bytes.length);
      expect(top?.groups).toEqual(topLevelOfGraph(readGraphDef(bytes, 'g.pb')));
    }), { numRuns: 200 });
  });

  it('gives up (null) on bytes that do not walk as a GraphDef, and reads only its range', () => {
    const bytes = encode([{ name: 'a/x', op: 'Const' }, { name: 'b', op: 'NoOp' }]);
    expect(topLevelOfGraphDef(bytes, 0, bytes.length - 3)).toBeNull();
    expect(topLevelOfGraphDef(Uint8Array.of(0x0a, 0x7f, 0x01), 0, 3)).toBeNull();
    const padded = new Uint8Array(bytes.length + 4);
    padded.set(bytes, 2);
    expect(topLevelOfGraphDef(padded, 2, 2 + bytes.length)?.nodes).toBe(2);
  });
});
