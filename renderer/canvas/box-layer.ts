// Rounded boxes with an outline, drawn as plain quads (quad-layer.ts): node shapes, title bands,
// selection rings and the pills behind counts. Geometry is in world units (the box's top-left and
// size), corner radii, padding and outline widths in screen px, so outlines stay crisp at any zoom.
// A box smaller than a pixel on screen is drawn a pixel wide and high: a mark, never nothing.
import type { Model } from '@luma.gl/engine';
import { QUAD_VS } from './quad-geometry';
import { QuadLayer, uniformBlock, type QuadAttribute, type QuadSpec } from './quad-layer';

export interface BoxLayerProps {
  /** Corner radii in screen px: top-left, top-right, bottom-right, bottom-left (world y grows down). */
  readonly radius: number | readonly [number, number, number, number];
  /** Screen px added outside the box on each side (negative: inset): left, top, right, bottom. */
  readonly padding: readonly [number, number, number, number];
}

const boxUniforms = uniformBlock('box', { radius: 'vec4<f32>', padding: 'vec4<f32>' });

const VS = /* glsl */ `#version 300 es
#define SHADER_NAME box-layer-vertex-shader
in vec2 positions;
in vec4 rects;
in vec4 fillColors;
in vec4 lineColors;
in float lineWidths;
out vec4 vFill;
out vec4 vLine;
out float vLineWidth;
out vec2 vPx;
out vec2 vSize;
${QUAD_VS}
void main(void) {
  vec2 corner = quad_corner();
  vec2 sizePx = max(rects.zw * project.scale, vec2(1.0));
  vec2 offsetPx = mix(-box.padding.xy, sizePx + box.padding.zw, corner);
  vec3 pos = vec3(positions + rects.xy, 0.0);
  geometry.worldPosition = pos;
  geometry.uv = corner;
  quad_picking();
  gl_Position = quad_project(pos, offsetPx);
  DECKGL_FILTER_GL_POSITION(gl_Position, geometry);
  vSize = sizePx + box.padding.xy + box.padding.zw;
  vPx = offsetPx + box.padding.xy;
  vLineWidth = lineWidths;
  vFill = vec4(fillColors.rgb, fillColors.a * layer.opacity);
  DECKGL_FILTER_COLOR(vFill, geometry);
  vLine = vec4(lineColors.rgb, lineColors.a * layer.opacity);
  DECKGL_FILTER_COLOR(vLine, geometry);
}
`;

const FS = /* glsl */ `#version 300 es
#define SHADER_NAME box-layer-fragment-shader
precision highp float;
in vec4 vFill;
in vec4 vLine;
in float vLineWidth;
in vec2 vPx;
in vec2 vSize;
out vec4 fragColor;

// Signed distance (px) to the edge of a box of size s with corner radii r (tl, tr, br, bl); < 0 inside.
float box_distance(vec2 p, vec2 s, vec4 r) {
  vec2 h = 0.5 * s;
  vec2 q = p - h;
  float rad = q.x < 0.0 ? (q.y < 0.0 ? r.x : r.w) : (q.y < 0.0 ? r.y : r.z);
  rad = min(rad, min(h.x, h.y));
  vec2 d = abs(q) - h + rad;
  return min(max(d.x, d.y), 0.0) + length(max(d, 0.0)) - rad;
}

void main(void) {
  geometry.uv = vPx / max(vSize, vec2(1e-6));
  float dist = box_distance(vPx, vSize, box.radius);
  float inside = clamp(0.5 - dist, 0.0, 1.0);
  if (inside <= 0.0) discard;
  vec4 colour = vFill;
  if (vLineWidth > 0.0) colour = mix(vFill, vLine, clamp(dist + vLineWidth + 0.5, 0.0, 1.0));
  fragColor = vec4(colour.rgb, colour.a * inside);
  DECKGL_FILTER_COLOR(fragColor, geometry);
}
`;

const ATTRIBUTES: readonly QuadAttribute[] = [
  { key: 'getPosition', name: 'positions', format: 'float32x2', size: 2 },
  { key: 'getBoundingRect', name: 'rects', format: 'float32x4', size: 4 },
  { key: 'getFillColor', name: 'fillColors', format: 'unorm8x4', size: 4 },
  { key: 'getLineColor', name: 'lineColors', format: 'unorm8x4', size: 4 },
  { key: 'getLineWidth', name: 'lineWidths', format: 'float32', size: 1 },
];

export class BoxLayer extends QuadLayer<BoxLayerProps> {
  static override layerName = 'BoxLayer';
  static override defaultProps = {
    ...QuadLayer.defaultProps,
    radius: { type: 'object', value: 0, compare: true },
    padding: { type: 'array', value: [0, 0, 0, 0], compare: true },
  } as const;

  static override spec: QuadSpec = { attributes: ATTRIBUTES, vs: VS, fs: FS, uniforms: boxUniforms };

  protected setUniforms(model: Model): void {
    const r = this.props.radius;
    const radius: [number, number, number, number] = typeof r === 'number' ? [r, r, r, r] : [...r];
    model.shaderInputs.setProps({ box: { radius, padding: [...this.props.padding] } });
  }
}
