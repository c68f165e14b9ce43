// Trace inputs / outputs: every graph node upstream (or downstream) of a node or of the ops in a
// scope, following data, control and reference edges, lifted to what is visible for the current
// expansion so the canvas can keep those boxes bright.
import { groupByKey, type Csr } from '../graph/csr';
import type { Graph } from '../graph/graph';
import { H_SCOPE } from '../scope/hierarchy';
import type { ScopedHierarchy } from '../scope/scope-engine';

export class Tracer {
  private bySrc: Csr | null = null;
  private byDst: Csr | null = null;

  constructor(private readonly model: ScopedHierarchy) {}

  private adjacency(graph: Graph, direction: 'inputs' | 'outputs'): Csr {
    const e = graph.edges;
    if (direction === 'inputs') return (this.byDst ??= groupByKey(e.dst, graph.nodeCount));
    return (this.bySrc ??= groupByKey(e.src, graph.nodeCount));
  }

  /** Graph nodes reached from h (its own ops included). */
  reach(h: number, direction: 'inputs' | 'outputs'): Uint8Array {
    const hier = this.model.hierarchy;
    const g = hier.graph;
    const e = g.edges;
    const adj = this.adjacency(g, direction);
    const seen = new Uint8Array(g.nodeCount);
    const stack: number[] = [];
    hier.forEachOp(h, (node) => {
      seen[node] = 1;
      stack.push(node);
    });
    const ends = direction === 'inputs' ? e.src : e.dst;
    while (stack.length > 0) {
      const v = stack.pop() as number;
      for (let k = adj.start[v] as number; k < (adj.start[v + 1] as number); k++) {
        const w = ends[adj.items[k] as number] as number;
        if (seen[w]) continue;
        seen[w] = 1;
        stack.push(w);
      }
    }
    return seen;
  }

  /** The visible hierarchy nodes holding the traced graph nodes, and their visible ancestors. */
  visible(h: number, direction: 'inputs' | 'outputs', expanded: ReadonlySet<number>): { nodes: number[]; count: number } {
    const hier = this.model.hierarchy;
    const g = hier.graph;
    const seen = this.reach(h, direction);
    const open = (x: number): boolean => x === hier.root || (expanded.has(x) && hier.kind[x] === H_SCOPE);
    const out = new Set<number>();
    let count = 0;
    for (let node = 0; node < g.nodeCount; node++) {
      if (!seen[node]) continue;
      count++;
      const x = hier.holder(node);
      if (x < 0) continue;
      // Climb to the outermost closed ancestor: the first node below an open chain from the root.
      const chain: number[] = [];
      for (let p = x; p >= 0; p = hier.parent[p] as number) chain.push(p);
      for (let i = chain.length - 1; i >= 0; i--) {
        const c = chain[i] as number;
        if (c === hier.root) continue;
        out.add(c);
        if (!open(c)) break;
      }
    }
    return { nodes: [...out], count };
  }
}
