// Straight line segments drawn as plain quads (quad-layer.ts): every edge segment and dash, and
// the arrowheads, which are segments whose width tapers to nothing at the target end (a filled
// triangle). Widths are screen px (edges) or world units (arrowheads, which scale with the boxes);
// one extra pixel on each side carries the antialiasing, since software rasterisers run without MSAA.
import type { Model } from '@luma.gl/engine';
import { QUAD_VS } from './quad-geometry';
import { QuadLayer, uniformBlock, type QuadAttribute, type QuadSpec } from './quad-layer';

export interface SegmentLayerProps {
  /** 'pixels': widths are screen px; 'common': world units. */
  readonly widthUnits: 'pixels' | 'common';
  readonly widthScale: number;
  readonly widthMinPixels: number;
  /** Narrow each segment to a point at its target (arrowheads). */
  readonly taper: boolean;
}

const segmentUniforms = uniformBlock('segment', { widthScale: 'f32', widthMinPixels: 'f32', widthCommon: 'f32', taper: 'f32' });

const VS = /* glsl */ `#version 300 es
#define SHADER_NAME segment-layer-vertex-shader
in vec2 sources;
in vec2 targets;
in vec4 colors;
in float widths;
out vec4 vColor;
out float vDist;
out float vHalf;
${QUAD_VS}
void main(void) {
  vec2 corner = quad_corner();
  vec2 along = targets - sources;
  float len = length(along);
  vec2 d = len > 0.0 ? along / len : vec2(1.0, 0.0);
  float w = widths * segment.widthScale * (segment.widthCommon > 0.5 ? project.scale : 1.0);
  w = max(w, segment.widthMinPixels);
  float halfWidth = 0.5 * w * (segment.taper > 0.5 ? 1.0 - corner.x : 1.0);
  float side = 2.0 * corner.y - 1.0;
  float reach = halfWidth + 1.0;
  vec3 pos = vec3(mix(sources, targets, corner.x), 0.0);
  geometry.worldPosition = pos;
  geometry.uv = corner;
  quad_picking();
  vec2 offsetPx = vec2(-d.y, d.x) * side * reach;
  gl_Position = quad_project(pos, offsetPx);
  DECKGL_FILTER_GL_POSITION(gl_Position, geometry);
  vDist = side * reach;
  vHalf = halfWidth;
  vColor = vec4(colors.rgb, colors.a * layer.opacity);
  DECKGL_FILTER_COLOR(vColor, geometry);
}
`;

const FS = /* glsl */ `#version 300 es
#define SHADER_NAME segment-layer-fragment-shader
precision highp float;
in vec4 vColor;
in float vDist;
in float vHalf;
out vec4 fragColor;
void main(void) {
  float coverage = clamp(vHalf + 0.5 - abs(vDist), 0.0, 1.0);
  if (coverage <= 0.0) discard;
  fragColor = vec4(vColor.rgb, vColor.a * coverage);
  DECKGL_FILTER_COLOR(fragColor, geometry);
}
`;

const ATTRIBUTES: readonly QuadAttribute[] = [
  { key: 'getSourcePosition', name: 'sources', format: 'float32x2', size: 2 },
  { key: 'getTargetPosition', name: 'targets', format: 'float32x2', size: 2 },
  { key: 'getColor', name: 'colors', format: 'unorm8x4', size: 4 },
  { key: 'getWidth', name: 'widths', format: 'float32', size: 1 },
];

export class SegmentLayer extends QuadLayer<SegmentLayerProps> {
  static override layerName = 'SegmentLayer';
  static override defaultProps = {
    ...QuadLayer.defaultProps,
    widthUnits: 'pixels',
    widthScale: 1,
    widthMinPixels: 0,
    taper: false,
  } as const;

  static override spec: QuadSpec = { attributes: ATTRIBUTES, vs: VS, fs: FS, uniforms: segmentUniforms };

  protected setUniforms(model: Model): void {
    const p = this.props;
    model.shaderInputs.setProps({
      segment: { widthScale: p.widthScale, widthMinPixels: p.widthMinPixels, widthCommon: p.widthUnits === 'common' ? 1 : 0, taper: p.taper ? 1 : 0 },
    });
  }
}
