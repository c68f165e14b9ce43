// Test-only helpers to build small graphs from a compact description.
import { Graph } from '../graph/graph';
import { GraphColumnsBuilder } from '../graph/graph-builder';
import { scopeview, tensorflow } from '../proto/generated/proto.js';

/** [name, op, inputs?, attrs?] per node. */
export type NodeSpec = [string, string, string[]?, Record<string, tensorflow.AttrValue.$Properties>?];

export function makeGraph(nodes: readonly NodeSpec[]): Graph {
  const b = new GraphColumnsBuilder();
  for (const [name, op, inputs = [], attrs = {}] of nodes) {
    const entries = Object.entries(attrs).map(([key, value]) => scopeview.lazy.AttrEntry.encode({ key, value }).finish());
    b.add(name, op, '', inputs, entries);
  }
  return new Graph(b.finish());
}

export function shapesAttr(...shapes: number[][]): Record<string, tensorflow.AttrValue.$Properties> {
  return { _output_shapes: { list: { shape: shapes.map((dims) => ({ dim: dims.map((size) => ({ size })) })) } } };
}
