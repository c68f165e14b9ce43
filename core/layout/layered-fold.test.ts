// Folding a deep component of the layered layout: a long chain wraps into side-by-side columns of a
// window's shape, read bottom to top and left to right; every edge still leaves its source and
// reaches its target, and one that goes on to the next column runs down the gap between them; a
// short chain stays whole.
import { describe, expect, it } from 'vitest';
import { crossings } from './crossings';
import { layeredLayout } from './layered-layout';
import { DEFAULT_SETTINGS } from './layout-engine';
import { portKey, type InputEdge, type ScopeInput, type ScopeLayout } from './types';

const now = (): number => 0;
const edge = (a: number, b: number): InputEdge => ({ from: { node: a, port: -1 }, to: { node: b, port: -1 }, data: 1, control: 0, ref: 0, elements: 1 });
/** A chain of `n` ops (ids 10, 11, ...), each reading the one before, and the first read by the last. */
const chain = (n: number, direction: 'UP' | 'DOWN' = 'UP'): ScopeInput => {
  const ids = Array.from({ length: n }, (_, k) => 10 + k);
  const edges = ids.slice(1).map((id) => edge(id - 1, id));
  return { scope: 1, settings: { ...DEFAULT_SETTINGS, direction }, header: 20, nodes: ids.map((id) => ({ id, width: 60, height: 20, ports: [] })), aux: [], ownPorts: [], edges: [...edges, edge(10, 9 + n)] };
};
/** `input` with the edges replaced. */
const withEdges = (input: ScopeInput, edges: InputEdge[], ownPorts: number[] = []): ScopeInput => ({ ...input, edges, ownPorts });
const box = (l: ScopeLayout, id: number): [number, number, number, number] => {
  const i = Array.from(l.nodeIds).indexOf(id);
  return Array.from(l.nodeBoxes.subarray(4 * i, 4 * i + 4)) as [number, number, number, number];
};
const route = (l: ScopeLayout, e: number): number[] => Array.from(l.points.subarray(2 * (l.pointStart[e] as number), 2 * (l.pointStart[e + 1] as number)));

describe('layered layout of a deep component', () => {
  it('folds a chain of 150 ops into columns shaped like a window, each read upwards, the next to the right', () => {
    const l = layeredLayout(chain(150), now);
    // Whole, it would be 150 × 46 px tall and 60 px wide.
    expect(l.width / l.height).toBeGreaterThan(0.8);
    expect(l.width / l.height).toBeLessThan(3.2);
    let columns = 1;
    for (let id = 11; id < 160; id++) {
      const [x0, y0] = box(l, id - 1);
      const [x1, y1] = box(l, id);
      if (x1 < x0 + 60) expect(y1).toBeLessThan(y0);
      else {
        expect(y1).toBeGreaterThan(y0);
        columns++;
      }
    }
    expect(columns).toBeGreaterThan(3);
  });

  it('draws every edge from its source box to its target box, inside the scope, through the gap when it changes column', () => {
    const l = layeredLayout(chain(150), now);
    let throughGap = 0;
    for (let e = 0; e < l.edgeFrom.length; e++) {
      const pts = route(l, e);
      const [sx, sy, sw] = box(l, l.edgeFrom[e] as number);
      const [tx, ty, tw, th] = box(l, l.edgeTo[e] as number);
      // Data flows up: out of the source's top, into the target's bottom.
      expect(pts[1]).toBeCloseTo(sy, 6);
      expect(pts[0] as number).toBeGreaterThanOrEqual(sx);
      expect(pts[0] as number).toBeLessThanOrEqual(sx + sw);
      expect(pts.at(-1)).toBeCloseTo(ty + th, 6);
      expect(pts.at(-2) as number).toBeGreaterThanOrEqual(tx);
      expect(pts.at(-2) as number).toBeLessThanOrEqual(tx + tw);
      for (let k = 0; k < pts.length; k += 2) {
        expect(pts[k] as number).toBeGreaterThanOrEqual(0);
        expect(pts[k] as number).toBeLessThanOrEqual(l.width);
        expect(pts[k + 1] as number).toBeGreaterThanOrEqual(0);
        expect(pts[k + 1] as number).toBeLessThanOrEqual(l.height);
      }
      if (tx > sx + sw) {
        // A point between the two columns, on the way from the top of one to the bottom of the next.
        const gap = pts.filter((_, k) => k % 2 === 0).some((x) => x > sx + sw && x < tx);
        expect(gap).toBe(true);
        throughGap++;
      }
    }
    // The chain's edges between columns, and the long edge from the first op to the last.
    expect(throughGap).toBeGreaterThan(3);
  });

  it('starts at the top when data flows down', () => {
    const l = layeredLayout(chain(150, 'DOWN'), now);
    expect(box(l, 11)[1]).toBeGreaterThan(box(l, 10)[1]);
    expect(box(l, 10)[1]).toBeLessThan(l.height / 4);
    expect(l.width / l.height).toBeGreaterThan(0.8);
  });

  it('leaves a chain of 30 ops in one column', () => {
    const l = layeredLayout(chain(30), now);
    for (let id = 11; id < 40; id++) expect(box(l, id)[1]).toBeLessThan(box(l, id - 1)[1]);
    expect(l.height).toBeGreaterThan(30 * 20);
  });

  it('nests the lanes of edges going on to the next column: two parallel chains folded cross nowhere', () => {
    // a: 10..79 and b: 100..169, each a chain, joined at the start.
    const a = Array.from({ length: 70 }, (_, k) => 10 + k);
    const b = Array.from({ length: 70 }, (_, k) => 100 + k);
    const edges = [...a.slice(1).map((id) => edge(id - 1, id)), ...b.slice(1).map((id) => edge(id - 1, id)), edge(10, 101)];
    const input: ScopeInput = { ...chain(1), nodes: [...a, ...b].map((id) => ({ id, width: 60, height: 20, ports: [] })), edges };
    const l = layeredLayout(input, now);
    expect(box(l, 79)[0]).toBeGreaterThan(box(l, 10)[0] + 60);
    expect(crossings(l)).toBe(0);
  });

  it('draws an edge against the flow that spans columns from its source to its target', () => {
    const input = chain(150);
    // A cycle: the last op feeds the tenth.
    const l = layeredLayout(withEdges(input, [...input.edges, edge(159, 20)]), now);
    const e = l.edgeFrom.length - 1;
    const pts = route(l, e);
    const [sx, sy, sw, sh] = box(l, 159);
    const [tx, ty, tw, th] = box(l, 20);
    const on = (x: number, y: number, [bx, by, bw, bh]: [number, number, number, number]): boolean => x >= bx - 1e-6 && x <= bx + bw + 1e-6 && y >= by - 1e-6 && y <= by + bh + 1e-6;
    expect(on(pts[0] as number, pts[1] as number, [sx, sy, sw, sh])).toBe(true);
    expect(on(pts.at(-2) as number, pts.at(-1) as number, [tx, ty, tw, th])).toBe(true);
    for (let k = 0; k < pts.length; k += 2) expect((pts[k] as number) >= 0 && (pts[k] as number) <= l.width && (pts[k + 1] as number) >= 0 && (pts[k + 1] as number) <= l.height).toBe(true);
  });

  it('routes out of a source\'s bottom and into a target\'s top when data flows down', () => {
    const l = layeredLayout(chain(150, 'DOWN'), now);
    for (let e = 0; e < l.edgeFrom.length; e++) {
      const pts = route(l, e);
      const [, sy, , sh] = box(l, l.edgeFrom[e] as number);
      const [, ty] = box(l, l.edgeTo[e] as number);
      expect(pts[1]).toBeCloseTo(sy + sh, 6);
      expect(pts.at(-1)).toBeCloseTo(ty, 6);
    }
  });

  it('never folds the component that reaches the scope\'s border (its ports face the parent along one side)', () => {
    const input = chain(150);
    const [inPort, outPort] = [portKey(900, false), portKey(901, true)];
    const l = layeredLayout(withEdges(input, [...input.edges, { ...edge(-1, 10), from: { node: -1, port: inPort } }, { ...edge(159, -1), to: { node: -1, port: outPort } }], [inPort, outPort]), now);
    for (let id = 11; id < 160; id++) expect(box(l, id)[1]).toBeLessThan(box(l, id - 1)[1]);
  });
});

