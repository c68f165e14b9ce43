// Layers that make the canvas's shader programs (boxes, segments, glyphs) and the label atlas's
// texture before the first graph arrives. Linking a program blocks the page until the GPU process
// has compiled it (half a second for the three on a software rasteriser), and a graph's first
// frame would pay it after the worker's answer; drawn once while the worker is still laying out,
// it is paid meanwhile. Each layer draws one fully transparent quad, then stays in the layer list
// hidden: luma.gl shares programs between layers and destroys one when its last layer goes.
import type { Layer } from '@deck.gl/core';
import { BoxLayer } from './box-layer';
import type { GlyphAtlas } from './glyph-atlas';
import { GlyphLayer } from './glyph-layer';
import { FLAT } from './node-layers';
import type { QuadData } from './quad-geometry';
import { SegmentLayer } from './segment-layer';

const row = (size: number): Float32Array => Float32Array.from({ length: size }, (_, k) => (k < 2 ? 0 : 1));
const clear = (): Uint8Array => new Uint8Array(4);

const BOX: QuadData = {
  length: 1,
  attributes: {
    getPosition: { value: row(2), size: 2 }, getBoundingRect: { value: row(4), size: 4 },
    getFillColor: { value: clear(), size: 4 }, getLineColor: { value: clear(), size: 4 }, getLineWidth: { value: Float32Array.of(1), size: 1 },
  },
};
const SEGMENT: QuadData = {
  length: 1,
  attributes: {
    getSourcePosition: { value: row(2), size: 2 }, getTargetPosition: { value: Float32Array.of(1, 1), size: 2 },
    getColor: { value: clear(), size: 4 }, getWidth: { value: Float32Array.of(1), size: 1 },
  },
};
const GLYPH: QuadData = {
  length: 1,
  attributes: { getRect: { value: row(4), size: 4 }, getUv: { value: row(4), size: 4 }, getColor: { value: clear(), size: 4 } },
};

/** The three kinds of layer the canvas draws with; `visible`: drawn (the first frame) or only kept. */
export function warmLayers(visible: boolean, atlas: GlyphAtlas): Layer[] {
  const common = { visible, pickable: false, parameters: FLAT };
  return [
    new BoxLayer({ ...common, id: 'warm-box', quads: BOX, radius: 4 }),
    new SegmentLayer({ ...common, id: 'warm-segment', quads: SEGMENT }),
    new GlyphLayer({ ...common, id: 'warm-glyph', quads: GLYPH, atlas, atlasVersion: 0 }),
  ];
}
