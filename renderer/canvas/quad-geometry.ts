// Per-vertex geometry for the flat quad layers: every per-instance attribute row copied to the
// four corners of its quad, and the index list that draws those corners as two triangles. The
// canvas draws without GPU instancing because software rasterisers pay per instance: SwiftShader
// runs each instance as a draw of its own (measured: 2,000 instanced quads 24 fps, 20,000 plain
// ones 38 fps; docs/ARCHITECTURE.md).

/** Vertices per quad; the corner of a vertex is its index & 3: bit 0 is x (0 left, 1 right), bit 1 is y (0 top, 1 bottom). */
export const QUAD_VERTICES = 4;
/** Indices per quad (two triangles). */
export const QUAD_INDICES = 6;

export type RowArray = Float32Array | Uint8Array;

/** `count` rows of `size` values, each repeated for the four corners of its quad. */
export function expandToCorners<T extends RowArray>(src: T, size: number, count: number): T {
  const out = new (src.constructor as new (n: number) => T)(count * size * QUAD_VERTICES);
  for (let r = 0; r < count; r++) {
    const from = r * size;
    const to = r * size * QUAD_VERTICES;
    for (let v = 0; v < QUAD_VERTICES; v++) {
      for (let c = 0; c < size; c++) out[to + v * size + c] = src[from + c] as number;
    }
  }
  return out;
}

/** Triangle indices for `count` quads: (0, 1, 2) and (2, 1, 3) of each quad's corners. */
export function quadIndices(count: number): Uint32Array {
  const out = new Uint32Array(count * QUAD_INDICES);
  for (let q = 0; q < count; q++) {
    const v = q * QUAD_VERTICES;
    out.set([v, v + 1, v + 2, v + 2, v + 1, v + 3], q * QUAD_INDICES);
  }
  return out;
}

/** GLSL shared by the quad layers: the corner of this vertex and the index of its quad (for picking). */
export const QUAD_VS = /* glsl */ `
vec2 quad_corner() {
  int c = gl_VertexID & 3;
  return vec2(float(c & 1), float(c >> 1));
}
float quad_index() {
  return float(gl_VertexID >> 2);
}
`;
