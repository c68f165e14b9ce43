// Hand-made scenes for the shaping and canvas unit tests: a few nodes and edges with every Scene
// field filled, so each test states only what it is about.
import { EDGE_KIND_DATA, SHAPE_CONST, SHAPE_OP, SHAPE_SCOPE, SHAPE_SCOPE_OPEN, SHAPE_SERIES, SHAPE_VARIABLE, type CategoricalMode, type Scene } from '../pipeline/scene';

export interface TinyNode {
  readonly box: readonly [number, number, number, number];
  readonly shape?: number;
  readonly depth?: number;
  readonly label?: string;
  readonly sub?: string;
  readonly aux?: boolean;
  /** Category names per mode (absent: no category). */
  readonly cats?: Partial<Record<CategoricalMode, string>>;
  readonly compute?: number;
}

export interface TinyEdge {
  readonly from: number;
  readonly to: number;
  readonly points: readonly number[];
  readonly kind?: number;
  readonly mult?: number;
  readonly elements?: number;
}

/** Node i gets hierarchy id 100 + i. */
export const idOf = (i: number): number => 100 + i;

export function tinyScene(nodes: readonly TinyNode[], edges: readonly TinyEdge[] = []): Scene {
  const n = nodes.length;
  const tables = { structure: [] as string[], op: [] as string[], device: [] as string[], xla: [] as string[] };
  const keys = { structure: new Int32Array(n).fill(-1), op: new Int32Array(n).fill(-1), device: new Int32Array(n).fill(-1), xla: new Int32Array(n).fill(-1) };
  nodes.forEach((node, i) => {
    for (const [mode, name] of Object.entries(node.cats ?? {}) as [CategoricalMode, string][]) {
      let k = tables[mode].indexOf(name);
      if (k < 0) k = tables[mode].push(name) - 1;
      keys[mode][i] = k;
    }
  });
  const pointStart = new Int32Array(edges.length + 1);
  edges.forEach((e, k) => (pointStart[k + 1] = (pointStart[k] as number) + e.points.length / 2));
  let width = 0;
  let height = 0;
  for (const node of nodes) {
    width = Math.max(width, node.box[0] + node.box[2]);
    height = Math.max(height, node.box[1] + node.box[3]);
  }
  return {
    width, height, nodeCount: n,
    ids: Int32Array.from(nodes, (_, i) => idOf(i)),
    boxes: Float32Array.from(nodes.flatMap((node) => [...node.box])),
    shapes: Uint8Array.from(nodes, (node) => node.shape ?? SHAPE_OP),
    depth: Uint8Array.from(nodes, (node) => node.depth ?? 0),
    aux: Uint8Array.from(nodes, (node) => (node.aux ? 1 : 0)),
    parentSlot: new Int32Array(n).fill(-1),
    names: nodes.map((node, i) => node.label ?? `n${i}`),
    labels: nodes.map((node, i) => node.label ?? `n${i}`),
    sublabels: nodes.map((node) => node.sub ?? ''),
    keys, tables,
    compute: Float32Array.from(nodes, (node) => node.compute ?? NaN),
    memory: null,
    edgeCount: edges.length,
    edgeFrom: Int32Array.from(edges, (e) => e.from),
    edgeTo: Int32Array.from(edges, (e) => e.to),
    edgeKind: Uint8Array.from(edges, (e) => e.kind ?? EDGE_KIND_DATA),
    edgeMultiplicity: Int32Array.from(edges, (e) => e.mult ?? 1),
    edgeElements: Float64Array.from(edges, (e) => e.elements ?? 0),
    pointStart,
    points: Float32Array.from(edges.flatMap((e) => [...e.points])),
    notices: [],
    layoutStats: null,
    preview: false,
    diff: null,
    badges: null,
  };
}

/** One node of every shape inside an open scope (the group tests). */
export const everyShapeScene = (): Scene => tinyScene([
  { box: [0, 0, 500, 300], shape: SHAPE_SCOPE_OPEN, depth: 0 },
  { box: [10, 40, 100, 38], shape: SHAPE_SCOPE, cats: { structure: 'block' } },
  { box: [10, 100, 60, 22], shape: SHAPE_OP },
  { box: [10, 140, 60, 22], shape: SHAPE_CONST },
  { box: [10, 180, 60, 22], shape: SHAPE_VARIABLE },
  { box: [10, 220, 90, 30], shape: SHAPE_SERIES, aux: true },
]);

/** An open scope with a closed scope, an op and one op far away, one edge between the first two (the label tests). */
export const labelledScene = (): Scene => tinyScene([
  { box: [0, 0, 1000, 600], shape: SHAPE_SCOPE_OPEN, label: 'encoder' },
  { box: [20, 40, 200, 38], shape: SHAPE_SCOPE, label: 'layer_0', sub: '12 ops' },
  { box: [20, 200, 40, 22], label: 'Add' },
  { box: [5000, 5000, 120, 22], label: 'far_away' },
], [{ from: idOf(1), to: idOf(2), points: [120, 78, 120, 140, 40, 200], mult: 4 }]);
