// Layout benchmark (issue 4): expanding real scopes of a tiled 192K-node graph (and re-expanding
// from the cache), the first top-level layout after the scope tree exists, a flat 3,000-node DAG,
// and ELK's default against the tuned options on real corpus scopes. dagre (what TensorBoard and
// Netron use) lays out the same inputs in the same run for the ratio.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ELK from 'elkjs/lib/elk.bundled.js';
import { readGraphDef } from '../core/io/graph-def-reader';
import { loadSource } from '../core/io/load';
import { memorySource } from '../core/io/byte-source';
import { elkGraph, ELK_OPTIONS } from '../core/layout/elk-layout';
import { expandedBySpec } from '../core/layout/expand-spec';
import { DEFAULT_SETTINGS, LayoutEngine } from '../core/layout/layout-engine';
import { runLayout } from '../core/layout/run-layout';
import type { ScopeInput } from '../core/layout/types';
import { inlineExecutor } from '../core/layout/local-layout';
import type { LayoutExecutor } from '../core/layout/worker-pool';
import { H_SCOPE } from '../core/scope/hierarchy';
import { analyzeHierarchy } from '../core/scope/scope-engine';
import { makeGraph } from '../core/test-support/graphs';
import { tiledFile } from './load.bench';
import type { BenchRow } from './report';
import { syntheticDag } from './tile';
import { dagreLayout } from './dagre-layout';

const now = (): number => performance.now();
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** dagre in a child process with an unlimited stack (its recursion overflows Node's default one). */
function dagreInChild(input: ScopeInput): number {
  const dir = join(import.meta.dirname, '.out');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'flat-3000-input.json');
  writeFileSync(file, JSON.stringify(input));
  const child = join(import.meta.dirname, 'dagre-child.ts');
  const out = execFileSync('bash', ['-c', 'ulimit -s unlimited && exec "$0" --stack-size=200000 --import tsx "$1" "$2"', process.execPath, child, file], { encoding: 'utf8', timeout: 900_000 });
  return Number(out.trim().split('\n').pop());
}

/** An executor that records the inputs it lays out. */
function recording(into: ScopeInput[]): LayoutExecutor {
  const inner = inlineExecutor(now);
  return { run: (input, stale) => (into.push(input), inner.run(input, stale)) };
}

async function expandScopes(): Promise<BenchRow[]> {
  const graph = readGraphDef(new Uint8Array(readFileSync(await tiledFile(192_000))), 'tiled-192K');
  const model = analyzeHierarchy(graph);
  const h = model.hierarchy;
  const inputs: ScopeInput[] = [];
  const engine = new LayoutEngine(model, recording(inputs), DEFAULT_SETTINGS, undefined, now);
  const t0 = now();
  await engine.layout(new Set());
  const firstMs = now() - t0;
  // Warm ELK's code as the app's workers are warm after the first layouts.
  const warm = expandedBySpec(h, '^tile_0(/[^/]+)?$') as Set<number>;
  await engine.layout(warm);
  // Real scopes of 20..200 children, from tiles not yet opened, each expanded in turn.
  const candidates: number[] = [];
  for (let x = 1; x < h.count && candidates.length < 40; x++) {
    const k = h.children(x).length;
    if (h.kind[x] === H_SCOPE && k >= 20 && k <= 200 && !h.name(x).startsWith('tile_0/')) candidates.push(x);
  }
  const open: number[] = [];
  const cached: number[] = [];
  const dagreMs: number[] = [];
  for (const s of candidates) {
    const withAncestors = new Set<number>();
    for (let a = s; a > 0; a = h.parent[a] as number) withAncestors.add(a);
    const before = inputs.length;
    let t = now();
    await engine.layout(withAncestors);
    open.push(now() - t);
    // The same work for dagre: the scope and each ancestor whose layout had to be redone.
    dagreMs.push(inputs.slice(before).reduce((sum, input) => sum + dagreLayout(input), 0));
    await engine.layout(new Set());
    t = now();
    await engine.layout(withAncestors);
    cached.push(now() - t);
  }
  const kids = candidates.map((s) => h.children(s).length);
  return [
    { name: `layout: first top-level layout of a 192K-node graph, after the scope tree exists (${h.children(h.root).length} top-level nodes)`, value: firstMs, unit: 'ms', budget: { limit: 500, higherIsBetter: false } },
    {
      name: `layout: expand a scope (${candidates.length} real scopes of ${Math.min(...kids)}–${Math.max(...kids)} children, with its ancestors), median`,
      value: median(open), unit: 'ms', budget: { limit: 100, higherIsBetter: false },
      baseline: { value: median(dagreMs), label: 'dagre on the same scope and ancestors, median' },
    },
    { name: '  layout: expand, slowest', value: Math.max(...open), unit: 'ms' },
    { name: 'layout: re-expand the same scopes from the cache, median', value: median(cached), unit: 'ms', budget: { limit: 16, higherIsBetter: false } },
  ];
}

async function flatDag(): Promise<BenchRow[]> {
  const graph = makeGraph(syntheticDag(3000, 50, false).map((n) => [n.name as string, n.op as string, (n.input ?? []) as string[]]));
  const model = analyzeHierarchy(graph, { extraction: false });
  const inputs: ScopeInput[] = [];
  await new LayoutEngine(model, recording(inputs), { ...DEFAULT_SETTINGS, flatLimit: 1e9 }, undefined, now).layout(new Set());
  const input = inputs[0] as ScopeInput;
  let t = now();
  await runLayout(input, now);
  const elkMs = now() - t;
  t = now();
  await runLayout({ ...input, settings: DEFAULT_SETTINGS }, now);
  const fastMs = now() - t;
  console.error('bench: dagre on the flat 3,000-node DAG (minutes)…');
  const dagreMs = dagreInChild(input);
  return [
    { name: `layout: flat unscoped 3,000-node DAG (${input.edges.length} edges), ELK tuned`, value: elkMs / 1000, unit: 's', budget: { limit: 5, higherIsBetter: false }, baseline: { value: dagreMs / 1000, label: 'dagre, same input' } },
    { name: '  layout: same DAG, the fast layered fallback (used above 1,500 children)', value: fastMs, unit: 'ms' },
  ];
}

async function elkOptions(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const CORPUS = new URL('../../shared/tf-corpus/', import.meta.url);
  for (const rel of ['pix2pix_gan_reuse/1/events.out.tfevents.1573068136.neuromancer-lab', 'albert_cls/albert_model.ckpt.meta']) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(new URL(rel, CORPUS)));
    } catch {
      console.log(`bench: corpus absent, skipping ELK option comparison on ${rel}`);
      continue;
    }
    const g = (await loadSource(memorySource(rel, bytes))).graphs[0]?.graph;
    if (!g) continue;
    const model = analyzeHierarchy(g);
    const inputs: ScopeInput[] = [];
    await new LayoutEngine(model, recording(inputs), DEFAULT_SETTINGS, undefined, now).layout(expandedBySpec(model.hierarchy, 'all') as Set<number>);
    const elk = new ELK();
    const time = async (options: Record<string, string>): Promise<number> => {
      const t = now();
      for (const input of inputs) {
        const scope = elkGraph(input);
        await elk.layout({ id: 'top', layoutOptions: { 'elk.algorithm': 'fixed' }, children: [{ ...scope, layoutOptions: { ...options, 'elk.direction': 'UP', 'elk.padding': scope.layoutOptions?.['elk.padding'] ?? '' } }] });
      }
      return now() - t;
    };
    await time(ELK_OPTIONS); // warm-up
    const tuned = await time(ELK_OPTIONS);
    const defaults = await time({ 'elk.algorithm': 'layered', 'elk.portConstraints': 'FIXED_SIDE' });
    const name = rel.split('/')[0];
    rows.push({ name: `layout: every scope of ${name} fully expanded (${inputs.length} ELK graphs), tuned options`, value: tuned, unit: 'ms', baseline: { value: defaults, label: 'ELK default options' } });
  }
  return rows;
}

export async function benchLayout(): Promise<BenchRow[]> {
  return [...(await expandScopes()), ...(await elkOptions()), ...(await flatDag())];
}
