import { describe, expect, it } from 'vitest';
import { OP_HEIGHT, SCOPE_HEIGHT, SERIES_HEIGHT } from '../../core/layout/node-sizes';
import { SHAPE_OP, SHAPE_SCOPE, SHAPE_SCOPE_OPEN, SHAPE_SERIES } from '../../core/pipeline/scene';
import { NODES_PER_TOP, syntheticScene } from '../bench/synthetic-scene';

describe('the benchmark scene', () => {
  const s = syntheticScene(10_000);

  it('has about the asked number of nodes and more edges than nodes', () => {
    expect(Math.abs(s.nodeCount - 10_000)).toBeLessThanOrEqual(NODES_PER_TOP / 2);
    expect(s.edgeCount).toBeGreaterThan(s.nodeCount);
    expect(s.pointStart[s.edgeCount]).toBe(s.points.length / 2);
  });

  it('nests every node inside its parent, parents first', () => {
    for (let i = 0; i < s.nodeCount; i++) {
      const p = s.parentSlot[i] as number;
      if (p < 0) continue;
      expect(p).toBeLessThan(i);
      expect(s.shapes[p]).toBe(SHAPE_SCOPE_OPEN);
      const [x, y, w, h] = s.boxes.slice(4 * i, 4 * i + 4);
      const [px, py, pw, ph] = s.boxes.slice(4 * p, 4 * p + 4);
      expect(x).toBeGreaterThanOrEqual(px as number);
      expect(y).toBeGreaterThanOrEqual(py as number);
      expect((x as number) + (w as number)).toBeLessThanOrEqual((px as number) + (pw as number));
      expect((y as number) + (h as number)).toBeLessThanOrEqual((py as number) + (ph as number));
    }
  });

  it('sizes boxes as node-sizes.ts does', () => {
    const heights = new Map([[SHAPE_OP, OP_HEIGHT], [SHAPE_SCOPE, SCOPE_HEIGHT], [SHAPE_SERIES, SERIES_HEIGHT]]);
    for (let i = 0; i < s.nodeCount; i++) {
      const h = heights.get(s.shapes[i] as number);
      if (h !== undefined) expect(s.boxes[4 * i + 3]).toBe(h);
    }
  });
});
