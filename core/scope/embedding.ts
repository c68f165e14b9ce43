// TensorBoard's embedding (DESIGN.md §4.5): every Const-like op is drawn inside each op that
// consumes it, every `*Summary` op inside each of its inputs. Embedded ops take no place in the
// hierarchy and create no scopes; their edges are rerouted to their hosts (`routeEdges`).
import { groupByKey } from '../graph/csr';
import type { EdgeList, Graph } from '../graph/graph';

/**
 * TensorBoard tests op types with unanchored regexes: `Const` also matches `HostConst`,
 * `GuaranteeConst` or PyTorch's `prim::Constant` and `prim::ListConstruct`, and they embed too.
 */
const IN_EMBEDDED = /Const/;
const OUT_EMBEDDED = /^[a-zA-Z]+Summary$/;

export const EMBED_NONE = 0;
export const EMBED_IN = 1;
export const EMBED_OUT = 2;

export interface Embedding {
  /** Per graph node: EMBED_IN (Const-like), EMBED_OUT (summary) or EMBED_NONE. */
  readonly role: Uint8Array;
  /** Hosts of node i are hosts[hostStart[i] .. hostStart[i + 1]), in graph order; none when not embedded. */
  readonly hostStart: Int32Array;
  readonly hosts: Int32Array;
}

/** Graph edges after embedding: endpoints are graph nodes that have a place in the hierarchy. */
export interface RoutedEdges {
  readonly count: number;
  readonly src: Int32Array;
  readonly dst: Int32Array;
  readonly kind: Uint8Array;
  /** The graph edge each routed edge comes from (one graph edge may yield several). */
  readonly base: Int32Array;
}

function roleTester(): (op: string) => number {
  const cache = new Map<string, number>();
  return (op) => {
    let v = cache.get(op);
    if (v === undefined) {
      v = IN_EMBEDDED.test(op) ? EMBED_IN : OUT_EMBEDDED.test(op) ? EMBED_OUT : EMBED_NONE;
      cache.set(op, v);
    }
    return v;
  };
}

/**
 * Hosts of each Const-like op: the distinct ordinary ops naming it as an input (data or control).
 * Hosts of each summary: the distinct ordinary ops among its inputs. An embedding op with no such
 * host (a Const nothing uses, a summary of summaries) is embedded nowhere; TensorBoard drops it,
 * the hierarchy keeps it as an op that creates no scope.
 */
export function computeEmbedding(graph: Graph, edges: EdgeList, enabled = true): Embedding {
  const n = graph.nodeCount;
  const role = new Uint8Array(n);
  if (enabled) {
    const test = roleTester();
    for (let i = 0; i < n; i++) role[i] = test(graph.op(i));
  }
  // (embedded node, host) pairs, one per edge that makes one; duplicates removed per node below.
  const owner = new Int32Array(edges.count).fill(-1);
  const host = new Int32Array(edges.count);
  for (let e = 0; e < edges.count; e++) {
    const s = edges.src[e] as number;
    const d = edges.dst[e] as number;
    if (s === d) continue;
    if (role[s] === EMBED_IN && role[d] === EMBED_NONE) {
      owner[e] = s;
      host[e] = d;
    } else if (role[d] === EMBED_OUT && role[s] === EMBED_NONE) {
      owner[e] = d;
      host[e] = s;
    }
  }
  const { start, items } = groupByKey(owner, n);
  const hostStart = new Int32Array(n + 1);
  const hosts = new Int32Array(items.length);
  let w = 0;
  for (let i = 0; i < n; i++) {
    const first = w;
    for (let k = start[i] as number; k < (start[i + 1] as number); k++) hosts[w++] = host[items[k] as number] as number;
    if (w - first > 1) w = first + sortUnique(hosts, first, w);
    hostStart[i + 1] = w;
  }
  return { role, hostStart, hosts: hosts.slice(0, w) };
}

/** Sorts hosts[from..to) and removes repeats in place; returns the new length. */
function sortUnique(a: Int32Array, from: number, to: number): number {
  const part = a.subarray(from, to);
  let sorted = true;
  for (let k = 1; k < part.length && sorted; k++) sorted = (part[k - 1] as number) <= (part[k] as number);
  if (!sorted) part.sort();
  let len = 1;
  for (let k = 1; k < part.length; k++) if (part[k] !== part[len - 1]) part[len++] = part[k] as number;
  return len;
}

export function isEmbedded(emb: Embedding, i: number): boolean {
  return (emb.hostStart[i + 1] as number) > (emb.hostStart[i] as number);
}

/** The first host of each node (graph order), or -1. */
export function firstHosts(emb: Embedding): Int32Array {
  const n = emb.hostStart.length - 1;
  const out = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) if (isEmbedded(emb, i)) out[i] = emb.hosts[emb.hostStart[i] as number] as number;
  return out;
}

/**
 * Reroutes edges as TensorBoard does: an edge into an embedded Const (its control dependencies)
 * enters each of its hosts; an edge out of an embedded summary leaves each of its hosts; edges
 * between an embedded op and its host vanish, and so do edges whose other end is embedded too.
 */
export function routeEdges(edges: EdgeList, emb: Embedding): RoutedEdges {
  const { hostStart, hosts } = emb;
  let cap = edges.count;
  let src = new Int32Array(cap);
  let dst = new Int32Array(cap);
  let kind = new Uint8Array(cap);
  let base = new Int32Array(cap);
  let count = 0;
  const push = (s: number, d: number, e: number): void => {
    if (s === d) return;
    if (count === cap) {
      cap *= 2;
      src = grown(src, new Int32Array(cap));
      dst = grown(dst, new Int32Array(cap));
      kind = grown(kind, new Uint8Array(cap));
      base = grown(base, new Int32Array(cap));
    }
    src[count] = s;
    dst[count] = d;
    kind[count] = edges.kind[e] as number;
    base[count++] = e;
  };
  for (let e = 0; e < edges.count; e++) {
    const s = edges.src[e] as number;
    const d = edges.dst[e] as number;
    const sEmbedded = (hostStart[s + 1] as number) > (hostStart[s] as number);
    const dEmbedded = (hostStart[d + 1] as number) > (hostStart[d] as number);
    if (dEmbedded) {
      if (sEmbedded || emb.role[d] !== EMBED_IN) continue;
      for (let k = hostStart[d] as number; k < (hostStart[d + 1] as number); k++) push(s, hosts[k] as number, e);
    } else if (sEmbedded) {
      if (emb.role[s] !== EMBED_OUT) continue;
      for (let k = hostStart[s] as number; k < (hostStart[s + 1] as number); k++) push(hosts[k] as number, d, e);
    } else push(s, d, e);
  }
  return { count, src: src.slice(0, count), dst: dst.slice(0, count), kind: kind.slice(0, count), base: base.slice(0, count) };
}

function grown<T extends Uint8Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
