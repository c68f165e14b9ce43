// Diff benchmark (DESIGN.md §5: two 15K-node graphs in ≤ 1 s): a 15K-node graph (tiled corpus
// graphs, and a synthetic scoped DAG) against a perturbed copy with renamed and moved scopes,
// removed and added nodes and changed attributes. The baseline is a name-only diff (equal names
// pair, everything else is added / removed) on the same inputs in the same run: the floor any
// diff pays, and how many nodes it would wrongly report as added and removed.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { diffGraphs } from '../core/diff/diff';
import { copyGraphDef, type LazyNode } from '../core/diff/test-support/copy-graph';
import type { Graph } from '../core/graph/graph';
import { readGraphDef } from '../core/io/graph-def-reader';
import { scopeview } from '../core/proto/generated/proto.js';
import { tiledFile } from './load.bench';
import type { BenchRow } from './report';
import { syntheticDag } from './tile';

const NODES = 15_000;
const RUNS = 5;
const BUDGET = { limit: 1000, higherIsBetter: false } as const;
const ADDED = 25;
const REMOVED = NODES / 500;

const perturbedAttr = (k: number): Uint8Array => scopeview.lazy.AttrEntry.encode({ key: '_perturbed', value: { i: k } }).finish();

/**
 * The perturbed copy: the second top-level scope renamed (`tile_1` → `renamed_scope`), the third moved under a
 * new scope (`wrapped/tile_2/...`), every 500th node dropped (REMOVED), every 300th given an
 * extra attribute, and ADDED new nodes reading existing ones.
 */
function perturb(g: Graph): Uint8Array {
  const tops = [...new Set(Array.from({ length: g.nodeCount }, (_, i) => g.name(i).split('/')[0] as string))];
  const [, renamed = '', wrapped = ''] = tops;
  const extra: LazyNode[] = Array.from({ length: ADDED }, (_, k) => ({ name: `added/node_${k}`, op: 'Identity', input: [g.name((k * 577) % g.nodeCount)] }));
  return copyGraphDef(g, {
    rename: (name, i) => {
      if (i % 500 === 499) return null;
      const top = name.split('/')[0];
      if (top === renamed) return `renamed_scope${name.slice(renamed.length)}`;
      if (top === wrapped) return `wrapped/${name}`;
      return name;
    },
    attrs: (i, entries) => (i % 300 === 150 ? [...entries, perturbedAttr(i)] : entries),
    extra,
  });
}

/** Pairs equal names only; compares nothing else (the cheapest possible "diff"). */
function nameOnlyDiff(a: Graph, b: Graph): number {
  const names = new Map<string, number>();
  for (let j = 0; j < b.nodeCount; j++) names.set(b.name(j), j);
  let matched = 0;
  for (let i = 0; i < a.nodeCount; i++) if (names.has(a.name(i))) matched++;
  return a.nodeCount - matched + (b.nodeCount - matched);
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((p, q) => p - q);
  return s[Math.floor(s.length / 2)] as number;
}

/** Median time over RUNS (and the first run's), each on freshly read graphs so that no lazily built edge list is reused. */
function timeRuns(bytesA: Uint8Array, bytesB: Uint8Array, fn: (a: Graph, b: Graph) => number): { ms: number; first: number; result: number } {
  const ms: number[] = [];
  let result = 0;
  for (let r = 0; r < RUNS; r++) {
    const a = readGraphDef(bytesA, 'a.pb');
    const b = readGraphDef(bytesB, 'b.pb');
    const t = performance.now();
    result = fn(a, b);
    ms.push(performance.now() - t);
  }
  return { ms: median(ms), first: ms[0] as number, result };
}

function benchPair(label: string, bytesA: Uint8Array): BenchRow[] {
  const a = readGraphDef(bytesA, 'a.pb');
  const bytesB = perturb(a);
  const ours = timeRuns(bytesA, bytesB, (x, y) => {
    const s = diffGraphs(x, y).summary;
    return s.added + s.removed;
  });
  const naive = timeRuns(bytesA, bytesB, nameOnlyDiff);
  const d = diffGraphs(a, readGraphDef(bytesB, 'b.pb')).summary;
  const counts = `${d.same} same, ${d.attrChanged} attr-changed, ${d.moved} moved, ${d.renamed} renamed, ${d.added} added, ${d.removed} removed`;
  return [
    { name: `diff: ${label}, ${a.nodeCount} nodes vs perturbed copy`, value: ours.ms, unit: 'ms', budget: BUDGET, baseline: { value: naive.ms, label: 'name-only diff' }, note: counts },
    { name: `  diff: ${label}, first run (code not yet optimised by the JIT)`, value: ours.first, unit: 'ms', budget: BUDGET },
    { name: `  diff: ${label}, nodes reported added + removed`, value: ours.result, unit: 'nodes', baseline: { value: naive.result, label: 'name-only diff' }, budget: { limit: ADDED + REMOVED, higherIsBetter: false }, note: `the copy has ${ADDED} new nodes and ${REMOVED} dropped` },
  ];
}

export async function benchDiff(): Promise<BenchRow[]> {
  const tiled = new Uint8Array(readFileSync(await tiledFile(NODES)));
  const synthetic = scopeview.lazy.LazyGraphDef.encode({ node: syntheticDag(NODES, 100, true) }).finish();
  return [...benchPair('tiled corpus graphs', tiled), ...benchPair('synthetic scoped DAG', synthetic)];
}
