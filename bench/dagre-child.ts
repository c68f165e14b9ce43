// Runs dagre on one scope input (JSON file) in its own process, started with a large stack:
// dagre's recursive ranking overflows Node's default stack on a 3,000-node DAG. Prints the ms.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import dagre from '@dagrejs/dagre';
import type { ScopeInput } from '../core/layout/types';

const input = JSON.parse(readFileSync(process.argv[2] as string, 'utf8')) as ScopeInput;
const g = new dagre.graphlib.Graph({ multigraph: true });
g.setGraph({ rankdir: 'BT', nodesep: 14, ranksep: 26 });
g.setDefaultEdgeLabel(() => ({}));
for (const n of input.nodes) g.setNode(String(n.id), { width: n.width, height: n.height });
input.edges.forEach((e, i) => {
  if (e.from.node >= 0 && e.to.node >= 0) g.setEdge(String(e.from.node), String(e.to.node), {}, `e${i}`);
});
const t = performance.now();
dagre.layout(g);
process.stdout.write(`${performance.now() - t}\n`);
