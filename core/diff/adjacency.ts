// Per-node edge lists over Graph.edges (CSR): in-edges grouped by destination, out-edges by source.
// Both the structural pass and input comparison walk a node's edges many times; the flat edge
// list alone would make each walk a scan of the whole graph.
import type { Graph } from '../graph/graph';

export interface Adjacency {
  /** Node x's in-edges are inEdges[inStart[x] .. inStart[x + 1]), in input order. */
  readonly inStart: Int32Array;
  readonly inEdges: Int32Array;
  /** Node x's out-edges are outEdges[outStart[x] .. outStart[x + 1]). */
  readonly outStart: Int32Array;
  readonly outEdges: Int32Array;
}

/** Edge ids grouped by `key(edge)` (a counting sort, stable: edge order is kept within a group). */
function group(keys: Int32Array, count: number, n: number): [Int32Array, Int32Array] {
  const start = new Int32Array(n + 1);
  for (let e = 0; e < count; e++) {
    const k = (keys[e] as number) + 1;
    start[k] = (start[k] as number) + 1;
  }
  for (let x = 0; x < n; x++) start[x + 1] = (start[x + 1] as number) + (start[x] as number);
  const fill = start.slice(0, n);
  const edges = new Int32Array(count);
  for (let e = 0; e < count; e++) {
    const k = keys[e] as number;
    edges[fill[k] as number] = e;
    fill[k] = (fill[k] as number) + 1;
  }
  return [start, edges];
}

export function adjacency(g: Graph): Adjacency {
  const { count, src, dst } = g.edges;
  const [inStart, inEdges] = group(dst, count, g.nodeCount);
  const [outStart, outEdges] = group(src, count, g.nodeCount);
  return { inStart, inEdges, outStart, outEdges };
}
