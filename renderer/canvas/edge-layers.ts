// Layers for edges: every segment (and dash) of every edge in one segment layer, and the
// arrowheads in one whose segments taper from their base width to a point at the tip.
import type { Layer } from '@deck.gl/core';
import { FLAT, type LayerFrame } from './node-layers';
import type { SceneModel } from './scene-model';
import { SegmentLayer } from './segment-layer';

/**
 * Line widths follow the zoom softly: full width at zoom 0, thinner when zoomed out (10^5 edges
 * at full width would be a dark mat), a little wider when zoomed in.
 */
export function edgeWidthScale(zoom: number): number {
  return Math.min(1.3, Math.max(0.45, Math.sqrt(2 ** zoom)));
}

/** Arrowheads below this many screen px are not drawn (they would be noise and cost vertices). */
const MIN_ARROW_PX = 2.5;

export function edgeLayers(model: SceneModel, f: LayerFrame): Layer[] {
  const scale = 2 ** f.zoom;
  const layers: Layer[] = [
    new SegmentLayer({
      id: `${f.prefix}-edges`,
      quads: model.edgeData,
      visible: model.edges.segCount > 0,
      widthUnits: 'pixels',
      widthScale: edgeWidthScale(f.zoom),
      widthMinPixels: 0.6,
      opacity: f.opacity,
      modelMatrix: f.modelMatrix,
      parameters: FLAT,
    }),
  ];
  layers.push(new SegmentLayer({
    id: `${f.prefix}-arrows`,
    quads: model.arrowData,
    visible: model.edges.arrowCount > 0 && 8 * scale >= MIN_ARROW_PX,
    widthUnits: 'common',
    taper: true,
    opacity: f.opacity,
    modelMatrix: f.modelMatrix,
    parameters: FLAT,
  }));
  return layers;
}
