// The label font as one signed-distance-field atlas (glyphs drawn by @mapbox/tiny-sdf), grown a
// glyph at a time as labels bring new characters, and uploaded once per device and version as a
// single-channel texture with mipmaps (labels are drawn 4–8× smaller than the atlas font).
import type { Device, Texture } from '@luma.gl/core';
import TinySDF from '@mapbox/tiny-sdf';
import type { GlyphBox, GlyphSource } from './glyph-layout';

/** Atlas font size (px); the SDF keeps edges sharp when drawn smaller or larger. */
export const ATLAS_FONT_PX = 48;
const BUFFER = 8;
const RADIUS = 12;
const CUTOFF = 0.25;
/** The SDF value (0–1) of a glyph's outline (tiny-sdf: 1 - cutoff). */
export const SDF_EDGE = 1 - CUTOFF;
/** 2048 is the largest texture every WebGL2 device takes; the height stops at 4096 (about 1,900 glyphs of this font). */
const WIDTH = 2048;
const MAX_HEIGHT = 4096;
/** Empty texels between glyphs: at the third mip level (labels are drawn 4–8× smaller) neighbours still do not bleed in. */
const GAP = 4;
const MIP_LEVELS = 4;

/** What draws one glyph's SDF (tiny-sdf; a seam for tests). */
export type GlyphDrawer = (ch: string) => {
  data: Uint8ClampedArray; width: number; height: number; glyphWidth: number; glyphHeight: number; glyphTop: number; glyphLeft: number; glyphAdvance: number;
};

export class GlyphAtlas implements GlyphSource {
  private readonly boxes = new Map<string, GlyphBox>();
  private data = new Uint8Array(WIDTH * 64);
  private height = 64;
  private penX = 0;
  private penY = 0;
  private rowHeight = 0;
  /** Bumped whenever glyphs are added (textures built from an older version are stale). */
  version = 0;
  private readonly textures = new WeakMap<Device, { texture: Texture; version: number }>();
  /** No room for another row: further characters are not added. */
  full = false;

  constructor(private readonly drawGlyph: GlyphDrawer) {}

  static forFont(fontFamily: string, fontWeight: number): GlyphAtlas {
    const sdf = new TinySDF({ fontSize: ATLAS_FONT_PX, buffer: BUFFER, radius: RADIUS, cutoff: CUTOFF, fontFamily, fontWeight: String(fontWeight) });
    return new GlyphAtlas((ch) => sdf.draw(ch));
  }

  get(ch: string): GlyphBox | undefined {
    return this.boxes.get(ch);
  }

  /**
   * Adds the glyphs of `text` not in the atlas yet; true if any were. Once the atlas is full, new
   * characters are left out (drawn as blanks of a space's width) rather than failing every label.
   */
  ensure(text: string): boolean {
    let added = false;
    for (const ch of text) {
      if (this.boxes.has(ch) || this.full) continue;
      added = this.add(ch) || added;
    }
    if (added) this.version++;
    return added;
  }

  /** The atlas as a texture on `device`, rebuilt when glyphs were added since the last call. */
  texture(device: Device): Texture {
    const have = this.textures.get(device);
    if (have && have.version === this.version) return have.texture;
    have?.texture.destroy();
    const texture = device.createTexture({
      format: 'r8unorm',
      width: WIDTH,
      height: this.height,
      data: this.data,
      mipLevels: Math.min(MIP_LEVELS, device.getMipLevelCount(WIDTH, this.height)),
      sampler: { minFilter: 'linear', magFilter: 'linear', mipmapFilter: 'linear', addressModeU: 'clamp-to-edge', addressModeV: 'clamp-to-edge' },
    });
    texture.generateMipmapsWebGL();
    this.textures.set(device, { texture, version: this.version });
    return texture;
  }

  get size(): { width: number; height: number } {
    return { width: WIDTH, height: this.height };
  }

  private add(ch: string): boolean {
    const g = this.drawGlyph(ch);
    if (g.glyphWidth === 0 || g.glyphHeight === 0) {
      // No ink (a space): only its advance matters.
      this.boxes.set(ch, { x: 0, y: 0, w: 0, h: 0, left: 0, top: 0, advance: g.glyphAdvance });
      return true;
    }
    if (this.penX + g.width + GAP > WIDTH) {
      this.penX = 0;
      this.penY += this.rowHeight + GAP;
      this.rowHeight = 0;
    }
    if (this.penY + g.height + GAP > MAX_HEIGHT) {
      this.full = true;
      return false;
    }
    this.grow(this.penY + g.height + GAP);
    for (let y = 0; y < g.height; y++) {
      this.data.set(g.data.subarray(y * g.width, (y + 1) * g.width), (this.penY + y) * WIDTH + this.penX);
    }
    this.boxes.set(ch, { x: this.penX, y: this.penY, w: g.width, h: g.height, left: g.glyphLeft - BUFFER, top: -g.glyphTop - BUFFER, advance: g.glyphAdvance });
    this.penX += g.width + GAP;
    this.rowHeight = Math.max(this.rowHeight, g.height);
    return true;
  }

  private grow(rows: number): void {
    if (rows <= this.height) return;
    let h = this.height;
    while (h < rows) h *= 2;
    const data = new Uint8Array(WIDTH * h);
    data.set(this.data);
    this.data = data;
    this.height = h;
  }
}
