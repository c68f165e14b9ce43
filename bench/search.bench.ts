// Search benchmark on the loader's tiled 10^6-node GraphDef (corpus graphs, or a synthetic scoped
// DAG when the corpus is absent): index build, then substring, regex and op: queries against the
// 50 ms budget, and the lazily built attribute index with a few attr: queries (same budget).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { readGraphDef } from '../core/io/graph-def-reader';
import { buildHierarchy } from '../core/scope/build-hierarchy';
import { SearchIndex } from '../core/scope/search/search';
import { tiledFile } from './load.bench';
import type { BenchRow } from './report';

const NODES = 1_000_000;
const RUNS = 3;
const BUDGET = { limit: 50, higherIsBetter: false } as const;
/** What a user types: scope and layer names, op names, a miss, regexes, op types. */
const QUERIES = ['conv2d', 'gradients', 'kernel', 'Adam', 'no_such_node', '/conv2d.*grad/i', '/^tile_1\\d\\//', '/layer_\\d+\\/conv/', '/Adam$/', 'op:Conv2D', 'op:Apply*', 'op:Const'];
const ATTR_QUERIES = ['attr:float', 'attr:same', 'attr:(3, 3)', 'attr:no_such_value'];

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** Median of RUNS timings of one query, the slowest single run, and its result count. */
function timeQuery(index: SearchIndex, q: string): { ms: number; worst: number; total: number } {
  const ms: number[] = [];
  let total = 0;
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    const res = index.query(q);
    ms.push(performance.now() - t);
    if (res.error) throw new Error(`bench query ${q}: ${res.error}`);
    total = res.total;
  }
  return { ms: median(ms), worst: Math.max(...ms), total };
}

export async function benchSearch(): Promise<BenchRow[]> {
  const graph = readGraphDef(new Uint8Array(readFileSync(await tiledFile(NODES))), 'tiled');
  const hierarchy = buildHierarchy(graph);
  const t0 = performance.now();
  const index = SearchIndex.build(graph, hierarchy);
  const buildMs = performance.now() - t0;
  const rows: BenchRow[] = [{ name: `search: index build, ${graph.nodeCount} nodes`, value: buildMs, unit: 'ms' }];
  rows.push({ name: '  search: name index size (chars + arrays)', value: index.sizeEstimate / 1e6, unit: 'MB' });
  const times = QUERIES.map((q) => ({ q, ...timeQuery(index, q) }));
  rows.push({ name: `search: median query (${QUERIES.length} substring / regex / op: queries)`, value: median(times.map((t) => t.ms)), unit: 'ms', budget: BUDGET });
  rows.push({ name: 'search: slowest query (median of its runs)', value: Math.max(...times.map((t) => t.ms)), unit: 'ms', budget: BUDGET });
  rows.push({ name: '  search: slowest single run, first runs included', value: Math.max(...times.map((t) => t.worst)), unit: 'ms' });
  for (const t of times) rows.push({ name: `  search \`${t.q}\` (${t.total} hits)`, value: t.ms, unit: 'ms' });
  const t1 = performance.now();
  const attrs = index.prepareAttributes();
  rows.push({ name: `search: attribute index build (${attrs.attributeCount} attributes, ${attrs.distinctCount} distinct, ${(attrs.sizeEstimate / 1e6).toFixed(0)} MB)`, value: performance.now() - t1, unit: 'ms' });
  const attrTimes = ATTR_QUERIES.map((q) => ({ q, ...timeQuery(index, q) }));
  rows.push({ name: 'search: slowest attr: query (median of its runs)', value: Math.max(...attrTimes.map((t) => t.ms)), unit: 'ms', budget: BUDGET });
  for (const t of attrTimes) rows.push({ name: `  search \`${t.q}\` (${t.total} hits)`, value: t.ms, unit: 'ms' });
  return rows;
}
