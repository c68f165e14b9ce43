// Layers that link the canvas's shader programs (boxes, segments, glyphs) and make the label
// atlas's texture while the worker builds the first scene: on a software rasteriser that takes half
// a second, which the graph's first frame would otherwise pay. One transparent quad each, drawn
// once, then kept hidden: luma.gl destroys a program when its last layer goes.
import type { Layer } from '@deck.gl/core';
import { BoxLayer } from './box-layer';
import type { GlyphAtlas } from './glyph-atlas';
import { GlyphLayer } from './glyph-layer';
import { labelAtlas } from './label-layers';
import { FLAT, singleBox } from './node-layers';
import type { QuadData } from './quad-geometry';
import { SegmentLayer } from './segment-layer';

const row = (size: number): Float32Array => Float32Array.from({ length: size }, (_, k) => (k < 2 ? 0 : 1));
const clear = (): Uint8Array => new Uint8Array(4);
const CLEAR = [0, 0, 0, 0];

const BOX = singleBox({ x: 0, y: 0, width: 1, height: 1 }, CLEAR, CLEAR, 1);
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

/** A canvas's warm-up: once started, a frame later (the canvas has its size) the drawn layers, two frames after that the kept ones. */
export class WarmUp {
  /** What the canvas adds under its own layers. */
  layers: Layer[] = [];
  private started = false;
  private readonly frames = new Set<number>();

  constructor(private readonly redraw: () => void) {}

  start(): void {
    if (this.started) return;
    this.started = true;
    this.frame(() => {
      this.layers = warmLayers(true, labelAtlas());
      this.redraw();
      this.frame(() => this.frame(() => {
        this.layers = warmLayers(false, labelAtlas());
        this.redraw();
      }));
    });
  }

  /** The canvas is going: nothing more is drawn. */
  dispose(): void {
    for (const id of this.frames) cancelAnimationFrame(id);
    this.frames.clear();
  }

  private frame(fn: () => void): void {
    const id = requestAnimationFrame(() => {
      this.frames.delete(id);
      fn();
    });
    this.frames.add(id);
  }
}
