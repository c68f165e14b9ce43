// The function library as hierarchies of their own, with call sites linked: a node calls function
// `f` when its op is `f`, or when a call op (PartitionedCall, If, While, ...) names `f` in a
// function-valued attribute.
import type { Graph } from '../graph/graph';
import type { AttrValue } from '../graph/attrs';

const CALL_OPS = new Set([
  'PartitionedCall', 'StatefulPartitionedCall', 'If', 'StatelessIf', 'While', 'StatelessWhile',
  'Case', 'StatelessCase', 'TPUPartitionedCall', 'For', 'RemoteCall', 'SymbolicGradient',
]);

function funcNames(v: AttrValue | null, out: Set<string>): void {
  if (!v) return;
  if (v.func?.name) out.add(v.func.name);
  for (const f of v.list?.func ?? []) if (f.name) out.add(f.name);
}

/** Functions called by node i of `graph`, among `known` function names. */
export function calledFunctions(graph: Graph, i: number, known: ReadonlySet<string>): string[] {
  const op = graph.op(i);
  const out = new Set<string>();
  if (known.has(op)) out.add(op);
  if (CALL_OPS.has(op)) {
    for (const [, v] of graph.attrs(i)) funcNames(v, out);
  }
  return [...out].filter((f) => known.has(f));
}

/** Graph nodes calling each library function; calls between library functions are shown inside them. */
export function findCallSites(graph: Graph): Map<string, number[]> {
  const sites = new Map<string, number[]>();
  if (graph.functions.length === 0) return sites;
  const known = new Set(graph.functions.map((f) => f.name));
  for (let i = 0; i < graph.nodeCount; i++) {
    const op = graph.op(i);
    if (!known.has(op) && !CALL_OPS.has(op)) continue;
    for (const f of calledFunctions(graph, i, known)) {
      const list = sites.get(f) ?? [];
      list.push(i);
      sites.set(f, list);
    }
  }
  return sites;
}
