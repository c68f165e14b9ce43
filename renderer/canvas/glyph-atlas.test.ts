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
    // Empty texels between neighbours; the bitmap's top-left is left of and above the pen by the SDF buffer.
    expect(gb?.x).toBe(34);
    expect(ga?.left).toBe(2 - 8);
    expect(ga?.top).toBe(-20 - 8);
  });

  it('keeps a space as an advance only, and wraps to a new row (growing the atlas) when one is full', () => {
    const a = new GlyphAtlas(drawer);
    a.ensure(' ');
    expect(a.get(' ')).toMatchObject({ w: 0, h: 0, advance: 29 });
    // 2048 / 34 = 60 glyphs a row.
    const many = Array.from({ length: 61 }, (_, i) => String.fromCharCode(0x100 + i)).join('');
    a.ensure(many);
    const last = a.get(String.fromCharCode(0x100 + 60));
    expect(last).toMatchObject({ x: 0, y: 44 });
    expect(a.size.height).toBeGreaterThanOrEqual(88);
  });

  it('stops adding once full, so that labels keep drawing (new characters as blanks)', () => {
    const a = new GlyphAtlas(drawer);
    // 4096 / 44 = 93 rows of 60.
    const chars = Array.from({ length: 93 * 60 + 5 }, (_, i) => String.fromCodePoint(0x4e00 + i));
    expect(a.ensure(chars.join(''))).toBe(true);
    expect(a.full).toBe(true);
    expect(a.get(chars[93 * 60 - 1] as string)).toBeDefined();
    expect(a.get(chars[93 * 60] as string)).toBeUndefined();
    expect(a.size.height).toBe(4096);
    const v = a.version;
    expect(a.ensure(String.fromCodePoint(0x9fa0))).toBe(false);
    expect(a.version).toBe(v);
  });
});
