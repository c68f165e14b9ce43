// dagre (the layout of TensorBoard's graph tab and Netron) on one scope input, as the benchmark's
// baseline: the same boxes and the edges between them (dagre has no ports). Returns the ms.
import { performance } from 'node:perf_hooks';
import dagre from '@dagrejs/dagre';
import type { ScopeInput } from '../core/layout/types';

export function dagreLayout(input: ScopeInput): number {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'BT', nodesep: 14, ranksep: 26 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of input.nodes) g.setNode(String(n.id), { width: n.width, height: n.height });
  input.edges.forEach((e, i) => {
    if (e.from.node >= 0 && e.to.node >= 0) g.setEdge(String(e.from.node), String(e.to.node), {}, `e${i}`);
  });
  const t = performance.now();
  dagre.layout(g);
  return performance.now() - t;
}
