// The layered layout: layers follow the flow, crossings are removed where an order without them
// exists, own ports take the order of what they feed, edges against the flow end on the sides facing
// their routes, boxes never overlap, every edge meets its ends (own ports on the border, children's
// ports), components sit apart, and the same input gives the same layout.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crossings } from './crossings';
import { layeredLayout } from './layered-layout';
import { placeRow } from './layered-place';
import { DEFAULT_SETTINGS } from './layout-engine';
import { portIsOut, portKey, type InputEdge, type ScopeInput, type ScopeLayout } from './types';

const now = (): number => 0;
type Ports = { key: number; x: number; y: number }[];
const node = (id: number, ports: Ports = []) => ({ id, width: 60, height: 20, ports });
const edge = (from: [number, number], to: [number, number]): InputEdge => ({ from: { node: from[0], port: from[1] }, to: { node: to[0], port: to[1] }, data: 1, control: 0, ref: 0, elements: 1 });
const input = (nodes: ReturnType<typeof node>[], ownPorts: number[], edges: InputEdge[], direction: 'UP' | 'DOWN' = 'UP'): ScopeInput =>
  ({ scope: 1, settings: { ...DEFAULT_SETTINGS, direction }, header: 20, nodes, aux: [], ownPorts, edges });
const box = (l: ScopeLayout, id: number): [number, number, number, number] => {
  const i = Array.from(l.nodeIds).indexOf(id);
  return Array.from(l.nodeBoxes.subarray(4 * i, 4 * i + 4)) as [number, number, number, number];
};
const route = (l: ScopeLayout, e: number): number[] => Array.from(l.points.subarray(2 * (l.pointStart[e] as number), 2 * (l.pointStart[e + 1] as number)));

/** No two boxes of the main area overlap. */
function overlaps(l: ScopeLayout): number {
  let bad = 0;
  const n = l.nodeIds.length - l.auxCount;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const [ax, ay, aw, ah] = Array.from(l.nodeBoxes.subarray(4 * i, 4 * i + 4)) as number[] as [number, number, number, number];
      const [bx, by, bw, bh] = Array.from(l.nodeBoxes.subarray(4 * j, 4 * j + 4)) as number[] as [number, number, number, number];
      if (ax < bx + bw - 1e-6 && bx < ax + aw - 1e-6 && ay < by + bh - 1e-6 && by < ay + ah - 1e-6) bad++;
    }
  }
  return bad;
}

describe('layeredLayout', () => {
  it('puts readers above what they read when data flows up, and below when it flows down', () => {
    const nodes = [10, 11, 12].map((id) => node(id));
    const edges = [edge([10, -1], [11, -1]), edge([11, -1], [12, -1])];
    const up = layeredLayout(input(nodes, [], edges), now);
    expect(box(up, 11)[1]).toBeLessThan(box(up, 10)[1]);
    expect(box(up, 12)[1]).toBeLessThan(box(up, 11)[1]);
    const down = layeredLayout(input(nodes, [], edges, 'DOWN'), now);
    expect(box(down, 11)[1]).toBeGreaterThan(box(down, 10)[1]);
  });

  it('moves a constant next to its only reader instead of the first layer', () => {
    // 10 → 11 → 12 → 13, and 14 (a constant) read by 13 only: it sits one layer below 13.
    const nodes = [10, 11, 12, 13, 14].map((id) => node(id));
    const l = layeredLayout(input(nodes, [], [edge([10, -1], [11, -1]), edge([11, -1], [12, -1]), edge([12, -1], [13, -1]), edge([14, -1], [13, -1])]), now);
    expect(box(l, 14)[1]).toBe(box(l, 12)[1]);
  });

  it('untwists a ladder and a long edge around a chain', () => {
    const nodes = [10, 11, 12, 13, 14, 15].map((id) => node(id));
    const l = layeredLayout(input(nodes, [], [
      edge([10, -1], [13, -1]), edge([11, -1], [12, -1]), edge([12, -1], [14, -1]), edge([14, -1], [15, -1]), edge([13, -1], [15, -1]), edge([10, -1], [15, -1]),
    ]), now);
    expect(crossings(l)).toBe(0);
  });

  it('routes a long edge through the layers it spans, clear of the boxes there', () => {
    const nodes = [10, 11, 12, 13].map((id) => node(id));
    const l = layeredLayout(input(nodes, [], [edge([10, -1], [11, -1]), edge([11, -1], [12, -1]), edge([12, -1], [13, -1]), edge([10, -1], [13, -1])]), now);
    const r = route(l, 3);
    expect(r.length).toBeGreaterThan(4);
    for (const id of [11, 12]) {
      const [x, , w] = box(l, id);
      for (let k = 2; k + 2 < r.length; k += 2) expect((r[k] as number) < x || (r[k] as number) > x + w).toBe(true);
    }
  });

  it('meets own ports on the border and children\'s ports where they are', () => {
    const [pin, pout] = [portKey(100, false), portKey(101, true)];
    const child = node(11, [{ key: 7, x: 15, y: 20 }]);
    const nodes = [node(10), child, node(12)];
    const edges = [edge([-1, pin], [10, -1]), edge([10, -1], [11, 7]), edge([11, -1], [12, -1]), edge([12, -1], [-1, pout]), edge([-1, pin], [12, -1])];
    const l = layeredLayout(input(nodes, [pin, pout], edges), now);
    l.portKeys.forEach((key, k) => {
      const [x, y] = [l.portXY[2 * k] as number, l.portXY[2 * k + 1] as number];
      expect(y).toBe(portIsOut(key) ? 0 : l.height);
      expect(x >= 0 && x <= l.width).toBe(true);
      for (let e = 0; e < edges.length; e++) {
        const r = route(l, e);
        const ed = edges[e] as InputEdge;
        if (ed.from.node < 0 && ed.from.port === key) expect(r.slice(0, 2)).toEqual([x, y]);
        if (ed.to.node < 0 && ed.to.port === key) expect(r.slice(-2)).toEqual([x, y]);
      }
    });
    const [bx, by] = box(l, 11);
    expect(route(l, 1).slice(-2)).toEqual([bx + 15, by + 20]);
  });

  it('orders own ports along the border as the children they feed are ordered, whatever their keys', () => {
    // Two entering ports, the first key feeding the right-hand child: the ports swap, nothing crosses.
    const [p1, p2, q] = [portKey(100, false), portKey(101, false), portKey(102, true)];
    const nodes = [node(10), node(11), node(12)];
    const edges = [edge([10, -1], [12, -1]), edge([11, -1], [12, -1]), edge([-1, p1], [11, -1]), edge([-1, p2], [10, -1]), edge([12, -1], [-1, q])];
    const l = layeredLayout(input(nodes, [p1, p2, q], edges), now);
    expect(crossings(l)).toBe(0);
    const x = (key: number): number => l.portXY[2 * Array.from(l.portKeys).indexOf(key)] as number;
    expect(Math.sign(x(p1) - x(p2))).toBe(Math.sign(box(l, 11)[0] - box(l, 10)[0]));
  });

  it('splits a fan of ports around what it passes, as ELK does (a shared dense layer\'s kernel and bias)', () => {
    // kernel → MatMul → BiasAdd ← bias, and 12 leaving ports each fed by both kernel and bias: with
    // the kernel's 12 edges all on one side of the bias, every pair of ports would cross (66).
    const [kernel, bias, matmul, biasAdd] = [10, 11, 12, 13];
    const nodes = [{ ...node(kernel), width: 300, height: 300 }, { ...node(bias), width: 180, height: 140 }, node(matmul), node(biasAdd)];
    const own = Array.from({ length: 12 }, (_, k) => portKey(200 + k, true));
    const edges = [edge([kernel, -1], [matmul, -1]), edge([matmul, -1], [biasAdd, -1]), edge([bias, -1], [biasAdd, -1]), edge([biasAdd, -1], [-1, portKey(300, true)]),
      ...own.flatMap((p) => [edge([kernel, -1], [-1, p]), edge([bias, -1], [-1, p])])];
    const l = layeredLayout(input(nodes, [...own, portKey(300, true)].sort((a, b) => a - b), edges), now);
    const [bx, , bw] = box(l, bias);
    const sides = new Set(edges.flatMap((e, j) => (e.from.node === kernel && e.to.node < 0 ? [route(l, j)[2] as number < bx + bw / 2 ? 'left' : 'right'] : [])));
    expect(sides).toEqual(new Set(['left', 'right']));
    expect(crossings(l)).toBeLessThan(45);
  });

  it('ends an edge against the flow (a cycle) on the sides facing its route, not through its boxes', () => {
    // 10 → 11 → 12 → 10: the back edge 12 → 10 leaves 12's bottom and reaches 10's top (data flows up).
    const nodes = [10, 11, 12].map((id) => node(id));
    const edges = [edge([10, -1], [11, -1]), edge([11, -1], [12, -1]), edge([12, -1], [10, -1])];
    const l = layeredLayout(input(nodes, [], edges), now);
    const r = route(l, 2);
    const [, y12, , h12] = box(l, 12);
    const [, y10] = box(l, 10);
    expect(y10).toBeGreaterThan(y12);
    expect(r[1]).toBe(y12 + h12);
    expect(r[r.length - 1]).toBe(y10);
  });

  it('packs separate components side by side, apart', () => {
    const nodes = [10, 11, 12, 13, 14, 15].map((id) => node(id));
    const l = layeredLayout(input(nodes, [], [edge([10, -1], [11, -1]), edge([12, -1], [13, -1]), edge([14, -1], [15, -1])]), now);
    expect(overlaps(l)).toBe(0);
    expect(crossings(l)).toBe(0);
    expect(l.width).toBeGreaterThan(3 * 60);
  });

  it('places a row at its wishes when they leave room, and keeps order and gaps when not', () => {
    const x = new Float64Array(3);
    const w = new Float64Array([1, 1, 1]);
    placeRow([0, 1, 2], new Float64Array([0, 100, 200]), w, new Float64Array([10, 10]), x);
    expect(Array.from(x)).toEqual([0, 100, 200]);
    placeRow([0, 1, 2], new Float64Array([50, 50, 50]), w, new Float64Array([10, 10]), x);
    expect(Array.from(x)).toEqual([40, 50, 60]);
  });

  it('never overlaps boxes, meets every edge\'s ends, and is deterministic (random DAGs with ports)', () => {
    const graph = fc.record({
      n: fc.integer({ min: 2, max: 30 }),
      pairs: fc.array(fc.tuple(fc.nat(29), fc.nat(29)), { maxLength: 60 }),
      // [child, port]: ports drawn from a small pool, so that one port often carries several edges.
      inbound: fc.array(fc.tuple(fc.nat(29), fc.nat(3)), { maxLength: 10 }),
      outbound: fc.array(fc.tuple(fc.nat(29), fc.nat(3)), { maxLength: 10 }),
      // Edges straight through the scope, from an entering port to a leaving one.
      through: fc.array(fc.tuple(fc.nat(3), fc.nat(3)), { maxLength: 3 }),
      widths: fc.array(fc.integer({ min: 10, max: 200 }), { minLength: 30, maxLength: 30 }),
    });
    fc.assert(fc.property(graph, ({ n, pairs, inbound, outbound, through, widths }) => {
      const nodes = Array.from({ length: n }, (_, i) => ({ ...node(i + 10), width: widths[i] as number }));
      const edges: InputEdge[] = [];
      // Pairs in either direction, so cycles and back edges occur too.
      for (const [a, b] of pairs) if (a % n !== b % n) edges.push(edge([(a % n) + 10, -1], [(b % n) + 10, -1]));
      const pin = (k: number): number => portKey(200 + k, false);
      const pout = (k: number): number => portKey(300 + k, true);
      for (const [c, k] of inbound) edges.push(edge([-1, pin(k)], [(c % n) + 10, -1]));
      for (const [c, k] of outbound) edges.push(edge([(c % n) + 10, -1], [-1, pout(k)]));
      for (const [a, b] of through) edges.push(edge([-1, pin(a)], [-1, pout(b)]));
      const own = [...new Set(edges.flatMap((e) => [e.from, e.to].filter((end) => end.node < 0).map((end) => end.port)))].sort((a, b) => a - b);
      const inp = input(nodes, own, edges);
      const l = layeredLayout(inp, now);
      expect(overlaps(l)).toBe(0);
      // Own ports on the border they belong to, inside it, and apart from the others on that side.
      for (const out of [false, true]) {
        const xs = own.flatMap((key, k) => (portIsOut(key) === out ? [l.portXY[2 * k] as number] : []));
        own.forEach((key, k) => {
          if (portIsOut(key) !== out) return;
          expect(l.portXY[2 * k + 1]).toBe(out ? 0 : l.height);
          expect((l.portXY[2 * k] as number) >= 0 && (l.portXY[2 * k] as number) <= l.width).toBe(true);
        });
        expect(new Set(xs).size).toBe(xs.length);
      }
      for (let i = 0; i < n; i++) {
        const [x, y, w, h] = Array.from(l.nodeBoxes.subarray(4 * i, 4 * i + 4)) as number[] as [number, number, number, number];
        expect(x >= 0 && y >= inp.header && x + w <= l.width + 1e-6 && y + h <= l.height + 1e-6).toBe(true);
      }
      edges.forEach((e, j) => {
        const r = route(l, j);
        expect(r.length).toBeGreaterThanOrEqual(4);
        for (const [end, at] of [[e.from, r.slice(0, 2)], [e.to, r.slice(-2)]] as const) {
          if (end.node < 0) {
            const k = own.indexOf(end.port);
            expect(at).toEqual([l.portXY[2 * k], l.portXY[2 * k + 1]]);
          } else {
            const [x, y, w, h] = box(l, end.node);
            expect(at[0] as number).toBeCloseTo(x + w / 2);
            expect([y, y + h]).toContain(at[1]);
          }
        }
      });
      const again = layeredLayout(inp, now);
      expect(Array.from(again.nodeBoxes)).toEqual(Array.from(l.nodeBoxes));
      expect(Array.from(again.points)).toEqual(Array.from(l.points));
    }), { numRuns: 60 });
  });
});
