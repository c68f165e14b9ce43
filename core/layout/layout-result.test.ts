// The auxiliary area beside a scope's main area: its nodes stack in columns no taller than the main
// area (or a square of them beside a short one), never overlapping and never left of the main area.
import { describe, expect, it } from 'vitest';
import { layoutResult } from './layout-result';
import { DEFAULT_SETTINGS } from './layout-engine';
import type { ScopeInput } from './types';

const op = (id: number) => ({ id, width: 80, height: 22, ports: [] });
const input = (main: number, aux: number): ScopeInput => ({
  scope: 1, settings: DEFAULT_SETTINGS, header: 20,
  nodes: Array.from({ length: main }, (_, k) => op(10 + k)),
  aux: Array.from({ length: aux }, (_, k) => op(1000 + k)),
  ownPorts: [], edges: [],
});
/** The main area as a layout would place it: `main` ops in a row, `height` tall with padding. */
const placed = (main: number, height: number) => ({
  boxes: Float64Array.from({ length: 4 * main }, (_, k) => [12 + 100 * Math.floor(k / 4), 32, 80, 22][k % 4] as number),
  width: 100 * main + 24, height, portXY: new Float64Array(0), routes: [],
});

describe('layoutResult auxiliary area', () => {
  it('stacks a few auxiliary nodes in one column right of the main area', () => {
    const l = layoutResult(input(3, 4), placed(3, 400), 0, null);
    const xs = new Set(Array.from({ length: 4 }, (_, k) => l.nodeBoxes[4 * (3 + k)]));
    expect(xs.size).toBe(1);
    expect([...xs][0]).toBeGreaterThan(300);
    expect(l.height).toBe(400);
  });

  it('wraps a hundred auxiliary nodes into columns instead of a strip far taller than the graph', () => {
    const l = layoutResult(input(3, 100), placed(3, 100), 0, null);
    const boxes = Array.from({ length: 100 }, (_, k) => Array.from(l.nodeBoxes.subarray(4 * (3 + k), 4 * (4 + k))) as [number, number, number, number]);
    // One column would be 100 × 30 px tall.
    expect(l.height).toBeLessThan(1000);
    expect(new Set(boxes.map((b) => b[0])).size).toBeGreaterThan(2);
    for (const [x, y, w, h] of boxes) {
      expect(x).toBeGreaterThan(300);
      expect(x + w).toBeLessThanOrEqual(l.width);
      expect(y + h).toBeLessThanOrEqual(l.height);
    }
    for (let i = 0; i < 100; i++) {
      for (let j = i + 1; j < 100; j++) {
        const [ax, ay, aw, ah] = boxes[i] as [number, number, number, number];
        const [bx, by, bw, bh] = boxes[j] as [number, number, number, number];
        expect(ax < bx + bw && bx < ax + aw && ay < by + bh && by < ay + ah).toBe(false);
      }
    }
  });
});
