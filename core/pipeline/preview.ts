// The first frame of a large graph, drawn while the loader and the scope engine still work: the
// top-level scopes and ops read straight off the node names (one pass, no edges), with their op
// counts, in the fast layout's grid. It is replaced by the real top level (edges, series,
// extraction) as soon as that is ready; until then it only shows, it does not answer clicks.
// The names come from a decoded graph, or from a GraphDef's bytes before it is decoded
// (`topLevelOfGraphDef`: only each NodeDef's name and op fields are read), so the frame can come
// first. As in the hierarchy (DESIGN.md §4), embedding ops (Const-like, summaries) make no scope
// and are not counted: they are drawn inside the ops that use them. Unlike the hierarchy, the
// preview cannot see which of them nothing uses (those stay ops there), so it leaves them all out.
import type { Graph } from '../graph/graph';
import { WireCursor } from '../proto/wire';
import { fastLayout } from '../layout/fast-layout';
import { boxSize, opsLabel, PADDING } from '../layout/node-sizes';
import { fitText, LABEL_METRICS } from '../layout/text-metrics';
import type { InputNode } from '../layout/types';
import { DEFAULT_SETTINGS } from '../layout/layout-engine';
import { embeddingRoleOf, embeddingRoles, EMBED_NONE } from '../scope/embedding';
import { H_OP, H_SCOPE } from '../scope/hierarchy';
import { SHAPE_OP, SHAPE_SCOPE, type Scene } from './scene';

/** Top-level name → how many nodes sit under it and whether it is a scope (some name continues past it). */
export type TopLevel = Map<string, { ops: number; scope: boolean }>;

function addName(groups: TopLevel, top: string, nested: boolean): void {
  const g = groups.get(top);
  if (g) {
    g.ops++;
    g.scope ||= nested;
  } else groups.set(top, { ops: 1, scope: nested });
}

export function topLevelOfGraph(graph: Graph): TopLevel {
  const groups: TopLevel = new Map();
  const role = embeddingRoles(graph);
  for (let i = 0; i < graph.nodeCount; i++) {
    if (role[i] !== EMBED_NONE) continue;
    const name = graph.name(i);
    const slash = name.indexOf('/');
    addName(groups, slash < 0 ? name : name.slice(0, slash), slash >= 0);
  }
  return groups;
}

const utf8 = new TextDecoder('utf-8');

/**
 * Moves `c` to the bytes of the next length-delimited field 1 before `end`, skipping other fields,
 * and returns where that field ends: -1 when there is none, NaN when the bytes do not walk.
 * Field 1 is GraphDef.node.
 */
function nextField1(c: WireCursor, end: number): number {
  while (c.pos < end) {
    const tag = c.varint();
    if (tag < 0) return NaN;
    if (tag === 0x0a) {
      const len = c.varint();
      return len < 0 || c.pos + len > end ? NaN : c.pos + len;
    }
    if (!c.skip(tag & 7)) return NaN;
  }
  return -1;
}

/**
 * Embedding roles of op types read as bytes: op types repeat, so each distinct type is decoded and
 * tested once (embedding.ts owns the rule), and later nodes are matched by a hash of their bytes,
 * checked byte for byte. A string per node cost the walk twice its time.
 */
class OpRoles {
  private readonly byHash = new Map<number, { op: Uint8Array; role: number }[]>();

  role(buf: Uint8Array, start: number, end: number): number {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ (buf[i] as number), 0x01000193);
    let list = this.byHash.get(h);
    if (list) {
      for (const e of list) if (sameBytes(e.op, buf, start, end)) return e.role;
    } else this.byHash.set(h, (list = []));
    const op = buf.slice(start, end);
    const role = embeddingRoleOf(utf8.decode(op));
    list.push({ op, role });
    return role;
  }
}

function sameBytes(a: Uint8Array, buf: Uint8Array, start: number, end: number): boolean {
  if (a.length !== end - start) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== buf[start + i]) return false;
  return true;
}

/**
 * The top level of the GraphDef in buf[start, end), from the name and op fields of each NodeDef
 * and nothing else, with the node count (every node, embedding ops included); null when the bytes
 * do not walk as a GraphDef (the loader will report why).
 */
export function topLevelOfGraphDef(buf: Uint8Array, start: number, end: number): { groups: TopLevel; nodes: number } | null {
  const groups: TopLevel = new Map();
  const roles = new OpRoles();
  const c = new WireCursor(buf, start, end);
  const n = new WireCursor(buf, 0, 0);
  let nodes = 0;
  for (;;) {
    const nodeEnd = nextField1(c, end);
    if (Number.isNaN(nodeEnd)) return null;
    if (nodeEnd < 0) return { groups, nodes };
    n.reset(buf, c.pos, nodeEnd);
    c.pos = nodeEnd;
    nodes++;
    // NodeDef.name (field 1) and op (field 2); writers put them first, but any field order is read.
    let nameStart = -1;
    let nameEnd = -1;
    let opStart = -1;
    let opEnd = -1;
    while (n.pos < nodeEnd && (nameStart < 0 || opStart < 0)) {
      const tag = n.varint();
      if (tag < 0) return null;
      if (tag !== 0x0a && tag !== 0x12) {
        if (!n.skip(tag & 7)) return null;
        continue;
      }
      const len = n.varint();
      if (len < 0 || n.pos + len > nodeEnd) return null;
      if (tag === 0x0a) {
        nameStart = n.pos;
        nameEnd = n.pos + len;
      } else {
        opStart = n.pos;
        opEnd = n.pos + len;
      }
      n.pos += len;
    }
    if (nameStart < 0) continue;
    if (opStart >= 0 && roles.role(buf, opStart, opEnd) !== EMBED_NONE) continue;
    let cut = nameStart;
    while (cut < nameEnd && buf[cut] !== 0x2f) cut++;
    addName(groups, utf8.decode(buf.subarray(nameStart, cut)), cut < nameEnd);
  }
}

/** Graphs at least this large get a preview frame while they load and their hierarchy is built. */
export const PREVIEW_MIN_NODES = 20_000;
/** GraphDefs under this size are not pre-scanned for a preview (they cannot hold PREVIEW_MIN_NODES nodes). */
export const PREVIEW_MIN_BYTES = 1 << 20;

export function previewScene(graph: Graph, now: () => number): Scene {
  return previewOf(topLevelOfGraph(graph), now);
}

export function previewOf(groups: TopLevel, now: () => number): Scene {
  const entries = [...groups.entries()];
  const n = entries.length;
  const nodes: InputNode[] = entries.map(([name, g], id) => ({
    id, ...boxSize(g.scope ? H_SCOPE : H_OP, name, g.scope ? opsLabel(g.ops) : '', LABEL_METRICS), ports: [],
  }));
  const layout = fastLayout({ scope: -1, settings: DEFAULT_SETTINGS, header: 0, nodes, aux: [], ownPorts: [], edges: [] }, now, false);
  const boxes = new Float32Array(4 * n);
  const ids = new Int32Array(n);
  const shapes = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const id = layout.nodeIds[i] as number;
    ids[i] = id;
    boxes.set(layout.nodeBoxes.subarray(4 * i, 4 * i + 4), 4 * i);
    shapes[i] = (entries[id] as [string, { scope: boolean }])[1].scope ? SHAPE_SCOPE : SHAPE_OP;
  }
  const names = Array.from(ids, (id) => (entries[id] as [string, unknown])[0]);
  const none = (): Int32Array => new Int32Array(n).fill(-1);
  return {
    width: layout.width,
    height: layout.height,
    nodeCount: n,
    ids, boxes, shapes,
    depth: new Uint8Array(n),
    aux: new Uint8Array(n),
    parentSlot: new Int32Array(n).fill(-1),
    names,
    labels: names.map((name, i) => fitText(name, Math.max(0, (boxes[4 * i + 2] as number) - PADDING), LABEL_METRICS)),
    sublabels: Array.from(ids, (id) => {
      const g = (entries[id] as [string, { ops: number; scope: boolean }])[1];
      return g.scope ? opsLabel(g.ops) : '';
    }),
    keys: { structure: none(), op: none(), device: none(), xla: none() },
    tables: { structure: [], op: [], device: [], xla: [] },
    compute: null,
    memory: null,
    edgeCount: 0,
    edgeFrom: new Int32Array(0),
    edgeTo: new Int32Array(0),
    edgeKind: new Uint8Array(0),
    edgeMultiplicity: new Int32Array(0),
    edgeElements: new Float64Array(0),
    pointStart: new Int32Array(1),
    points: new Float32Array(0),
    notices: [],
    layoutStats: null,
    preview: true,
    diff: null,
    badges: null,
  };
}
