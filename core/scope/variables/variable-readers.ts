// Finding a graph's variables and the ops that read their values, in one linear pass over nodes
// and edges: which ops are variables, which consumers are mere pass-throughs of the value, and
// which are bookkeeping (writes, init checks, savers, gradients) that every variable has.
import { EDGE_CONTROL, type Graph } from '../../graph/graph';
import type { ScopeNames } from '../scope-names';

/** Ops that create a variable. */
export const VARIABLE_OPS: ReadonlySet<string> = new Set(['VariableV2', 'Variable', 'VarHandleOp', 'AutoReloadVariable']);

/** Ops whose input 0 is a resource handle: whatever feeds it is a variable (TF2 resource args). */
const HANDLE_READ_OPS: ReadonlySet<string> = new Set(['ReadVariableOp', 'VariableShape']);

/**
 * Ops that receive a variable made elsewhere: a TF2 graph captures a resource handle as a
 * Placeholder or _Arg named after its first reader (`…/Conv2D/ReadVariableOp/resource`).
 */
const CAPTURE_OPS: ReadonlySet<string> = new Set(['Placeholder', '_Arg']);

const WRITE_OPS: ReadonlySet<string> = new Set([
  'Assign', 'AssignAdd', 'AssignSub', 'AssignVariableOp', 'AssignAddVariableOp', 'AssignSubVariableOp',
  'StridedSliceAssign', 'ResourceStridedSliceAssign',
]);
const WRITE_PREFIX = /^(?:Resource)?(?:Sparse)?(?:Apply|Scatter)/;

/** Ops that touch every variable without using its value. */
const BOOKKEEPING_OPS: ReadonlySet<string> = new Set([
  'IsVariableInitialized', 'VarIsInitializedOp', 'SaveV2', 'Save', 'SaveSlices', 'RestoreV2', 'Restore', 'RestoreSlice',
]);

/**
 * Scope components of saver, init-check, gradient (TF1 `gradients_N`, TF2 `gradient_tape`) and
 * weight-regularizer machinery (Keras puts `loss/<layer>/kernel/Regularizer` outside the layer).
 */
const BOOKKEEPING_SCOPE = /(?:^|\/)(?:(?:save|gradients)(?:_\d+)?|gradient_tape|Regularizer|report_uninitialized_variables[^/]*)(?:\/|$)/;

/**
 * Summaries observe a value rather than compute with it (the hierarchy embeds them into their
 * input, DESIGN.md 4.5); tutorials summarise every variable, often from another scope.
 */
function isSummaryOp(op: string): boolean {
  return op.endsWith('Summary');
}

export function isWriteOp(op: string): boolean {
  return WRITE_OPS.has(op) || WRITE_PREFIX.test(op);
}

/** Per-scope memo of "some component of this scope is bookkeeping" (0 unknown, 1 yes, 2 no). */
class BookkeepingScopes {
  private readonly memo: Int8Array;

  constructor(private readonly scopes: ScopeNames) {
    this.memo = new Int8Array(scopes.count);
  }

  holds(node: number): boolean {
    const entry = this.scopes.entryOf(node);
    if (entry < 0) return false;
    let hit = this.memo[entry] as number;
    if (hit === 0) {
      hit = BOOKKEEPING_SCOPE.test(this.scopes.name(entry)) ? 1 : 2;
      this.memo[entry] = hit;
    }
    return hit === 1;
  }
}

/** Non-control out-edges grouped by source (CSR), plus the source feeding input 0 of each node. */
interface Adjacency {
  readonly outStart: Int32Array;
  readonly outEdge: Int32Array;
  readonly input0: Int32Array;
}

function adjacency(graph: Graph): Adjacency {
  const n = graph.nodeCount;
  const { count, src, dst, kind, dstInput } = graph.edges;
  const outStart = new Int32Array(n + 1);
  const input0 = new Int32Array(n).fill(-1);
  for (let e = 0; e < count; e++) {
    if (kind[e] === EDGE_CONTROL) continue;
    const s = (src[e] as number) + 1;
    outStart[s] = (outStart[s] as number) + 1;
    if (dstInput[e] === 0) input0[dst[e] as number] = src[e] as number;
  }
  for (let i = 0; i < n; i++) outStart[i + 1] = (outStart[i + 1] as number) + (outStart[i] as number);
  const fill = outStart.slice(0, n);
  const outEdge = new Int32Array(outStart[n] as number);
  for (let e = 0; e < count; e++) {
    if (kind[e] === EDGE_CONTROL) continue;
    const s = src[e] as number;
    outEdge[fill[s] as number] = e;
    fill[s] = (fill[s] as number) + 1;
  }
  return { outStart, outEdge, input0 };
}

/**
 * Variable nodes in graph order: VARIABLE_OPS, plus the source of every HANDLE_READ_OPS input 0,
 * looked for through Identity chains so that `arg → Identity → ReadVariableOp` names `arg`, not the
 * Identity (which would otherwise hide the real variable behind a pass-through).
 */
function findVariables(graph: Graph, input0: Int32Array): { variables: Int32Array; captured: Uint8Array } {
  const n = graph.nodeCount;
  const isVar = new Uint8Array(n);
  // Memoised chain roots keep this linear however many reads share one Identity chain.
  const root = new Int32Array(n).fill(-1);
  const path: number[] = [];
  for (let i = 0; i < n; i++) {
    const op = graph.op(i);
    if (VARIABLE_OPS.has(op)) isVar[i] = 1;
    if (!HANDLE_READ_OPS.has(op) || (input0[i] as number) < 0) continue;
    let s = input0[i] as number;
    path.length = 0;
    // root[s] === -2 marks "on the current path": a cycle of Identities stops where it closes.
    while (root[s] === -1 && graph.op(s) === 'Identity' && (input0[s] as number) >= 0) {
      root[s] = -2;
      path.push(s);
      s = input0[s] as number;
    }
    const r = (root[s] as number) >= 0 ? (root[s] as number) : s;
    for (const p of path) root[p] = r;
    isVar[r] = 1;
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (isVar[i]) out.push(i);
  const variables = Int32Array.from(out);
  const captured = Uint8Array.from(variables, (v) => (CAPTURE_OPS.has(graph.op(v)) ? 1 : 0));
  return { variables, captured };
}

export interface VariableReads {
  /** Variable nodes, in graph order. */
  readonly variables: Int32Array;
  /** 1 where variables[k] is a captured resource handle (a Placeholder or _Arg feeding a ReadVariableOp). */
  readonly captured: Uint8Array;
  /** Distinct scope entries (ScopeNames) of the readers of variables[k], in discovery order. */
  readerScopes(k: number): Int32Array;
  /** The reader ops of variables[k], in discovery order. */
  readers(k: number): Int32Array;
}

/**
 * Walks from each variable through its value's pass-throughs (Identity, ReadVariableOp reached on
 * input 0) to the ops using the value, skipping bookkeeping (see variables.ts for the rules). A
 * walk never enters another variable, so each node is scanned by at most one walk: linear overall.
 */
export function variableReads(graph: Graph, scopeNames: ScopeNames): VariableReads {
  const n = graph.nodeCount;
  const { outStart, outEdge, input0 } = adjacency(graph);
  const { dst, dstInput } = graph.edges;
  const { variables, captured } = findVariables(graph, input0);
  const varMark = new Uint8Array(n);
  for (const v of variables) varMark[v] = 1;
  // Per-walk stamps; following (input 0 of a pass-through) and counting (any other input) are
  // separate so that the result does not depend on edge order. Scope stamps are shifted by one so
  // that the root (-1) has a slot.
  const followed = new Int32Array(n).fill(-1);
  const counted = new Int32Array(n).fill(-1);
  const scopeSeen = new Int32Array(scopeNames.count + 1).fill(-1);
  const bookkeeping = new BookkeepingScopes(scopeNames);
  const start = new Int32Array(variables.length + 1);
  const found: number[] = [];
  const readerStart = new Int32Array(variables.length + 1);
  const readerNodes: number[] = [];
  const stack: number[] = [];
  for (let k = 0; k < variables.length; k++) {
    const v = variables[k] as number;
    stack.push(v);
    while (stack.length) {
      const u = stack.pop() as number;
      for (let j = outStart[u] as number; j < (outStart[u + 1] as number); j++) {
        const e = outEdge[j] as number;
        const d = dst[e] as number;
        if (varMark[d]) continue;
        const op = graph.op(d);
        const passThrough = dstInput[e] === 0 && (op === 'Identity' || op === 'ReadVariableOp');
        if (passThrough ? followed[d] === k : counted[d] === k) continue;
        // The handle or ref itself going into a write is the write's target; a value read through
        // `read` or ReadVariableOp going into one (copying a variable) is a genuine read.
        if (u === v && isWriteOp(op)) continue;
        if (BOOKKEEPING_OPS.has(op) || isSummaryOp(op) || bookkeeping.holds(d)) continue;
        if (passThrough) {
          followed[d] = k;
          stack.push(d);
          continue;
        }
        counted[d] = k;
        readerNodes.push(d);
        const entry = scopeNames.entryOf(d);
        if (scopeSeen[entry + 1] === k) continue;
        scopeSeen[entry + 1] = k;
        found.push(entry);
      }
    }
    start[k + 1] = found.length;
    readerStart[k + 1] = readerNodes.length;
  }
  const flat = Int32Array.from(found);
  const flatReaders = Int32Array.from(readerNodes);
  return {
    variables,
    captured,
    readerScopes: (k) => flat.subarray(start[k] as number, start[k + 1] as number),
    readers: (k) => flatReaders.subarray(readerStart[k] as number, readerStart[k + 1] as number),
  };
}
