// The warm-up layers: one of each kind the canvas draws with, each a single quad that shows
// nothing (every colour fully transparent), never pickable, drawn or only kept as asked.
import { describe, expect, it } from 'vitest';
import { BoxLayer } from './box-layer';
import type { GlyphAtlas } from './glyph-atlas';
import { GlyphLayer } from './glyph-layer';
import type { QuadData } from './quad-geometry';
import { SegmentLayer } from './segment-layer';
import { warmLayers } from './warm-layers';

/** The atlas is only read when the layer draws, which needs a WebGL device. */
const atlas = {} as GlyphAtlas;

describe('warmLayers', () => {
  it('makes a box, a segment and a glyph layer of one invisible quad each', () => {
    const layers = warmLayers(true, atlas);
    expect(layers.map((l) => l.constructor)).toEqual([BoxLayer, SegmentLayer, GlyphLayer]);
    for (const l of layers) {
      const quads = (l.props as unknown as { quads: QuadData }).quads;
      expect(quads.length).toBe(1);
      const colours = Object.entries(quads.attributes).filter(([key]) => /Color$/.test(key));
      expect(colours.length).toBeGreaterThan(0);
      for (const [, c] of colours) expect(Array.from(c.value)).toEqual([0, 0, 0, 0]);
      expect(l.props.pickable).toBe(false);
      expect(l.props.visible).toBe(true);
    }
  });

  it('keeps the same layers (same ids) hidden after their first frame', () => {
    const drawn = warmLayers(true, atlas).map((l) => l.id);
    const kept = warmLayers(false, atlas);
    expect(kept.map((l) => l.id)).toEqual(drawn);
    for (const l of kept) expect(l.props.visible).toBe(false);
  });
});
