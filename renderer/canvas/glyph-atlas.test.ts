import { describe, expect, it } from 'vitest';
import { GlyphAtlas, type GlyphDrawer } from './glyph-atlas';

/** Fake SDF: every letter a 30×40 bitmap filled with its char code; a space has no ink. */
const drawn: string[] = [];
const drawer: GlyphDrawer = (ch) => {
  drawn.push(ch);
  if (ch === ' ') return { data: new Uint8ClampedArray(0), width: 16, height: 16, glyphWidth: 0, glyphHeight: 0, glyphTop: 0, glyphLeft: 0, glyphAdvance: 29 };
  return { data: new Uint8ClampedArray(30 * 40).fill(ch.charCodeAt(0)), width: 30, height: 40, glyphWidth: 14, glyphHeight: 24, glyphTop: 20, glyphLeft: 2, glyphAdvance: 29 };
};

describe('GlyphAtlas', () => {
  it('draws each character once, and counts a version only when something was added', () => {
    drawn.length = 0;
    const a = new GlyphAtlas(drawer);
    expect(a.ensure('abca')).toBe(true);
    expect(a.version).toBe(1);
    expect(a.ensure('cab')).toBe(false);
    expect(a.version).toBe(1);
    expect(drawn).toEqual(['a', 'b', 'c']);
  });

  it('packs glyphs apart in rows and records where the bitmap sits against the pen', () => {
    const a = new GlyphAtlas(drawer);
    a.ensure('ab');
    const ga = a.get('a');
    const gb = a.get('b');
    expect(ga).toMatchObject({ x: 0, y: 0, w: 30, h: 40, advance: 29 });
    // One empty texel between neighbours; the bitmap's top-left is left of and above the pen by the SDF buffer.
    expect(gb?.x).toBe(31);
    expect(ga?.left).toBe(2 - 8);
    expect(ga?.top).toBe(-20 - 8);
  });

  it('keeps a space as an advance only, and wraps to a new row (growing the atlas) when one is full', () => {
    const a = new GlyphAtlas(drawer);
    a.ensure(' ');
    expect(a.get(' ')).toMatchObject({ w: 0, h: 0, advance: 29 });
    const many = Array.from({ length: 40 }, (_, i) => String.fromCharCode(0x100 + i)).join('');
    a.ensure(many);
    const last = a.get(String.fromCharCode(0x100 + 39));
    expect(last?.y).toBe(41);
    expect(a.size.height).toBeGreaterThanOrEqual(81);
  });
});
