// Crossing minimisation of the layered layout: the crossings it reports are the order's, it never
// keeps an order worse than the one it was given, and an order it calls settled is a fixed point
// (what lets orderWithPorts skip ordering a settled order again).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layerOrderer, orderWithPorts, type Segments } from './layered-order';

/** A random proper layered graph: items per layer, and segments between consecutive layers. */
const layered = fc.record({
  sizes: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 6 }),
  links: fc.array(fc.tuple(fc.nat(99), fc.nat(99), fc.nat(99), fc.double({ min: -0.4, max: 0.4, noNaN: true })), { maxLength: 40 }),
});

function build({ sizes, links }: { sizes: number[]; links: [number, number, number, number][] }): { rows: number[][]; seg: Segments; items: number; layerOf: Int32Array } {
  const rows: number[][] = [];
  let items = 0;
  for (const size of sizes) rows.push(Array.from({ length: size }, () => items++));
  const layerOf = new Int32Array(items);
  rows.forEach((row, L) => row.forEach((v) => (layerOf[v] = L)));
  const up: number[] = [];
  const down: number[] = [];
  const off: number[] = [];
  for (const [l, a, b, o] of links) {
    const L = l % (rows.length - 1);
    const top = rows[L] as number[];
    const bottom = rows[L + 1] as number[];
    up.push(top[a % top.length] as number);
    down.push(bottom[b % bottom.length] as number);
    off.push(o);
  }
  return { rows, layerOf, items, seg: { up: Int32Array.from(up), down: Int32Array.from(down), offUp: Float64Array.from(off), offDown: new Float64Array(off.length) } };
}

/** Crossings of `rows`, pair by pair (the reference the orderer's merge count must agree with). */
function crossingsOf(rows: number[][], seg: Segments): number {
  const at = new Map<number, number>();
  rows.forEach((row) => row.forEach((v, k) => at.set(v, k)));
  let c = 0;
  for (let s = 0; s < seg.up.length; s++) {
    for (let t = s + 1; t < seg.up.length; t++) {
      const [us, ut] = [seg.up[s] as number, seg.up[t] as number];
      const [ds, dt] = [seg.down[s] as number, seg.down[t] as number];
      if (rows.findIndex((r) => r.includes(us)) !== rows.findIndex((r) => r.includes(ut))) continue;
      const a = (at.get(us) as number) + (seg.offUp[s] as number) - ((at.get(ut) as number) + (seg.offUp[t] as number));
      const b = (at.get(ds) as number) + (seg.offDown[s] as number) - ((at.get(dt) as number) + (seg.offDown[t] as number));
      if (a * b < 0) c++;
    }
  }
  return c;
}

describe('layerOrderer', () => {
  it('reports the crossings of the order it keeps, never more than the order it was given', () => {
    fc.assert(fc.property(layered, (g) => {
      const { rows, seg, items, layerOf } = build(g);
      const given = crossingsOf(rows, seg);
      const c = layerOrderer(seg, items, layerOf, rows.length).order(rows);
      expect(c).toBe(crossingsOf(rows, seg));
      expect(c).toBeLessThanOrEqual(given);
      rows.forEach((row, L) => expect(row.every((v) => layerOf[v] === L)).toBe(true));
    }), { numRuns: 200 });
  });

  it('leaves a settled order as it is when asked to order it again', () => {
    let settled = 0;
    fc.assert(fc.property(layered, (g) => {
      const { rows, seg, items, layerOf } = build(g);
      const orderer = layerOrderer(seg, items, layerOf, rows.length);
      const c = orderer.order(rows);
      if (!orderer.settled) return;
      settled++;
      const again = rows.map((r) => r.slice());
      expect(orderer.order(again)).toBe(c);
      expect(again).toEqual(rows);
    }), { numRuns: 200 });
    expect(settled).toBeGreaterThan(100);
  });
});

describe('orderWithPorts', () => {
  it('removes the crossing of two swapped pairs, and puts each port above what it feeds', () => {
    // Layer 0: items 0, 1; layer 1: items 2, 3 with 0→3 and 1→2 (one crossing); ports 4 (into 0) and 5 (into 1).
    const seg: Segments = { up: Int32Array.of(4, 5, 0, 1), down: Int32Array.of(0, 1, 3, 2), offUp: new Float64Array(4), offDown: new Float64Array(4) };
    const rows = [[], [0, 1], [2, 3], []];
    const c = orderWithPorts(rows, seg, 6, [4, 5], [], new Float64Array(6), 4);
    expect(c).toBe(0);
    const col = (v: number): number => (rows.find((r) => r.includes(v)) as number[]).indexOf(v);
    expect(col(4) < col(5)).toBe(col(0) < col(1));
    expect(col(0) < col(1)).toBe(col(3) < col(2));
  });

  it('is deterministic and no worse than its first try, whatever the number of tries (random graphs, no ports)', () => {
    fc.assert(fc.property(layered, fc.integer({ min: 1, max: 8 }), (g, tries) => {
      const start = build(g);
      const withEmpty = (): number[][] => [[], ...start.rows.map((r) => r.slice()), []];
      const { seg } = start;
      const one = withEmpty();
      const many = withEmpty();
      const manyAgain = withEmpty();
      const c1 = orderWithPorts(one, seg, start.items, [], [], new Float64Array(start.items), 1);
      const c = orderWithPorts(many, seg, start.items, [], [], new Float64Array(start.items), tries);
      expect(orderWithPorts(manyAgain, seg, start.items, [], [], new Float64Array(start.items), tries)).toBe(c);
      expect(manyAgain).toEqual(many);
      expect(c).toBeLessThanOrEqual(c1);
      expect(c).toBe(crossingsOf(many, seg));
    }), { numRuns: 100 });
  });
});
