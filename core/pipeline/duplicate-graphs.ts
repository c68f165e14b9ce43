// Graphs a file holds twice: TF1's FileWriter writes the run graph as `graph_def` and again inside
// a `meta_graph_def`, and selectors should say so instead of listing two unrelated-looking graphs.
// Two graphs of the same file are the same when their node names and ops match, in order.
import type { Graph } from '../graph/graph';
import type { LoadedGraph } from '../io/load-result';

function fingerprint(g: Graph): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < g.nodeCount; i++) {
    const s = `${g.name(i)}\u0000${g.op(i)}\u0001`;
    for (let k = 0; k < s.length; k++) {
      const c = s.charCodeAt(k);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
    }
  }
  return `${g.nodeCount}:${g.functions.length}:${h1 >>> 0}:${h2 >>> 0}`;
}

/** Per graph, the index of the first earlier graph of the same file with the same nodes, or null. */
export function duplicateGraphs(graphs: readonly LoadedGraph[]): (number | null)[] {
  const first = new Map<string, number>();
  return graphs.map((g, i) => {
    // Run metadata graphs are partitions and traces: never a copy worth pointing at.
    if (g.source === 'run_metadata' || g.source === 'keras_model') return null;
    const key = `${g.file}\u0000${fingerprint(g.graph)}`;
    const earlier = first.get(key);
    if (earlier !== undefined) return earlier;
    first.set(key, i);
    return null;
  });
}
