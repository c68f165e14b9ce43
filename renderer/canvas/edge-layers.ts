// deck.gl layers for edges: every segment (and dash) of every edge in one instanced LineLayer, and
// the arrowheads in a LineLayer whose vertex shader tapers each segment from its base width to a
// point at the tip, which makes a filled triangle without a custom layer or extra geometry.
import type { Layer } from '@deck.gl/core';
import { LineLayer } from '@deck.gl/layers';
import { FLAT, type LayerFrame } from './node-layers';
import type { SceneModel } from './scene-model';

/** A LineLayer drawn as triangles: the width shrinks to 0 at the target end. */
class ArrowheadLayer extends LineLayer {
  static override layerName = 'ArrowheadLayer';

  override getShaders(): ReturnType<LineLayer['getShaders']> {
    const shaders = super.getShaders();
    return {
      ...shaders,
      inject: {
        ...(shaders.inject ?? {}),
        // geometry.uv.x is 0 at the source (base) and 1 at the target (tip).
        'vs:DECKGL_FILTER_SIZE': 'size.xy *= 1.0 - geometry.uv.x;',
      },
    };
  }
}

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
    new LineLayer({
      id: `${f.prefix}-edges`,
      data: model.edgeData,
      visible: model.edges.segCount > 0,
      widthUnits: 'pixels',
      widthScale: edgeWidthScale(f.zoom),
      widthMinPixels: 0.6,
      antialiasing: true,
      opacity: f.opacity,
      modelMatrix: f.modelMatrix,
      parameters: FLAT,
    }),
  ];
  layers.push(new ArrowheadLayer({
    id: `${f.prefix}-arrows`,
    data: model.arrowData,
    visible: model.edges.arrowCount > 0 && 8 * scale >= MIN_ARROW_PX,
    widthUnits: 'common',
    antialiasing: true,
    opacity: f.opacity,
    modelMatrix: f.modelMatrix,
    parameters: FLAT,
  }));
  return layers;
}
