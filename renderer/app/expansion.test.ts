// Expansion steps and runs: what is opened in which order, Cancel, and a run overtaken by another.
import { describe, expect, it } from 'vitest';
import { EARLY_DRAW_MIN_SCOPES, Expansion, expansionSteps, type ExpansionHost } from './expansion';

const NAMES = ['a', 'b', 'a/x', 'b/y', 'a/x/z'];
const ENDS = [2, 4, 5];

describe('expansionSteps', () => {
  it('opens the first level alone first, then everything, keeping what was open', () => {
    expect(expansionSteps([], NAMES, ENDS, 5)).toEqual([['a', 'b'], NAMES]);
    expect(expansionSteps(['c/q'], NAMES, ENDS, 5)).toEqual([['c/q', 'a', 'b'], ['c/q', ...NAMES]]);
  });

  it('takes one step when the first level is all there is or is already open', () => {
    expect(expansionSteps([], ['a', 'b'], [2], 0)).toEqual([['a', 'b']]);
    expect(expansionSteps(['b', 'a'], NAMES, ENDS, 0)).toEqual([['b', 'a', 'a/x', 'b/y', 'a/x/z']]);
    expect(expansionSteps([], [], [], 0)).toEqual([[]]);
  });

  it('takes one step when the expansion opens fewer scopes than the early-draw threshold', () => {
    expect(expansionSteps([], NAMES, ENDS, 6)).toEqual([NAMES]);
    expect(EARLY_DRAW_MIN_SCOPES).toBeGreaterThan(1256); // pix2pix, all of it laid out in about a second
    const many = Array.from({ length: EARLY_DRAW_MIN_SCOPES }, (_, i) => (i < 10 ? `s${i}` : `s${i % 10}/c${i}`));
    expect(expansionSteps([], many, [10, many.length])).toHaveLength(2);
  });
});

/** A host whose layouts finish when the test says so. */
function host(): ExpansionHost & { shown: string[][]; fits: number; stages: (string | null)[]; finish(ok: boolean): void } {
  let pending: ((ok: boolean) => void) | null = null;
  let expanded: readonly string[] = ['old'];
  const h = {
    shown: [] as string[][],
    fits: 0,
    stages: [] as (string | null)[],
    expansion: async () => ({ names: NAMES, levelEnds: ENDS }),
    expanded: () => expanded,
    show: (next: readonly string[]) => {
      expanded = next;
      h.shown.push([...next]);
      return new Promise<boolean>((resolve) => (pending = resolve));
    },
    fit: () => void h.fits++,
    progress: (stage: string | null) => void h.stages.push(stage),
    failed: (message: string) => {
      throw new Error(message);
    },
    finish: (ok: boolean) => {
      const p = pending;
      pending = null;
      p?.(ok);
    },
  };
  return h;
}

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

describe('Expansion', () => {
  it('shows each step and fits after each, then clears the progress', async () => {
    const h = host();
    const e = new Expansion(h, 0);
    const run = e.run(null);
    expect(e.active).toBe(true);
    await tick();
    expect(h.shown).toEqual([['old', 'a', 'b']]);
    h.finish(true);
    await tick();
    expect(h.fits).toBe(1);
    expect(h.shown.at(-1)).toEqual(['old', ...NAMES]);
    h.finish(true);
    await run;
    expect(h.fits).toBe(2);
    expect(e.active).toBe(false);
    expect(h.stages.at(-1)).toBeNull();
  });

  it('Cancel hands back what was open before and stops after the current step', async () => {
    const h = host();
    const e = new Expansion(h, 0);
    const run = e.run(2);
    await tick();
    expect(e.cancel()).toEqual(['old']);
    expect(e.active).toBe(false);
    h.finish(true);
    await run;
    expect(h.shown.length).toBe(1);
    expect(h.fits).toBe(0);
    expect(e.cancel()).toBeNull();
  });

  it('stops when a newer layout supersedes a step', async () => {
    const h = host();
    const e = new Expansion(h, 0);
    const run = e.run(null);
    await tick();
    h.finish(false);
    await run;
    expect(h.shown.length).toBe(1);
    expect(h.fits).toBe(0);
    expect(e.active).toBe(false);
  });
});
