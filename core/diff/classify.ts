// Classification of matched pairs and leftovers into the diff statuses, and the comparison of a
// matched pair's NodeDef fields (op, device, inputs through the matching, attribute bytes).
import { attrEntryKey, findAttr } from '../graph/attrs';
import { EDGE_CONTROL, type Graph } from '../graph/graph';
import type { Adjacency } from './adjacency';
import { scopeOf } from './match';
import type { Matching } from './matching';

export const DIFF_STATUSES = ['same', 'attr-changed', 'moved', 'renamed', 'added', 'removed'] as const;
export type DiffStatus = (typeof DIFF_STATUSES)[number];
export const STATUS_SAME = 0;
export const STATUS_ATTR_CHANGED = 1;
export const STATUS_MOVED = 2;
export const STATUS_RENAMED = 3;
export const STATUS_ADDED = 4;
export const STATUS_REMOVED = 5;

/** Changed NodeDef fields, listed beside attribute keys; parentheses never occur in attribute names. */
export const FIELD_OP = '(op)';
export const FIELD_DEVICE = '(device)';
export const FIELD_INPUT = '(input)';

export interface GraphSide {
  readonly graph: Graph;
  readonly adj: Adjacency;
  /** This side's node → the other side's node, or -1. */
  readonly match: Int32Array;
}

export interface Classification {
  readonly statusA: Uint8Array;
  readonly statusB: Uint8Array;
  /** Sorted changed fields of each matched pair with at least one change, keyed by A index. */
  readonly fields: Map<number, string[]>;
}

/**
 * Status rules, for a matched pair (i, j):
 * - names differ: `moved` when the scopes (all but the last component) differ, whatever the leaf
 *   did; `renamed` when only the leaf differs. The changed fields are still listed;
 * - names equal: `attr-changed` when any field differs, else `same`.
 * Unmatched A nodes are `removed`, unmatched B nodes `added`.
 */
export function classify(a: GraphSide, b: GraphSide, m: Matching, ignoredAttrs: ReadonlySet<string>): Classification {
  const statusA = new Uint8Array(a.graph.nodeCount).fill(STATUS_REMOVED);
  const statusB = new Uint8Array(b.graph.nodeCount).fill(STATUS_ADDED);
  const fields = new Map<number, string[]>();
  for (let i = 0; i < m.a.length; i++) {
    const j = m.a[i] as number;
    if (j < 0) continue;
    const changed = changedFields(a, i, b, j, ignoredAttrs);
    if (changed.length) fields.set(i, changed);
    const na = a.graph.name(i);
    const nb = b.graph.name(j);
    const status = na === nb ? (changed.length ? STATUS_ATTR_CHANGED : STATUS_SAME) : scopeOf(na) !== scopeOf(nb) ? STATUS_MOVED : STATUS_RENAMED;
    statusA[i] = status;
    statusB[j] = status;
  }
  return { statusA, statusB, fields };
}

/** Fields of pair (i, j) that differ: `(op)`, `(device)`, `(input)` and attribute keys, sorted. */
function changedFields(a: GraphSide, i: number, b: GraphSide, j: number, ignoredAttrs: ReadonlySet<string>): string[] {
  const out: string[] = [];
  if (a.graph.op(i) !== b.graph.op(j)) out.push(FIELD_OP);
  if (a.graph.device(i) !== b.graph.device(j)) out.push(FIELD_DEVICE);
  if (inputsDiffer(a, i, b, j)) out.push(FIELD_INPUT);
  out.push(...changedAttrs(a, i, b, j, ignoredAttrs));
  return out.sort();
}

/** The id a node's input source has in B's index space: A nodes by their match (-1: none). */
function sourceId(side: GraphSide, isA: boolean, src: number): number {
  return isA ? (side.match[src] as number) : src;
}

interface InputList {
  /** Data inputs as (position, source id, slot) triples, in input order. */
  readonly data: number[];
  readonly control: number[];
  /** Inputs naming no node of the graph. */
  readonly dangling: number;
}

function inputList(side: GraphSide, isA: boolean, x: number): InputList {
  const { edges } = side.graph;
  const { inStart, inEdges } = side.adj;
  const data: number[] = [];
  const control: number[] = [];
  for (let k = inStart[x] as number; k < (inStart[x + 1] as number); k++) {
    const e = inEdges[k] as number;
    const id = sourceId(side, isA, edges.src[e] as number);
    if (edges.kind[e] === EDGE_CONTROL) control.push(id);
    else data.push(edges.dstInput[e] as number, id, edges.srcSlot[e] as number);
  }
  const dangling = side.graph.inputCount(x) - (inStart[x + 1] as number) + (inStart[x] as number);
  return { data, control: control.sort((p, q) => p - q), dangling };
}

/**
 * Inputs compared through the matching: data inputs position by position (same source node, same
 * output slot), control inputs as a set (TensorFlow sorts them by name, so a rename reorders
 * them). An unmatched (removed) source has id -1, which no B source has. Inputs naming no node are
 * compared as strings.
 */
function inputsDiffer(a: GraphSide, i: number, b: GraphSide, j: number): boolean {
  if (a.graph.inputCount(i) !== b.graph.inputCount(j)) return true;
  if (sameEdgesInOrder(a, i, b, j)) return false;
  const la = inputList(a, true, i);
  const lb = inputList(b, false, j);
  if (la.dangling !== lb.dangling || la.data.length !== lb.data.length || la.control.length !== lb.control.length) return true;
  if (la.data.some((v, k) => v !== lb.data[k]) || la.control.some((v, k) => v !== lb.control[k])) return true;
  return la.dangling > 0 && danglingInputs(a, i).join('\u0000') !== danglingInputs(b, j).join('\u0000');
}

/** The common case without allocating: the same resolved inputs in the same order, none dangling. */
function sameEdgesInOrder(a: GraphSide, i: number, b: GraphSide, j: number): boolean {
  const ea = a.graph.edges;
  const eb = b.graph.edges;
  let ka = a.adj.inStart[i] as number;
  let kb = b.adj.inStart[j] as number;
  const endA = a.adj.inStart[i + 1] as number;
  if (endA - ka !== a.graph.inputCount(i) || (b.adj.inStart[j + 1] as number) - kb !== endA - ka) return false;
  for (; ka < endA; ka++, kb++) {
    const x = a.adj.inEdges[ka] as number;
    const y = b.adj.inEdges[kb] as number;
    if (a.match[ea.src[x] as number] !== eb.src[y] || ea.kind[x] !== eb.kind[y] || ea.srcSlot[x] !== eb.srcSlot[y] || ea.dstInput[x] !== eb.dstInput[y]) return false;
  }
  return true;
}

function danglingInputs(side: GraphSide, x: number): string[] {
  const { edges } = side.graph;
  const bound = new Set<number>();
  for (let k = side.adj.inStart[x] as number; k < (side.adj.inStart[x + 1] as number); k++) bound.add(edges.dstInput[side.adj.inEdges[k] as number] as number);
  return side.graph.inputs(x).filter((_, k) => !bound.has(k));
}

function sameBytes(p: Uint8Array, q: Uint8Array): boolean {
  if (p.length !== q.length) return false;
  for (let k = 0; k < p.length; k++) if (p[k] !== q[k]) return false;
  return true;
}

/**
 * Attribute keys whose encoded AttrValue bytes differ (present on one side only counts), minus the
 * ignored keys. `_class` (colocation, `loc:@node`) names nodes, so it is compared through the
 * matching: a moved variable's `loc:@scope_vars/a` equals `loc:@scope_name/a`.
 */
function changedAttrs(a: GraphSide, i: number, b: GraphSide, j: number, ignored: ReadonlySet<string>): string[] {
  const spanA = a.graph.columns.attrSpan;
  const spanB = b.graph.columns.attrSpan;
  const whole = (g: Graph, span: Uint32Array, x: number): Uint8Array => g.columns.bytes.subarray(span[2 * x], span[2 * x + 1]);
  if (sameBytes(whole(a.graph, spanA, i), whole(b.graph, spanB, j))) return [];
  const others = new Map<string, Uint8Array>();
  for (const e of b.graph.attrEntries(j)) {
    const key = attrEntryKey(e);
    if (key !== null) others.set(key, e);
  }
  const out: string[] = [];
  for (const e of a.graph.attrEntries(i)) {
    const key = attrEntryKey(e);
    if (key === null) continue;
    const other = others.get(key);
    others.delete(key);
    if (ignored.has(key) || (other && sameBytes(e, other))) continue;
    if (other && key === '_class' && colocation(a, true, e).join('\u0000') === colocation(b, false, other).join('\u0000')) continue;
    out.push(key);
  }
  for (const key of others.keys()) if (!ignored.has(key)) out.push(key);
  return out;
}

const utf8 = new TextDecoder('utf-8');

/** `_class` entries in a side-independent form: `loc:@x` becomes the matched pair's id; sorted. */
function colocation(side: GraphSide, isA: boolean, entry: Uint8Array): string[] {
  const values = findAttr([entry], '_class')?.list?.s ?? [];
  return values
    .map((raw) => {
      const s = utf8.decode(raw);
      const x = s.startsWith('loc:@') ? side.graph.indexOf(s.slice(5)) : -1;
      if (x < 0) return `=${s}`;
      const id = sourceId(side, isA, x);
      return side.match[x] === -1 ? `${isA ? 'a' : 'b'}${x}` : `#${id}`;
    })
    .sort();
}
