// Per-vertex geometry for the flat quad layers: the per-instance data they draw (QuadData), every
// attribute row copied to the four corners of its quad, and the index list that draws those
// corners as two triangles. The canvas draws without GPU instancing because software rasterisers
// pay per instance: SwiftShader runs each instance much like a draw of its own (8,000 quads: 7 fps
// as instances, 50–60 fps as one plain draw; `npm run bench -- canvas`, docs/PERFORMANCE.md).

/** Vertices per quad; the corner of a vertex is its index & 3: bit 0 is x (0 left, 1 right), bit 1 is y (0 top, 1 bottom). */
export const QUAD_VERTICES = 4;
/** Indices per quad (two triangles). */
export const QUAD_INDICES = 6;

export type RowArray = Float32Array | Uint8Array;

/** One attribute's per-instance rows: `size` values a row. */
export interface QuadAttributeData {
  readonly value: RowArray;
  readonly size: number;
}

/** Per-instance rows of each attribute, by name: what SceneModel and the label layout build, and the quad layers draw. */
export interface QuadData {
  readonly length: number;
  readonly attributes: Readonly<Record<string, QuadAttributeData>>;
}

export const EMPTY_QUADS: QuadData = { length: 0, attributes: {} };

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

/**
 * GLSL shared by the quad layers' vertex shaders: the corner of this vertex, its picking colour
 * (only computed in the picking pass), and the projection. The canvas only has orthographic views
 * over Cartesian coordinates, so `quad_project` is deck.gl's project_position for that case
 * written out (model matrix, coordinate origin, common units; no geospatial branches). SwiftShader
 * runs vertex shaders on the CPU and this trimming alone took a 40,000-box pan from 24 to 30 fps.
 */
export const QUAD_VS = /* glsl */ `
vec2 quad_corner() {
  int c = gl_VertexID & 3;
  return vec2(float(c & 1), float(c >> 1));
}
void quad_picking() {
  if (bool(picking.isActive)) geometry.pickingColor = picking_getPickingColorFromIndex(float(gl_VertexID >> 2));
}
/** Clip position of world point pos moved by offsetPx screen px; geometry.position gets the common-space point. */
vec4 quad_project(vec3 pos, vec2 offsetPx) {
  vec4 world = project.modelMatrix * vec4(pos, 1.0);
  vec3 inCommon = (world.xyz - project.coordinateOrigin) * (project.commonUnitsPerWorldUnit + project.commonUnitsPerWorldUnit2 * (world.y - project.coordinateOrigin.y));
  geometry.position = vec4(inCommon + vec3(offsetPx / project.scale, 0.0), 1.0);
  return project.viewProjectionMatrix * geometry.position + project.center;
}
`;
