// TensorBoard-style embedding: a `Const` with a single consumer is drawn inside that consumer, and
// a `*Summary` op inside the node whose value it summarises. Embedded nodes take no place in the
// hierarchy; their edges are rerouted to the host node.
import { EDGE_CONTROL, type EdgeList, type Graph } from '../graph/graph';

const SUMMARY_OP = /^[A-Za-z]+Summary$/;

function summaryTester(): (op: string) => boolean {
  const cache = new Map<string, boolean>();
  return (op) => {
    let v = cache.get(op);
    if (v === undefined) {
      v = SUMMARY_OP.test(op);
      cache.set(op, v);
    }
    return v;
  };
}

/**
 * host[i] is the graph node that node i is embedded in, or -1. Rules:
 * - `Const` with exactly one distinct consumer embeds into it;
 * - an op matching /^[A-Za-z]+Summary$/ embeds into the source of its first data input that is
 *   neither a Const nor itself a summary (so `MergeSummary`, fed only by summaries, stays).
 */
export function computeEmbedding(graph: Graph, edges: EdgeList): Int32Array {
  const n = graph.nodeCount;
  const host = new Int32Array(n).fill(-1);
  const consumer = new Int32Array(n).fill(-1);
  const consumers = new Uint8Array(n);
  for (let e = 0; e < edges.count; e++) {
    const s = edges.src[e] as number;
    const d = edges.dst[e] as number;
    if (consumers[s] === 0) {
      consumer[s] = d;
      consumers[s] = 1;
    } else if (consumers[s] === 1 && consumer[s] !== d) consumers[s] = 2;
  }
  for (let i = 0; i < n; i++) {
    if (consumers[i] === 1 && graph.op(i) === 'Const' && consumer[i] !== i) host[i] = consumer[i] as number;
  }
  const isSummary = summaryTester();
  // A summary's first qualifying data input, found in edge order (edges are grouped by destination, inputs in order).
  const summaryHost = new Int32Array(n).fill(-1);
  for (let e = 0; e < edges.count; e++) {
    const d = edges.dst[e] as number;
    if (summaryHost[d] !== -1 || edges.kind[e] === EDGE_CONTROL) continue;
    const op = graph.op(d);
    if (!isSummary(op)) continue;
    const s = edges.src[e] as number;
    const srcOp = graph.op(s);
    if (srcOp === 'Const' || isSummary(srcOp)) continue;
    summaryHost[d] = s;
  }
  for (let i = 0; i < n; i++) {
    const h = summaryHost[i] as number;
    if (h >= 0 && host[i] === -1) host[i] = host[h] === -1 ? h : (host[h] as number);
  }
  // A Const embedded into a summary that is itself embedded follows it to the summary's host.
  for (let i = 0; i < n; i++) {
    const h = host[i] as number;
    if (h >= 0 && host[h] !== -1) host[i] = host[h] as number;
  }
  return host;
}
