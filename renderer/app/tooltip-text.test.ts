// The tooltip's second line names the kind of box before anything else.
import { describe, expect, it } from 'vitest';
import { SHAPE_CONST, SHAPE_OP, SHAPE_SCOPE, SHAPE_SCOPE_OPEN, SHAPE_SERIES } from '../../core/pipeline/scene';
import { tooltipDetail, type TooltipScene } from './tooltip-text';

const scene: TooltipScene = {
  shapes: Uint8Array.from([SHAPE_SCOPE, SHAPE_SCOPE_OPEN, SHAPE_SERIES, SHAPE_OP, SHAPE_CONST, SHAPE_SCOPE]),
  sublabels: ['40 ops', '', '6 ops · Add', '', '', '3 ops'],
  keys: { op: Int32Array.from([0, 0, 1, 2, 3, -1]), structure: new Int32Array(6), device: new Int32Array(6), xla: new Int32Array(6) },
  tables: { op: ['Identity', 'Add', 'MatMul', 'Const'], structure: [], device: [], xla: [] },
};

describe('tooltipDetail', () => {
  it('says scope first, then its size and its most common op', () => {
    expect(tooltipDetail(scene, 0)).toBe('scope · 40 ops · mostly Identity');
    expect(tooltipDetail(scene, 1)).toBe('scope (open) · mostly Identity');
    expect(tooltipDetail(scene, 5)).toBe('scope · 3 ops');
  });
  it('says series for a series and the op type for an op', () => {
    expect(tooltipDetail(scene, 2)).toBe('series · 6 ops · Add');
    expect(tooltipDetail(scene, 3)).toBe('MatMul');
    expect(tooltipDetail(scene, 4)).toBe('Const');
  });
});
