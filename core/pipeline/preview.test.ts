import { describe, expect, it } from 'vitest';
import { makeGraph } from '../test-support/graphs';
import { previewScene } from './preview';
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
    expect(s.sublabels[a]).toBe('3 ops');
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
