import { describe, expect, it } from 'vitest';
import { uniformBlock } from './quad-layer';

describe('uniformBlock', () => {
  it('writes the GLSL block from the same fields the module declares, for both shaders', () => {
    const m = uniformBlock('box', { radius: 'vec4<f32>', size: 'vec2<f32>', edge: 'f32' });
    expect(m.name).toBe('box');
    expect(m.uniformTypes).toEqual({ radius: 'vec4<f32>', size: 'vec2<f32>', edge: 'f32' });
    expect(m.vs).toBe('layout(std140) uniform boxUniforms {\n  vec4 radius;\n  vec2 size;\n  float edge;\n} box;\n');
    expect(m.fs).toBe(m.vs);
  });
});
