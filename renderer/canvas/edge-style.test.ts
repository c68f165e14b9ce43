import { describe, expect, it } from 'vitest';
import { shapeScene } from '../../core/pipeline/draw/draw-scene';
import { SHAPE_SCOPE_OPEN } from '../../core/pipeline/scene';
import { idOf, tinyScene } from '../../core/test-support/tiny-scene';
import { EDGE_FADED, EDGE_HIGHLIGHT, EDGE_NORMAL, edgeStates } from './edge-style';
import { NO_HIGHLIGHT } from './node-style';

// An open scope (0) holding two ops (1, 2), and an op outside it (3).
const base = tinyScene([
  { box: [0, 0, 300, 200], shape: SHAPE_SCOPE_OPEN },
  { box: [20, 40, 60, 22] },
  { box: [120, 40, 60, 22] },
  { box: [0, 300, 60, 22] },
], [
  { from: idOf(1), to: idOf(2), points: [80, 51, 120, 51] }, // inner wiring between children
  { from: idOf(0), to: idOf(1), points: [50, 200, 50, 62] }, // the leg from the scope's border in to a child
  { from: idOf(3), to: idOf(0), points: [30, 300, 30, 200] }, // the scope's connection outside
]);
const scene = shapeScene({ ...base, parentSlot: Int32Array.from([-1, 0, 0, -1]) });

describe('edge states', () => {
  it('highlight a selected op\u2019s edges only', () => {
    expect([...edgeStates(scene, { ...NO_HIGHLIGHT, selected: idOf(2) })]).toEqual([EDGE_HIGHLIGHT, EDGE_NORMAL, EDGE_NORMAL]);
  });

  it('highlight an open scope\u2019s connections outside, not the legs to its children', () => {
    expect([...edgeStates(scene, { ...NO_HIGHLIGHT, selected: idOf(0) })]).toEqual([EDGE_NORMAL, EDGE_NORMAL, EDGE_HIGHLIGHT]);
  });

  it('with a trace, highlight edges between traced nodes and fade the rest', () => {
    const traced = new Set([idOf(1), idOf(2)]);
    expect([...edgeStates(scene, { ...NO_HIGHLIGHT, traced })]).toEqual([EDGE_HIGHLIGHT, EDGE_FADED, EDGE_FADED]);
  });
});
