// The scene the canvas draws: the placed graph flattened into typed arrays (one slot per visible
// node and per edge), with shape codes, labels, colour keys for every colouring mode and edge
// widths. Built in the session worker and transferred to the UI thread without copying.
import type { PlacedGraph } from '../layout/assemble';
import { boxLabel, countLabel, PADDING } from '../layout/node-sizes';
import { fitText, LABEL_METRICS, type TextMetrics } from '../layout/text-metrics';
import { H_OP, H_SCOPE, H_SERIES } from '../scope/hierarchy';
import type { ScopedHierarchy } from '../scope/scope-engine';
import { tableRanks, templateRanks } from './colour-ranks';
import type { NodeMetrics } from './node-metrics';

export const SHAPE_SCOPE_OPEN = 0;
export const SHAPE_SCOPE = 1;
export const SHAPE_OP = 2;
export const SHAPE_CONST = 3;
export const SHAPE_VARIABLE = 4;
export const SHAPE_SERIES = 5;
export const SHAPE_NAMES = ['open scope', 'scope', 'op', 'constant', 'variable', 'series'] as const;

export const EDGE_KIND_DATA = 0;
export const EDGE_KIND_CONTROL = 1;
export const EDGE_KIND_REF = 2;

/** 'diff' colours compare mode's statuses (Scene.diff); the explorer of a single graph does not offer it. */
export const COLOUR_MODES = ['structure', 'op', 'device', 'xla', 'compute', 'memory', 'kind', 'diff'] as const;
export type ColourMode = (typeof COLOUR_MODES)[number];
/** Modes whose keys are categories (indexes into a table); the others carry numbers. */
export type CategoricalMode = 'structure' | 'op' | 'device' | 'xla';

export interface Scene {
  readonly width: number;
  readonly height: number;
  /** Visible nodes, parents before their children (the drawing order). */
  readonly nodeCount: number;
  /** Hierarchy node ids. */
  readonly ids: Int32Array;
  /** x, y, width, height per node (top-left origin). */
  readonly boxes: Float32Array;
  readonly shapes: Uint8Array;
  readonly depth: Uint8Array;
  /** 1 for nodes in an auxiliary column. */
  readonly aux: Uint8Array;
  /** Index of the parent's slot in this scene, -1 at the top. */
  readonly parentSlot: Int32Array;
  /** Full hierarchy names (what the expanded set and saved view states hold). */
  readonly names: readonly string[];
  /** What each box shows: its last name component, cut to fit, and a second line for closed scopes/series. */
  readonly labels: readonly string[];
  readonly sublabels: readonly string[];
  /** Per categorical mode: a key per node (-1: no category) and the table the keys index. */
  readonly keys: Readonly<Record<CategoricalMode, Int32Array>>;
  readonly tables: Readonly<Record<CategoricalMode, readonly string[]>>;
  /** Per mode, each table entry's colour rank in the whole graph (colour-ranks.ts); absent for previews. */
  readonly ranks?: Readonly<Record<CategoricalMode, Int32Array>>;
  /** Run-metadata figures per node (NaN: unknown): compute time in µs and memory in bytes. */
  readonly compute: Float32Array | null;
  readonly memory: Float32Array | null;
  /** Edges (metaedge segments); polyline e is points[2 * pointStart[e] .. 2 * pointStart[e + 1]). */
  readonly edgeCount: number;
  readonly edgeFrom: Int32Array;
  readonly edgeTo: Int32Array;
  /** EDGE_KIND_*: ref when any reference edge, data when any data edge, else control. */
  readonly edgeKind: Uint8Array;
  /** Base edges merged into the metaedge, and their tensor elements (for width). */
  readonly edgeMultiplicity: Int32Array;
  readonly edgeElements: Float64Array;
  readonly pointStart: Int32Array;
  readonly points: Float32Array;
  /** Notices for the user (a huge scope drawn with the fast layout). */
  readonly notices: readonly string[];
  /** How the layout behind this scene was obtained (null for previews and scenes not laid out here). */
  readonly layoutStats: LayoutStats | null;
  /** A first look drawn before the scope engine finished (preview.ts): shown, not interactive. */
  readonly preview: boolean;
  /** Compare mode (diff-overlay.ts): each box's diff code, and the badge text of closed scopes ('' for none). */
  readonly diff: Uint8Array | null;
  readonly badges: readonly string[] | null;
  /** The tensor each edge carries (edge-labels.ts; '' for none), present when the layout asked for it. */
  readonly edgeLabels?: readonly string[];
  /** Colour by scope kind (scope-kind-codes.ts): each box's code, present when the layout asked for it. */
  readonly scopeKinds?: Uint8Array;
}

export interface LayoutStats {
  /** Open scopes (the root included), and how many of them were laid out rather than found in the cache. */
  readonly open: number;
  readonly laidOut: number;
  readonly ms: number;
}

const VARIABLE_OPS = new Set(['VariableV2', 'Variable', 'VarHandleOp', 'AutoReloadVariable']);

function fit(label: string, width: number, m: TextMetrics): string {
  return fitText(label, Math.max(0, width - PADDING), m);
}

/** Interns strings into a table of category names; `key` returns a string's index (-1 for none). */
export class StringTable {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  key(v: string | null): number {
    if (v === null || v === '') return -1;
    let k = this.index.get(v);
    if (k === undefined) {
      k = this.values.length;
      this.values.push(v);
      this.index.set(v, k);
    }
    return k;
  }
}

export function buildScene(model: ScopedHierarchy, placed: PlacedGraph, metrics: NodeMetrics, notices: readonly string[], text: TextMetrics = LABEL_METRICS): Scene {
  const h = model.hierarchy;
  const n = placed.nodes.length;
  const ids = new Int32Array(n);
  const boxes = new Float32Array(4 * n);
  const shapes = new Uint8Array(n);
  const depth = new Uint8Array(n);
  const aux = new Uint8Array(n);
  const parentSlot = new Int32Array(n);
  const names: string[] = new Array<string>(n);
  const labels: string[] = new Array<string>(n);
  const sublabels: string[] = new Array<string>(n);
  const tables = { structure: new StringTable(), op: new StringTable(), device: new StringTable(), xla: new StringTable() };
  const keys = { structure: new Int32Array(n), op: new Int32Array(n), device: new Int32Array(n), xla: new Int32Array(n) };
  const compute = metrics.compute ? new Float32Array(n) : null;
  const memory = metrics.memory ? new Float32Array(n) : null;
  const slotOf = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const p = placed.nodes[i];
    if (!p) continue;
    const id = p.id;
    slotOf.set(id, i);
    ids[i] = id;
    boxes.set([p.x, p.y, p.width, p.height], 4 * i);
    aux[i] = p.type === 'aux' ? 1 : 0;
    parentSlot[i] = p.parent < 0 ? -1 : (slotOf.get(p.parent) ?? -1);
    depth[i] = Math.min(255, Math.max(0, (h.depth[id] as number) - 1));
    const kind = h.kind[id];
    const op = h.op(id);
    if (kind === H_SCOPE) shapes[i] = p.expanded ? SHAPE_SCOPE_OPEN : SHAPE_SCOPE;
    else if (kind === H_SERIES) shapes[i] = SHAPE_SERIES;
    else if (op === 'Const') shapes[i] = SHAPE_CONST;
    else if (op !== null && VARIABLE_OPS.has(op)) shapes[i] = SHAPE_VARIABLE;
    else shapes[i] = SHAPE_OP;
    const name = h.name(id);
    names[i] = name;
    labels[i] = fit(boxLabel(h, id), p.width, text);
    sublabels[i] = kind === H_OP || p.expanded ? '' : fit(kind === H_SERIES ? `${countLabel(h, id)} · ${op ?? ''}` : countLabel(h, id), p.width, text);
    const template = kind === H_SCOPE ? model.templates.of(id) : null;
    keys.structure[i] = template !== null && (model.templates.sizes.get(template) ?? 0) > 1 ? tables.structure.key(template) : -1;
    const dom = metrics.dominant(id);
    keys.op[i] = tables.op.key(dom.op);
    keys.device[i] = tables.device.key(dom.device);
    keys.xla[i] = tables.xla.key(dom.xla);
    if (compute) compute[i] = metrics.computeOf(id);
    if (memory) memory[i] = metrics.memoryOf(id);
  }
  const m = placed.edges.length;
  const edgeFrom = new Int32Array(m);
  const edgeTo = new Int32Array(m);
  const edgeKind = new Uint8Array(m);
  const edgeMultiplicity = new Int32Array(m);
  const edgeElements = new Float64Array(m);
  const pointStart = new Int32Array(m + 1);
  for (let e = 0; e < m; e++) pointStart[e + 1] = (pointStart[e] as number) + (placed.edges[e]?.points.length ?? 0) / 2;
  const points = new Float32Array(2 * (pointStart[m] as number));
  for (let e = 0; e < m; e++) {
    const edge = placed.edges[e];
    if (!edge) continue;
    edgeFrom[e] = edge.from;
    edgeTo[e] = edge.to;
    edgeKind[e] = edge.ref > 0 ? EDGE_KIND_REF : edge.data > 0 ? EDGE_KIND_DATA : EDGE_KIND_CONTROL;
    edgeMultiplicity[e] = edge.data + edge.control + edge.ref;
    edgeElements[e] = edge.elements;
    points.set(edge.points, 2 * (pointStart[e] as number));
  }
  const tableValues = { structure: tables.structure.values, op: tables.op.values, device: tables.device.values, xla: tables.xla.values };
  const ranks = tableRanks(tableValues, { structure: templateRanks(model.templates), ...metrics.ranks() });
  return {
    width: placed.width,
    height: placed.height,
    nodeCount: n,
    ids, boxes, shapes, depth, aux, parentSlot, names, labels, sublabels,
    keys,
    tables: tableValues,
    ranks,
    compute, memory,
    edgeCount: m, edgeFrom, edgeTo, edgeKind, edgeMultiplicity, edgeElements, pointStart, points,
    notices,
    layoutStats: null,
    preview: false,
    diff: null,
    badges: null,
  };
}

/** The typed arrays of a scene, for postMessage's transfer list. */
export function sceneBuffers(s: Scene): ArrayBuffer[] {
  const arrays = [s.ids, s.boxes, s.shapes, s.depth, s.aux, s.parentSlot, s.keys.structure, s.keys.op, s.keys.device, s.keys.xla,
    s.edgeFrom, s.edgeTo, s.edgeKind, s.edgeMultiplicity, s.edgeElements, s.pointStart, s.points, s.compute, s.memory, s.diff, s.scopeKinds ?? null,
    ...(s.ranks ? [s.ranks.structure, s.ranks.op, s.ranks.device, s.ranks.xla] : [])];
  return arrays.filter((a): a is NonNullable<typeof a> => a !== null).map((a) => a.buffer as ArrayBuffer);
}
