// The label font and the diff badges' border hue, shared by the canvas's glyph atlas, text
// measuring and the SVG export. No deck.gl import, so pure modules (the SVG writer) can read it.
import type { Rgb } from './palette';

/** Semi-bold: at the opening zoom (≈ 9 px text) a regular underscore is under a pixel thick and
 * fades out, and TensorFlow names are full of underscores (checked on screenshots). */
export const FONT_WEIGHT = 600;

export const FONT_FAMILY = '"JetBrains Mono", "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace';

/** Diff badges are outlined in the "mixed change" hue: they only ever sit on changed scopes. */
export const BADGE_BORDER: Rgb = [236, 120, 50];
