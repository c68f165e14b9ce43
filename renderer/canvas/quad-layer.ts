// The base of the canvas's own deck.gl layers: N quads drawn as plain indexed triangles, with
// every per-instance attribute copied to the quad's four corners (quad-geometry.ts), rather than
// as GPU instances. Software rasterisers (SwiftShader here) pay per instance, so deck.gl's
// instanced layers were what held frame rates down; GPUs draw either form at full speed.
// Subclasses name their attributes and shaders and set their uniforms; this class uploads the
// buffers (again only for arrays whose identity changed), keeps the index list, and draws.
import { Layer, picking, project32, type DefaultProps, type LayerContext, type UpdateParameters } from '@deck.gl/core';
import { Buffer, type Device, type VertexFormat } from '@luma.gl/core';
import { Model } from '@luma.gl/engine';
import type { ShaderModule } from '@luma.gl/shadertools';
import { EMPTY_QUADS, expandToCorners, QUAD_INDICES, quadIndices, type QuadData, type RowArray } from './quad-geometry';

/** One shader input: `name` in the shader, `key` in QuadData.attributes. */
export interface QuadAttribute {
  readonly key: string;
  readonly name: string;
  readonly format: VertexFormat;
  readonly size: number;
}

export interface QuadLayerProps {
  readonly quads: QuadData;
}

/** What a quad layer draws with: its attributes, its shaders and its uniform block. */
export interface QuadSpec {
  readonly attributes: readonly QuadAttribute[];
  readonly vs: string;
  readonly fs: string;
  readonly uniforms: ShaderModule;
}

type UniformType = 'f32' | 'vec2<f32>' | 'vec4<f32>';
const GLSL_TYPE: Record<UniformType, string> = { f32: 'float', 'vec2<f32>': 'vec2', 'vec4<f32>': 'vec4' };

/**
 * A layer's uniform block as a shader module: the GLSL block (available to both shaders as `name`)
 * is written from the same field list the module declares, so the two cannot disagree.
 */
export function uniformBlock(name: string, fields: Readonly<Record<string, UniformType>>): ShaderModule {
  const lines = Object.entries(fields).map(([k, t]) => `  ${GLSL_TYPE[t]} ${k};`);
  const glsl = `layout(std140) uniform ${name}Uniforms {\n${lines.join('\n')}\n} ${name};\n`;
  return { name, vs: glsl, fs: glsl, uniformTypes: { ...fields } };
}

interface Uploaded {
  readonly src: RowArray;
  readonly count: number;
  readonly buffer: Buffer;
}

interface QuadState {
  model: Model;
  uploaded: Map<string, Uploaded>;
  index: Buffer | null;
  indexCapacity: number;
  count: number;
}

export abstract class QuadLayer<P extends object = object> extends Layer<P & QuadLayerProps> {
  static override layerName = 'QuadLayer';
  static override defaultProps: DefaultProps<QuadLayerProps> = { quads: { type: 'object', value: EMPTY_QUADS, compare: false } };

  /** Each subclass's attributes, shaders and uniforms. */
  static spec: QuadSpec;
  /** Sets the layer's own uniforms (and bindings) before a draw. */
  protected abstract setUniforms(model: Model): void;

  private get spec(): QuadSpec {
    return (this.constructor as typeof QuadLayer).spec;
  }

  private get quadState(): QuadState {
    return this.state as unknown as QuadState;
  }

  override getShaders(): ReturnType<Layer['getShaders']> {
    const s = this.spec;
    return super.getShaders({ vs: s.vs, fs: s.fs, modules: [project32, picking, s.uniforms] });
  }

  initializeState(): void {
    const model = new Model(this.context.device, {
      ...this.getShaders(),
      id: this.props.id,
      bufferLayout: this.spec.attributes.map((a) => ({ name: a.name, format: a.format })),
      topology: 'triangle-list',
      isInstanced: false,
      vertexCount: 0,
    });
    const state: QuadState = { model, uploaded: new Map(), index: null, indexCapacity: 0, count: 0 };
    this.setState(state as unknown as Record<string, unknown>);
  }

  override updateState(params: UpdateParameters<this>): void {
    super.updateState(params);
    if (params.props.quads !== params.oldProps.quads) this.upload(params.props.quads);
  }

  override finalizeState(context: LayerContext): void {
    super.finalizeState(context);
    const s = this.quadState;
    // (deck.gl's finalizeState has destroyed the model.)
    for (const u of s.uploaded.values()) u.buffer.destroy();
    s.index?.destroy();
  }

  override draw(): void {
    const s = this.quadState;
    if (s.count === 0) return;
    this.setUniforms(s.model);
    s.model.draw(this.context.renderPass);
  }

  private upload(quads: QuadData): void {
    const s = this.quadState;
    const device: Device = this.context.device;
    const count = quads.length;
    const buffers: Record<string, Buffer> = {};
    if (count === 0) {
      // Nothing to draw: keep the buffers for when there is again.
      s.count = 0;
      this.setNeedsRedraw();
      return;
    }
    for (const a of this.spec.attributes) {
      const src = quads.attributes[a.key]?.value ?? (a.format.startsWith('unorm8') ? new Uint8Array(a.size * count) : new Float32Array(a.size * count));
      const prev = s.uploaded.get(a.name);
      if (prev && prev.src === src && prev.count === count) continue;
      prev?.buffer.destroy();
      const buffer = device.createBuffer({ usage: Buffer.VERTEX, data: expandToCorners(src, a.size, count) });
      s.uploaded.set(a.name, { src, count, buffer });
      buffers[a.name] = buffer;
    }
    if (count > s.indexCapacity) {
      // Grown in powers of two so that a pan that adds a few quads does not rebuild it every time.
      const capacity = 2 ** Math.ceil(Math.log2(Math.max(count, 256)));
      s.index?.destroy();
      s.index = device.createBuffer({ usage: Buffer.INDEX, indexType: 'uint32', data: quadIndices(capacity) });
      s.indexCapacity = capacity;
      s.model.setIndexBuffer(s.index);
    }
    if (Object.keys(buffers).length) s.model.setAttributes(buffers);
    s.model.setIndexCount(count * QUAD_INDICES);
    s.count = count;
    this.setNeedsRedraw();
  }
}
