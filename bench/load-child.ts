// Runs one load in a fresh process so that its peak memory (maxRSS) is the load's own: reads the
// file through the Node ByteSource, builds the graph model and its edges, and with `--scope` the
// scope engine's model too; prints one JSON line.
import { performance } from 'node:perf_hooks';
import { openFileSource } from '../cli/node-byte-source';
import { loadSource } from '../core/io/load';
import { analyzeGraph } from '../core/scope/scope-engine';

const path = process.argv[2];
if (!path) throw new Error('usage: load-child FILE');
const source = await openFileSource(path);
const t0 = performance.now();
const result = await loadSource(source);
let nodes = 0;
let edges = 0;
for (const g of result.graphs) {
  nodes += g.graph.nodeCount;
  edges += g.graph.edges.count;
}
const ms = performance.now() - t0;
let scopeMs = 0;
if (process.argv.includes('--scope')) {
  const t1 = performance.now();
  for (const g of result.graphs) analyzeGraph(g.graph);
  scopeMs = performance.now() - t1;
}
await source.close();
const maxRssMB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ ms, scopeMs, nodes, edges, bytes: source.size, maxRssMB, error: result.error, warnings: result.warnings.length })}\n`);
