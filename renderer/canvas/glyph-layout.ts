// Text layout for the glyph layer: each label's characters placed by the font's own advances (the
// font the layout measured to size the boxes, measure-text.ts), as one quad per inked glyph in
// world units with its atlas rectangle; glyph colours apart (a restyle changes only those); and
// the pills behind counts and badges. Pure: the atlas is only asked where each glyph lies and how
// far it advances.
import type { QuadData } from './quad-geometry';

/** Where a glyph's SDF bitmap lies in the atlas, and where its top-left sits relative to the pen on the baseline (atlas px, y down). */
export interface GlyphBox {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly left: number;
  readonly top: number;
  /** Pen advance (atlas px). */
  readonly advance: number;
}

export interface GlyphSource {
  get(ch: string): GlyphBox | undefined;
}

export interface LabelRun {
  readonly text: string;
  /** Anchor (world): x at the start, middle or end of the text per `align`; y at its vertical centre. */
  readonly x: number;
  readonly y: number;
  /** Font size, world units. */
  readonly size: number;
  /** Fraction of the text's width left of the anchor: 0 start, 0.5 middle, 1 end. */
  readonly align: number;
}

export type Rgba = readonly [number, number, number, number];

/** The baseline sits this many em below a label's vertical centre (centres capitals and x-height glyphs alike). */
export const BASELINE_EM = 0.36;

/** Width of `text` in atlas px (characters missing from the atlas count as a space's advance). */
export function runWidth(text: string, glyphs: GlyphSource): number {
  let w = 0;
  const fallback = glyphs.get(' ')?.advance ?? 0;
  for (const ch of text) w += glyphs.get(ch)?.advance ?? fallback;
  return w;
}

/** Glyph quads of a set of runs: world rectangles, atlas rectangles, and the run each glyph belongs to. */
export interface GlyphGeometry {
  readonly length: number;
  readonly rects: Float32Array;
  readonly uvs: Float32Array;
  readonly runOf: Int32Array;
}

export function layoutGlyphs(runs: readonly LabelRun[], glyphs: GlyphSource, atlasFontPx: number): GlyphGeometry {
  let n = 0;
  for (const r of runs) n += r.text.length;
  const rects = new Float32Array(4 * n);
  const uvs = new Float32Array(4 * n);
  const runOf = new Int32Array(n);
  let q = 0;
  runs.forEach((r, k) => {
    const s = r.size / atlasFontPx;
    const fallback = glyphs.get(' ')?.advance ?? 0;
    let pen = r.x - r.align * runWidth(r.text, glyphs) * s;
    const base = r.y + BASELINE_EM * r.size;
    for (const ch of r.text) {
      const g = glyphs.get(ch);
      if (g && g.w > 0 && g.h > 0) {
        rects.set([pen + g.left * s, base + g.top * s, g.w * s, g.h * s], 4 * q);
        uvs.set([g.x, g.y, g.w, g.h], 4 * q);
        runOf[q] = k;
        q++;
      }
      pen += (g?.advance ?? fallback) * s;
    }
  });
  return { length: q, rects: rects.subarray(0, 4 * q), uvs: uvs.subarray(0, 4 * q), runOf: runOf.subarray(0, q) };
}

/** Each glyph's colour (RGBA), its run's. Kept apart from the geometry so a restyle re-uploads colours only. */
export function glyphColours(g: GlyphGeometry, colourOfRun: (run: number) => Rgba): Uint8Array {
  const out = new Uint8Array(4 * g.length);
  let last = -1;
  let c: Rgba = [0, 0, 0, 0];
  for (let q = 0; q < g.length; q++) {
    const r = g.runOf[q] as number;
    if (r !== last) {
      c = colourOfRun(r);
      last = r;
    }
    out.set(c, 4 * q);
  }
  return out;
}

/** Pill boxes (BoxLayer instance data) hugging each run's text; the layer pads them in screen px. */
export function pillBoxes(runs: readonly LabelRun[], glyphs: GlyphSource, atlasFontPx: number, fill: readonly number[], line: readonly number[], lineWidth: number): QuadData {
  const n = runs.length;
  const positions = new Float32Array(2 * n);
  const rects = new Float32Array(4 * n);
  const fills = new Uint8Array(4 * n);
  const lines = new Uint8Array(4 * n);
  const widths = new Float32Array(n).fill(lineWidth);
  runs.forEach((r, k) => {
    const w = (runWidth(r.text, glyphs) * r.size) / atlasFontPx;
    const h = 1.15 * r.size;
    positions.set([r.x - r.align * w, r.y - h / 2], 2 * k);
    rects.set([0, 0, w, h], 4 * k);
    fills.set(fill, 4 * k);
    lines.set(line, 4 * k);
  });
  return {
    length: n,
    attributes: {
      getPosition: { value: positions, size: 2 },
      getBoundingRect: { value: rects, size: 4 },
      getFillColor: { value: fills, size: 4 },
      getLineColor: { value: lines, size: 4 },
      getLineWidth: { value: widths, size: 1 },
    },
  };
}
