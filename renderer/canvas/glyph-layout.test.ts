import { describe, expect, it } from 'vitest';
import { BASELINE_EM, glyphColours, layoutGlyphs, pillBoxes, runWidth, type GlyphBox, type GlyphSource, type LabelRun } from './glyph-layout';

/** A 10 px atlas font: every glyph advances 6 px; letters are 4×8 bitmaps 1 px right of the pen, 7 px above the baseline. */
const ATLAS_PX = 10;
const glyphs: GlyphSource = {
  get(ch: string): GlyphBox | undefined {
    if (ch === ' ') return { x: 0, y: 0, w: 0, h: 0, left: 0, top: 0, advance: 6 };
    if (ch === '?') return undefined;
    const i = ch.charCodeAt(0) - 97;
    return { x: 10 * i, y: 20, w: 4, h: 8, left: 1, top: -7, advance: 6 };
  },
};

const run = (text: string, align: number, over: Partial<LabelRun> = {}): LabelRun => ({ text, x: 100, y: 50, size: 20, align, ...over });

describe('layoutGlyphs', () => {
  it('places one quad per inked glyph on the pen, scaled from the atlas font to the label size', () => {
    const q = layoutGlyphs([run('ab', 0)], glyphs, ATLAS_PX);
    expect(q.length).toBe(2);
    const rects = Array.from(q.rects);
    const base = 50 + BASELINE_EM * 20;
    // scale 2: left 1 → 2, top -7 → -14, 4×8 → 8×16; the second glyph 12 world units on.
    expect(rects.slice(0, 4)).toEqual([102, base - 14, 8, 16].map((v) => expect.closeTo(v, 4)));
    expect(rects[4]).toBeCloseTo(114, 4);
    expect(Array.from(q.uvs)).toEqual([0, 20, 4, 8, 10, 20, 4, 8]);
    expect(Array.from(q.runOf)).toEqual([0, 0]);
  });

  it('centres and right-aligns by the run width, and skips spaces but keeps their advance', () => {
    const mid = layoutGlyphs([run('a b', 0.5)], glyphs, ATLAS_PX);
    expect(mid.length).toBe(2);
    const r = mid.rects;
    // width 3 × 6 × 2 = 36, so the pen starts at 82; 'b' is two advances (24) further.
    expect(r[0]).toBeCloseTo(84, 4);
    expect(r[4]).toBeCloseTo(108, 4);
    const end = layoutGlyphs([run('ab', 1)], glyphs, ATLAS_PX);
    expect(end.rects[0]).toBeCloseTo(100 - 24 + 2, 4);
  });

  it('gives characters missing from the atlas a space', () => {
    expect(runWidth('a?b', glyphs)).toBe(18);
    const q = layoutGlyphs([run('a?b', 0)], glyphs, ATLAS_PX);
    expect(q.length).toBe(2);
    expect(q.rects[4]).toBeCloseTo(100 + 24 + 2, 4);
  });
});

describe('glyphColours', () => {
  it('gives each glyph its run\u2019s colour, skipping runs without ink', () => {
    const g = layoutGlyphs([run('ab', 0), run(' ', 0), run('c', 0)], glyphs, ATLAS_PX);
    expect(Array.from(g.runOf)).toEqual([0, 0, 2]);
    const colours: Record<number, readonly [number, number, number, number]> = { 0: [1, 2, 3, 4], 1: [9, 9, 9, 9], 2: [5, 6, 7, 8] };
    expect(Array.from(glyphColours(g, (r) => colours[r] ?? [0, 0, 0, 0]))).toEqual([1, 2, 3, 4, 1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe('pillBoxes', () => {
  it('hugs each run: its text width and a little more than its size, centred on it', () => {
    const p = pillBoxes([run('ab', 0.5)], glyphs, ATLAS_PX, [9, 9, 9, 200], [7, 7, 7, 255], 1);
    expect(p.length).toBe(1);
    expect(Array.from(p.attributes.getPosition?.value ?? [])).toEqual([88, 50 - 11.5].map((v) => expect.closeTo(v, 4)));
    expect(Array.from(p.attributes.getBoundingRect?.value ?? [])).toEqual([0, 0, 24, 23].map((v) => expect.closeTo(v, 4)));
    expect(Array.from(p.attributes.getFillColor?.value ?? [])).toEqual([9, 9, 9, 200]);
    expect(Array.from(p.attributes.getLineWidth?.value ?? [])).toEqual([1]);
  });
});
