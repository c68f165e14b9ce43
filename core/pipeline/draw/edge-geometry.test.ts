import { describe, expect, it } from 'vitest';
import { EDGE_KIND_CONTROL, EDGE_KIND_DATA, EDGE_KIND_REF } from '../scene';
import { arrowLength, buildEdgeGeometry, DASH, edgeWidthPx, forEachDash, GAP } from './edge-geometry';
import { idOf, tinyScene } from '../../test-support/tiny-scene';

const box = [0, 0, 10, 10] as const;

describe('edge widths', () => {
  it('grow with the log of tensor elements, between 1 and 4 px', () => {
    const widths = [1, 10, 1e3, 1e6, 1e9, 1e15].map((e) => edgeWidthPx(EDGE_KIND_DATA, e));
    for (let i = 1; i < widths.length; i++) expect(widths[i]).toBeGreaterThanOrEqual(widths[i - 1] as number);
    expect(widths[0]).toBeGreaterThanOrEqual(1);
    expect(widths[0]).toBeLessThan(1.5);
    expect(widths.at(-1)).toBe(4);
    expect(edgeWidthPx(EDGE_KIND_DATA, 1e3)).toBeCloseTo(1 + 0.4 * Math.log10(1001), 6);
  });

  it('are 1 px for control edges and a default for unknown sizes', () => {
    expect(edgeWidthPx(EDGE_KIND_CONTROL, 1e9)).toBe(1);
    expect(edgeWidthPx(EDGE_KIND_REF, 0)).toBe(1.25);
    expect(edgeWidthPx(EDGE_KIND_DATA, NaN)).toBe(1.25);
  });
});

describe('dashes', () => {
  it('alternate DASH on and GAP off along a straight line', () => {
    const pts = Float32Array.of(0, 0, 30, 0);
    const dashes: number[][] = [];
    forEachDash(pts, 0, 2, (x0, y0, x1, y1) => dashes.push([x0, y0, x1, y1]));
    // 30 units: dashes start at 0, 7, 14, 21, 28 (the last one cut at 30).
    expect(dashes.map((d) => d[0])).toEqual([0, 7, 14, 21, 28].map((x) => expect.closeTo(x, 5)));
    expect(dashes.slice(0, 4).every((d) => Math.abs((d[2] as number) - (d[0] as number) - DASH) < 1e-6)).toBe(true);
    expect(dashes.at(-1)?.[2]).toBeCloseTo(30, 5);
    expect(DASH + GAP).toBe(7);
  });

  it('carry the pattern around corners', () => {
    // 5 units right then down: the first dash (4) ends before the corner, the gap runs 1 unit past it.
    const pts = Float32Array.of(0, 0, 5, 0, 5, 20);
    const dashes: number[][] = [];
    forEachDash(pts, 0, 3, (x0, y0, x1, y1) => dashes.push([x0, y0, x1, y1]));
    expect(dashes[0]).toEqual([0, 0, 4, 0]);
    // Second dash starts 7 units along the path: 2 units down the vertical leg.
    expect(dashes[1]?.[0]).toBeCloseTo(5, 5);
    expect(dashes[1]?.[1]).toBeCloseTo(2, 5);
    expect(dashes[1]?.[3]).toBeCloseTo(6, 5);
  });
});

describe('buildEdgeGeometry', () => {
  const scene = tinyScene([{ box }, { box: [0, 100, 10, 10] }, { box: [50, 100, 10, 10] }], [
    { from: idOf(0), to: idOf(1), points: [5, 10, 5, 100], kind: EDGE_KIND_DATA, elements: 1e6 },
    { from: idOf(0), to: idOf(2), points: [5, 10, 5, 50, 55, 50, 55, 100], kind: EDGE_KIND_CONTROL, mult: 3 },
    { from: idOf(1), to: idOf(2), points: [1, 1] },
  ]);
  const g = buildEdgeGeometry(scene);

  it('puts an arrowhead at the end of each polyline, pointing along its last segment', () => {
    expect(g.arrowCount).toBe(2);
    expect([...g.arrowTip.slice(0, 2)]).toEqual([5, 100]);
    expect([...g.arrowDir.slice(0, 2)]).toEqual([0, 1]);
    expect([...g.arrowTip.slice(2, 4)]).toEqual([55, 100]);
    expect(g.arrowSize[0]).toBeCloseTo(arrowLength(edgeWidthPx(EDGE_KIND_DATA, 1e6)), 5);
    expect([...g.arrowOf]).toEqual([0, 1, -1]);
  });

  it('stops the line inside the arrowhead instead of at the tip', () => {
    const seg0 = [...g.segTarget.slice(0, 2)];
    expect(seg0[0]).toBe(5);
    expect(seg0[1]).toBeLessThan(100);
    expect(seg0[1]).toBeGreaterThan(100 - (g.arrowSize[0] as number));
  });

  it('splits data edges per polyline segment and control edges into dashes', () => {
    const counts = [0, 1, 2].map((e) => (g.segStart[e + 1] as number) - (g.segStart[e] as number));
    expect(counts[0]).toBe(1);
    // The control edge is 40 + 50 + 50 units long: about 140 / 7 dashes.
    expect(counts[1]).toBeGreaterThanOrEqual(18);
    expect(counts[1]).toBeLessThanOrEqual(21);
    expect(counts[2]).toBe(0);
    for (let k = 0; k < g.segCount; k++) {
      const e = g.segEdge[k] as number;
      expect(k).toBeGreaterThanOrEqual(g.segStart[e] as number);
      expect(k).toBeLessThan(g.segStart[e + 1] as number);
    }
  });

  it('finds the midpoint by arc length and the bounding box of each edge', () => {
    expect([...g.mid.slice(0, 2)]).toEqual([5, 55]);
    expect([...g.mid.slice(2, 4)]).toEqual([35, 50]);
    expect(Number.isNaN(g.mid[4])).toBe(true);
    expect([...g.edgeBox.slice(4, 8)]).toEqual([5, 10, 50, 90]);
  });
});
