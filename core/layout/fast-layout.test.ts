// The fast layered layout's ordering: children follow the children they read from, and the scope's
// own ports sit under (or over) the children their edges reach, in the same order.
import { describe, expect, it } from 'vitest';
import { fastLayout } from './fast-layout';
import { DEFAULT_SETTINGS } from './layout-engine';
import { portKey, type InputEdge, type ScopeInput } from './types';

const now = (): number => 0;
const node = (id: number) => ({ id, width: 60, height: 20, ports: [] });
const edge = (from: [number, number], to: [number, number]): InputEdge => ({ from: { node: from[0], port: from[1] }, to: { node: to[0], port: to[1] }, data: 1, control: 0, ref: 0, elements: 1 });
const input = (nodes: number[], ownPorts: number[], edges: InputEdge[]): ScopeInput => ({ scope: 1, settings: DEFAULT_SETTINGS, header: 20, nodes: nodes.map(node), aux: [], ownPorts, edges });
const xOf = (l: ReturnType<typeof fastLayout>, id: number): number => {
  const i = Array.from(l.nodeIds).indexOf(id);
  return (l.nodeBoxes[4 * i] as number) + (l.nodeBoxes[4 * i + 2] as number) / 2;
};

describe('fastLayout ordering', () => {
  it('orders a layer by the positions of its inputs (no crossing in a twisted ladder)', () => {
    // 10 and 11 feed 13 and 12 crosswise; 12 and 13 come in the other order.
    const l = fastLayout(input([10, 11, 12, 13], [], [edge([10, -1], [13, -1]), edge([11, -1], [12, -1])]), now, false);
    expect(xOf(l, 10)).toBeLessThan(xOf(l, 11));
    expect(xOf(l, 13)).toBeLessThan(xOf(l, 12));
  });

  it('puts each own port near the children its edges reach, in their order', () => {
    const [p, q] = [portKey(100, false), portKey(101, false)];
    const l = fastLayout(input([10, 11, 12], [p, q], [edge([-1, p], [12, -1]), edge([-1, q], [10, -1])]), now, false);
    const px = l.portXY[0] as number;
    const qx = l.portXY[2] as number;
    expect(qx).toBeLessThan(px);
    expect(Math.abs(px - xOf(l, 12))).toBeLessThan(1);
    expect(Math.abs(qx - xOf(l, 10))).toBeLessThan(1);
    // Entering ports stay on the bottom border (data flows up), inside the box.
    expect(l.portXY[1]).toBe(l.height);
    for (const x of [px, qx]) expect(x >= 0 && x <= l.width).toBe(true);
  });

  it('keeps ports that reach the same child apart and inside the border', () => {
    const keys = [0, 1, 2, 3].map((k) => portKey(100 + k, false));
    const l = fastLayout(input([10], keys, keys.map((k) => edge([-1, k], [10, -1]))), now, false);
    const xs = keys.map((_, k) => l.portXY[2 * k] as number).sort((a, b) => a - b);
    for (let k = 1; k < xs.length; k++) expect((xs[k] as number) - (xs[k - 1] as number)).toBeGreaterThanOrEqual(7.99);
    for (const x of xs) expect(x >= 0 && x <= l.width).toBe(true);
  });
});

describe('fastLayout of a deep scope', () => {
  it('wraps a chain of 2,000 layers into side-by-side columns shaped like a window, data still flowing up', () => {
    const ids = Array.from({ length: 2000 }, (_, k) => 10 + k);
    const l = fastLayout(input(ids, [], ids.slice(1).map((id) => edge([id - 1, -1], [id, -1]))), now, false);
    // One column would be 2,000 × 52 px tall and 60 px wide.
    expect(l.width / l.height).toBeGreaterThan(0.8);
    expect(l.width / l.height).toBeLessThan(3.2);
    const slot = new Map(Array.from(l.nodeIds, (id, i) => [id, i]));
    const box = (id: number): number[] => { const i = slot.get(id) as number; return Array.from(l.nodeBoxes.slice(4 * i, 4 * i + 4)); };
    let columns = 1;
    for (const id of ids.slice(1)) {
      const [x0, y0] = box(id - 1) as [number, number];
      const [x1, y1] = box(id) as [number, number];
      if (x1 === x0) expect(y1).toBeLessThan(y0);
      else {
        // The next column starts at the bottom, to the right.
        expect(x1).toBeGreaterThan(x0);
        expect(y1).toBeGreaterThan(y0);
        columns++;
      }
    }
    expect(columns).toBeGreaterThan(4);
  });

  it('leaves a short layout in one column', () => {
    const l = fastLayout(input([10, 11, 12], [], [edge([10, -1], [11, -1]), edge([11, -1], [12, -1])]), now, false);
    const xs = new Set([0, 1, 2].map((i) => l.nodeBoxes[4 * i]));
    expect(xs.size).toBe(1);
  });
});

describe('fastLayout columns', () => {
  it('makes each column as wide as its own layers: a wide first layer does not widen the rest', () => {
    // 40 sources read by one op, then a chain of 1,000.
    const sources = Array.from({ length: 40 }, (_, k) => 10 + k);
    const ids = Array.from({ length: 1000 }, (_, k) => 100 + k);
    const edges = [...sources.map((s) => edge([s, -1], [100, -1])), ...ids.slice(1).map((id) => edge([id - 1, -1], [id, -1]))];
    const l = fastLayout(input([...sources, ...ids], [], edges), now, false);
    const xs = new Set(ids.map((id) => xOf(l, id)));
    const firstRow = 40 * (60 + 14);
    // With every column as wide as the first layer, the columns would be over 2,900 px apart.
    expect(xs.size).toBeGreaterThan(4);
    expect(l.width).toBeLessThan(firstRow + xs.size * (60 + 60) + 24 + 1);
    expect(l.width / l.height).toBeGreaterThan(0.8);
  });
});
