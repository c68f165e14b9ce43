// TensorBoard's embedding (DESIGN.md §4.5): every Const-like op is drawn inside each op that
// consumes it, every `*Summary` op inside each of its inputs. Embedded ops take no place in the
// hierarchy and create no scopes; their edges are rerouted to their hosts (`routeEdges`).
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
      v = embeddingRoleOf(op);
      cache.set(op, v);
    }
    return v;
  };
}

/** The embedding role of op type `op`: EMBED_IN (Const-like), EMBED_OUT (summary) or EMBED_NONE. */
export function embeddingRoleOf(op: string): number {
  return IN_EMBEDDED.test(op) ? EMBED_IN : OUT_EMBEDDED.test(op) ? EMBED_OUT : EMBED_NONE;
}

/** EMBED_IN, EMBED_OUT or EMBED_NONE per graph node, by op type. */
export function embeddingRoles(graph: Graph): Uint8Array {
  const n = graph.nodeCount;
  const role = new Uint8Array(n);
  const test = roleTester();
  for (let i = 0; i < n; i++) role[i] = test(graph.op(i));
  return role;
}

/** 1 for the ops whose names create no scopes (every embedding op, hosted or not); undefined when there are none. */
export function scopelessOps(role: Uint8Array): Uint8Array | undefined {
  let mask: Uint8Array | undefined;
  for (let i = 0; i < role.length; i++) {
    if (role[i] === EMBED_NONE) continue;
    mask ??= new Uint8Array(role.length);
    mask[i] = 1;
  }
  return mask;
}

/**
 * Hosts of each Const-like op: the distinct ordinary ops naming it as an input (data or control).
 * Hosts of each summary: the distinct ordinary ops among its inputs. An embedding op with no such
 * host (a Const nothing uses, a summary of summaries) is embedded nowhere; TensorBoard drops it,
 * the hierarchy keeps it as an op that creates no scope.
 */
export function computeEmbedding(graph: Graph, edges: EdgeList, enabled = true): Embedding {
  const n = graph.nodeCount;
  const role = enabled ? embeddingRoles(graph) : new Uint8Array(n);
  const { src, dst } = edges;
  // Counting sort of (embedded node, host) pairs, one per edge that makes one: count, then fill.
  const hostStart = new Int32Array(n + 1);
  for (let e = 0; e < edges.count; e++) {
    const owner = embeddingOwner(role, src[e] as number, dst[e] as number);
    if (owner >= 0) hostStart[owner + 1] = (hostStart[owner + 1] as number) + 1;
  }
  for (let i = 0; i < n; i++) hostStart[i + 1] = (hostStart[i + 1] as number) + (hostStart[i] as number);
  const hosts = new Int32Array(hostStart[n] as number);
  const fill = hostStart.slice(0, n);
  for (let e = 0; e < edges.count; e++) {
    const s = src[e] as number;
    const d = dst[e] as number;
    const owner = embeddingOwner(role, s, d);
    if (owner < 0) continue;
    hosts[fill[owner] as number] = owner === s ? d : s;
    fill[owner] = (fill[owner] as number) + 1;
  }
  // Repeats (an op reading one Const twice) are dropped and each list sorted into graph order.
  let w = 0;
  for (let i = 0; i < n; i++) {
    const from = hostStart[i] as number;
    const to = hostStart[i + 1] as number;
    hostStart[i] = w;
    if (to - from > 1) {
      const len = sortUnique(hosts, from, to);
      if (w !== from) hosts.copyWithin(w, from, from + len);
      w += len;
    } else if (to > from) hosts[w++] = hosts[from] as number;
  }
  hostStart[n] = w;
  return { role, hostStart, hosts: w === hosts.length ? hosts : hosts.slice(0, w) };
}

/** The embedded end of edge s → d when the edge makes a host for it (Const-like into an ordinary op, an ordinary op into a summary), else -1. */
function embeddingOwner(role: Uint8Array, s: number, d: number): number {
  if (s === d) return -1;
  if (role[s] === EMBED_IN && role[d] === EMBED_NONE) return s;
  if (role[d] === EMBED_OUT && role[s] === EMBED_NONE) return d;
  return -1;
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
  const { hostStart, hosts, role } = emb;
  const { src, dst } = edges;
  const hostCount = (i: number): number => (hostStart[i + 1] as number) - (hostStart[i] as number);
  /** How many routed edges graph edge e yields (0, 1, or one per host of its embedded end). */
  const fanOut = (s: number, d: number): number => {
    const hs = hostCount(s);
    const hd = hostCount(d);
    if (hd > 0) return hs > 0 || role[d] !== EMBED_IN ? 0 : hd;
    if (hs > 0) return role[s] === EMBED_OUT ? hs : 0;
    return s === d ? 0 : 1;
  };
  let total = 0;
  for (let e = 0; e < edges.count; e++) total += fanOut(src[e] as number, dst[e] as number);
  const out = { count: 0, src: new Int32Array(total), dst: new Int32Array(total), kind: new Uint8Array(total), base: new Int32Array(total) };
  let w = 0;
  const push = (s: number, d: number, e: number): void => {
    // A host reached twice through one edge's fan-out is itself (a summary read by its own host).
    if (s === d) return;
    out.src[w] = s;
    out.dst[w] = d;
    out.kind[w] = edges.kind[e] as number;
    out.base[w++] = e;
  };
  for (let e = 0; e < edges.count; e++) {
    const s = src[e] as number;
    const d = dst[e] as number;
    const k = fanOut(s, d);
    if (k === 0) continue;
    if (hostCount(d) > 0) for (let j = hostStart[d] as number; j < (hostStart[d + 1] as number); j++) push(s, hosts[j] as number, e);
    else if (hostCount(s) > 0) for (let j = hostStart[s] as number; j < (hostStart[s + 1] as number); j++) push(hosts[j] as number, d, e);
    else push(s, d, e);
  }
  if (w === total) return { ...out, count: w };
  return { count: w, src: out.src.slice(0, w), dst: out.dst.slice(0, w), kind: out.kind.slice(0, w), base: out.base.slice(0, w) };
}
