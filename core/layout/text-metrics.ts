// Text width for node labels, from a font-metrics table rather than a canvas, so that the CLI, the
// layout workers and the canvas size boxes identically. Labels are drawn in a monospace UI font
// (every ASCII glyph advances by the same fraction of an em), so the table is per character class.

export interface TextMetrics {
  /** Font size in layout units (CSS px at zoom 1). */
  readonly fontSize: number;
  /** Advance of one narrow (Latin, digits, punctuation) character, in em. */
  readonly advance: number;
  /** Advance of a wide (CJK, fullwidth) character, in em. */
  readonly wideAdvance: number;
}

/** The canvas font: 11 px JetBrains-Mono-like metrics (600/1000 em advance). */
export const LABEL_METRICS: TextMetrics = { fontSize: 11, advance: 0.6, wideAdvance: 1.2 };

/** East Asian wide and fullwidth ranges (the common blocks), drawn two columns wide. */
function isWide(c: number): boolean {
  return (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1faff) || (c >= 0x20000 && c <= 0x3fffd);
}

/** Combining marks take no column of their own. */
function isZeroWidth(c: number): boolean {
  return (c >= 0x0300 && c <= 0x036f) || c === 0x200b || c === 0x200d || (c >= 0xfe00 && c <= 0xfe0f);
}

export function textWidth(text: string, m: TextMetrics = LABEL_METRICS): number {
  let em = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (isZeroWidth(c)) continue;
    em += isWide(c) ? m.wideAdvance : m.advance;
  }
  return em * m.fontSize;
}

/** `text` cut to at most `maxWidth`, with an ellipsis when cut (whole code points only). */
export function fitText(text: string, maxWidth: number, m: TextMetrics = LABEL_METRICS): string {
  if (textWidth(text, m) <= maxWidth) return text;
  const room = maxWidth - textWidth('…', m);
  let out = '';
  let w = 0;
  for (const ch of text) {
    const cw = textWidth(ch, m);
    if (w + cw > room) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}
