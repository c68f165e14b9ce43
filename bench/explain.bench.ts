// Name-anatomy benchmark (issue 24: `explain` for every op of a 15K-node graph in ≤ 1 s): the
// anatomy of every op, serialised as `scopeview explain --json` prints it, on 15K nodes of tiled
// corpus graphs and on five TF2 keras_imagenet_main side by side (14K nodes, captured handles).
// The baseline is the Scopes panel's variable report on the same graph in the same run: the
// analysis the anatomy builds on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { memorySource } from '../core/io/byte-source';
import { readGraphDef } from '../core/io/graph-def-reader';
import { loadSource } from '../core/io/load';
import type { Graph } from '../core/graph/graph';
import { NameAnatomy } from '../core/scope/anatomy/name-anatomy';
import { analyzeVariables } from '../core/scope/variables/variables';
import { CORPUS_DIR, HAVE_CORPUS } from '../core/test-support/corpus';
import { tiledFile } from './load.bench';
import type { BenchRow } from './report';
import { besideAtRoot, lazyNodes } from './tile';

const RUNS = 5;
const KERAS = 'tf_repo/compiler/jit/tests/keras_imagenet_main.pbtxt';

function median(xs: readonly number[]): number {
  const s = [...xs].sort((p, q) => p - q);
  return s[Math.floor(s.length / 2)] as number;
}

/** Median ms of `fn` over RUNS, each on a freshly read graph (no lazily built index is reused). */
function timed(bytes: Uint8Array, fn: (g: Graph) => unknown): number {
  const ms: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const g = readGraphDef(bytes, 'bench.pb');
    const t = performance.now();
    fn(g);
    ms.push(performance.now() - t);
  }
  return median(ms);
}

function explainAll(g: Graph): string {
  const anatomy = new NameAnatomy(g);
  return JSON.stringify({ nodes: Array.from({ length: g.nodeCount }, (_, i) => anatomy.explain(i)) });
}

interface Case {
  readonly label: string;
  readonly bytes: Uint8Array;
}

async function cases(): Promise<Case[]> {
  const out: Case[] = [{ label: '15K nodes of tiled corpus graphs', bytes: new Uint8Array(readFileSync(await tiledFile(15_000))) }];
  if (HAVE_CORPUS) {
    const loaded = await loadSource(memorySource(KERAS, new Uint8Array(readFileSync(join(CORPUS_DIR, KERAS)))));
    const graph = loaded.graphs[0]?.graph;
    if (graph) out.push({ label: 'TF2 keras_imagenet_main ×5 (14K nodes, captured handles)', bytes: besideAtRoot(lazyNodes(graph), 5) });
  }
  return out;
}

export async function benchExplain(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const { label, bytes } of await cases()) {
    const nodes = readGraphDef(bytes, 'bench.pb').nodeCount;
    const ours = timed(bytes, explainAll);
    const base = timed(bytes, analyzeVariables);
    rows.push({
      name: `explain every op (anatomy + JSON), ${label}: ${nodes} ops, median of ${RUNS}`,
      value: ours,
      unit: 'ms',
      budget: { limit: 1000, higherIsBetter: false },
      baseline: { value: base, label: 'variable report (scopes) on the same graph' },
    });
  }
  return rows;
}
