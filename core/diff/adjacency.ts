// Per-node edge lists over Graph.edges (CSR): in-edges grouped by destination, out-edges by source.
// Both the structural pass and input comparison walk a node's edges many times; the flat edge
// list alone would make each walk a scan of the whole graph.
import { groupByKey } from '../graph/csr';
import type { Graph } from '../graph/graph';

export interface Adjacency {
  /** Node x's in-edges are inEdges[inStart[x] .. inStart[x + 1]), in input order. */
  readonly inStart: Int32Array;
  readonly inEdges: Int32Array;
  /** Node x's out-edges are outEdges[outStart[x] .. outStart[x + 1]). */
  readonly outStart: Int32Array;
  readonly outEdges: Int32Array;
}

export function adjacency(g: Graph): Adjacency {
  const { src, dst } = g.edges;
  const ins = groupByKey(dst, g.nodeCount);
  const outs = groupByKey(src, g.nodeCount);
  return { inStart: ins.start, inEdges: ins.items, outStart: outs.start, outEdges: outs.items };
}
