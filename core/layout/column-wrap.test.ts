// Cutting a deep layout into columns: a short layout keeps one, a tall one gets the count nearest a
// window's shape, each column as wide as its own units, and a cut moves to the boundary the fewest
// edges cross.
import { describe, expect, it } from 'vitest';
import { chooseCuts, COLUMN_GAP, wrapSize, type Units } from './column-wrap';

/** `n` units 20 tall, 30 apart, each as wide as `width(i)`. */
const units = (n: number, width: (i: number) => number): Units => ({
  top: Float64Array.from({ length: n }, (_, i) => 30 * i),
  height: new Float64Array(n).fill(20),
  lo: new Float64Array(n),
  hi: Float64Array.from({ length: n }, (_, i) => width(i)),
});

describe('chooseCuts', () => {
  it('keeps a layout no taller than wide in one column', () => {
    expect(chooseCuts(units(5, () => 400)).cuts).toEqual([]);
  });

  it('cuts a tall strip into columns of consecutive units whose drawing nears a window', () => {
    const w = chooseCuts(units(400, () => 60));
    expect(w.cuts.length).toBeGreaterThan(3);
    for (let c = 1; c < w.cuts.length; c++) expect(w.cuts[c] as number).toBeGreaterThan(w.cuts[c - 1] as number);
    expect(w.width / w.height).toBeGreaterThan(0.8);
    expect(w.width / w.height).toBeLessThan(3.2);
    expect(wrapSize(units(400, () => 60), w.cuts)).toEqual({ width: w.width, height: w.height });
  });

  it('makes each column as wide as its own units, so one wide unit widens one column', () => {
    const u = units(400, (i) => (i === 0 ? 2000 : 60));
    const w = chooseCuts(u);
    expect(w.cuts.length).toBeGreaterThan(1);
    // The first column holds the wide unit; every other one is 60 wide.
    expect(w.width).toBe(2000 + w.cuts.length * (60 + COLUMN_GAP));
  });

  it('moves a cut back to the boundary crossed by the fewest edges', () => {
    const u = units(400, () => 60);
    const plain = chooseCuts(u);
    const first = plain.cuts[0] as number;
    const cheap = first - 3;
    const w = chooseCuts(u, (b) => (b === cheap ? 1 : 5));
    expect(w.cuts[0]).toBe(cheap);
  });
});
