// Label glyphs drawn as plain quads (quad-layer.ts) from the signed-distance-field atlas
// (glyph-atlas.ts): one quad per glyph, laid out on the CPU (glyph-layout.ts). The outline's
// antialiasing follows the screen-space rate of change of the distance, so text stays crisp at
// every zoom without MSAA.
import type { Model } from '@luma.gl/engine';
import { SDF_EDGE, type GlyphAtlas } from './glyph-atlas';
import { QUAD_VS } from './quad-geometry';
import { QuadLayer, uniformBlock, type QuadAttribute, type QuadSpec } from './quad-layer';

export interface GlyphLayerProps {
  readonly atlas: GlyphAtlas;
  /** The atlas version the quads were laid out with (a change re-reads the texture). */
  readonly atlasVersion: number;
}

const glyphUniforms = uniformBlock('glyph', { atlasSize: 'vec2<f32>', edge: 'f32' });

/** A little inside the outline: labels are small, and a slightly bolder stroke keeps underscores visible. */
const EDGE = SDF_EDGE - 0.03;

const VS = /* glsl */ `#version 300 es
#define SHADER_NAME glyph-layer-vertex-shader
in vec4 rects;
in vec4 uvs;
in vec4 colors;
out vec4 vColor;
out vec2 vUv;
${QUAD_VS}
void main(void) {
  vec2 corner = quad_corner();
  vec3 pos = vec3(rects.xy + corner * rects.zw, 0.0);
  geometry.worldPosition = pos;
  geometry.uv = corner;
  quad_picking();
  gl_Position = quad_project(pos, vec2(0.0));
  DECKGL_FILTER_GL_POSITION(gl_Position, geometry);
  vUv = (uvs.xy + corner * uvs.zw) / glyph.atlasSize;
  vColor = vec4(colors.rgb, colors.a * layer.opacity);
  DECKGL_FILTER_COLOR(vColor, geometry);
}
`;

const FS = /* glsl */ `#version 300 es
#define SHADER_NAME glyph-layer-fragment-shader
precision highp float;
uniform sampler2D atlas;
in vec4 vColor;
in vec2 vUv;
out vec4 fragColor;
void main(void) {
  float d = texture(atlas, vUv).r;
  float w = max(fwidth(d) * 0.7, 1e-4);
  float a = smoothstep(glyph.edge - w, glyph.edge + w, d);
  if (a <= 0.01) discard;
  fragColor = vec4(vColor.rgb, vColor.a * a);
  DECKGL_FILTER_COLOR(fragColor, geometry);
}
`;

const ATTRIBUTES: readonly QuadAttribute[] = [
  { key: 'getRect', name: 'rects', format: 'float32x4', size: 4 },
  { key: 'getUv', name: 'uvs', format: 'float32x4', size: 4 },
  { key: 'getColor', name: 'colors', format: 'unorm8x4', size: 4 },
];

export class GlyphLayer extends QuadLayer<GlyphLayerProps> {
  static override layerName = 'GlyphLayer';
  static override defaultProps = {
    ...QuadLayer.defaultProps,
    atlas: { type: 'object', value: null, compare: false },
    atlasVersion: 0,
  } as const;

  static override spec: QuadSpec = { attributes: ATTRIBUTES, vs: VS, fs: FS, uniforms: glyphUniforms };

  protected setUniforms(model: Model): void {
    const atlas = this.props.atlas;
    const { width, height } = atlas.size;
    model.shaderInputs.setProps({ glyph: { atlasSize: [width, height], edge: EDGE } });
    model.setBindings({ atlas: atlas.texture(this.context.device) });
  }
}
