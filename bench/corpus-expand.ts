// Every graph of the corpus laid out fully expanded on one thread, scope by scope (issue 23): the
// total, the slowest scopes with their children, ports and edges, and crossings per edge, beside the
// same with ELK drawing the ordinary scopes (the reference), or from another source tree
// (SCOPEVIEW_BASELINE_SRC, e.g. a worktree of the commit before), so that both sides run in one
// process, in turn, on the same noisy machine.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { LayoutAlgorithm, ScopeInput, ScopeLayout } from '../core/layout/types';
import { CORPUS_DIR, readManifest } from '../core/test-support/corpus';
import { crossings } from '../core/layout/crossings';

const now = (): number => performance.now();

/** The pipeline's entry points, from this tree or from another one. */
export interface Pipeline {
  readonly memorySource: typeof import('../core/io/byte-source').memorySource;
  readonly loadSource: typeof import('../core/io/load').loadSource;
  readonly analyzeGraph: typeof import('../core/scope/scope-engine').analyzeGraph;
  readonly expandedBySpec: typeof import('../core/layout/expand-spec').expandedBySpec;
  readonly LayoutEngine: typeof import('../core/layout/layout-engine').LayoutEngine;
  readonly DEFAULT_SETTINGS: typeof import('../core/layout/layout-engine').DEFAULT_SETTINGS;
  readonly inlineExecutor: typeof import('../core/layout/local-layout').inlineExecutor;
}

export async function pipelineFrom(root: string): Promise<Pipeline> {
  const [bs, load, scope, spec, engine, local] = await Promise.all([
    import(join(root, 'core/io/byte-source.ts')), import(join(root, 'core/io/load.ts')), import(join(root, 'core/scope/scope-engine.ts')),
    import(join(root, 'core/layout/expand-spec.ts')), import(join(root, 'core/layout/layout-engine.ts')), import(join(root, 'core/layout/local-layout.ts')),
  ]) as [typeof import('../core/io/byte-source'), typeof import('../core/io/load'), typeof import('../core/scope/scope-engine'),
    typeof import('../core/layout/expand-spec'), typeof import('../core/layout/layout-engine'), typeof import('../core/layout/local-layout')];
  return {
    memorySource: bs.memorySource, loadSource: load.loadSource, analyzeGraph: scope.analyzeGraph, expandedBySpec: spec.expandedBySpec,
    LayoutEngine: engine.LayoutEngine, DEFAULT_SETTINGS: engine.DEFAULT_SETTINGS, inlineExecutor: local.inlineExecutor,
  };
}

export const THIS_TREE = join(import.meta.dirname, '..');

export interface ScopeTime {
  readonly name: string;
  readonly children: number;
  /** Ports ELK had to place: on the open children plus the scope's own. */
  readonly ports: number;
  readonly edges: number;
  readonly ms: number;
  /** The process's CPU time during the scope (user + system): what a loaded machine inflates least. */
  readonly cpuMs: number;
}

export interface GraphExpansion {
  readonly label: string;
  readonly nodes: number;
  readonly scopes: number;
  /** Load, scope engine and layout of every scope, one thread. */
  readonly ms: number;
  /** Every scope laid out (not taken from a layout of the same structure), slowest first. */
  readonly slowest: readonly ScopeTime[];
  readonly edges: number;
  readonly crossings: number;
}

/** The corpus graphs: every graph (not run metadata) of every file that loads. */
export function corpusFiles(): string[] {
  return Object.entries(readManifest()).filter(([, e]) => !e.error).map(([rel]) => rel).sort();
}

/** Lays out every graph of one corpus file fully expanded; `withCrossings` also counts crossings. */
export async function expandFile(p: Pipeline, rel: string, withCrossings: boolean, algorithm?: LayoutAlgorithm): Promise<GraphExpansion[]> {
  const path = join(CORPUS_DIR, rel);
  let loaded;
  try {
    loaded = await p.loadSource(p.memorySource(path, new Uint8Array(readFileSync(path))));
  } catch {
    return [];
  }
  const out: GraphExpansion[] = [];
  const graphs = loaded.graphs.filter((g) => g.source !== 'run_metadata');
  for (const [gi, g] of graphs.entries()) {
    const t0 = now();
    const model = p.analyzeGraph(g.graph, {});
    const expanded = p.expandedBySpec(model.hierarchy, 'all') as Set<number>;
    const inner = p.inlineExecutor(now);
    const runs: { input: ScopeInput; layout: ScopeLayout; ms: number; cpuMs: number }[] = [];
    // One scope at a time: the engine starts every ready scope at once, and ELK's asynchronous
    // steps would interleave them, so a scope's own wall time would include the others'.
    let queue: Promise<unknown> = Promise.resolve();
    const executor = { run: (input: ScopeInput, stale: () => boolean): Promise<ScopeLayout> => {
      const next = queue.then(async () => {
        const t = now();
        const cpu = process.cpuUsage();
        const layout = await inner.run(input, stale);
        const used = process.cpuUsage(cpu);
        runs.push({ input, layout, ms: now() - t, cpuMs: (used.user + used.system) / 1000 });
        return layout;
      });
      queue = next.catch(() => undefined);
      return next;
    } };
    const settings = algorithm ? { ...p.DEFAULT_SETTINGS, algorithm } : p.DEFAULT_SETTINGS;
    await new p.LayoutEngine(model, executor, settings, undefined, now, true).layout(expanded);
    const ms = now() - t0;
    const h = model.hierarchy;
    const slowest = runs.map(({ input, ms: scopeMs, cpuMs }) => ({
      name: input.scope === h.root ? '(root)' : h.name(input.scope),
      children: input.nodes.length,
      ports: input.ownPorts.length + input.nodes.reduce((a, n) => a + n.ports.length, 0),
      edges: input.edges.length,
      ms: scopeMs,
      cpuMs,
    })).sort((a, b) => b.ms - a.ms);
    let edges = 0;
    let crossed = 0;
    if (withCrossings) {
      for (const { layout } of runs) {
        edges += layout.edgeFrom.length;
        crossed += crossings(layout);
      }
    }
    const label = graphs.length > 1 ? `${rel} #${gi}` : rel;
    out.push({ label, nodes: g.graph.nodeCount, scopes: expanded.size, ms, slowest, edges, crossings: crossed });
  }
  return out;
}

export const describeScope = (s: ScopeTime): string => `${s.name} (${s.children} children, ${s.ports} ports, ${s.edges} edges) ${s.ms.toFixed(0)} ms (CPU ${s.cpuMs.toFixed(0)} ms)`;

/**
 * Bench rows: each corpus graph fully expanded, its three slowest scopes, its crossings per edge,
 * each beside the same from SCOPEVIEW_BASELINE_SRC when set, else with the ELK algorithm (run in
 * turn, in this process); and the per-scope budget (150 ms for any scope of ≤ 1,500
 * children) on the slowest scope of all.
 */
export async function benchCorpusExpand(): Promise<import('./report').BenchRow[]> {
  const ours = await pipelineFrom(THIS_TREE);
  const baseRoot = process.env.SCOPEVIEW_BASELINE_SRC;
  const base = baseRoot ? await pipelineFrom(baseRoot) : ours;
  const baseAlgorithm: LayoutAlgorithm | undefined = baseRoot ? undefined : 'elk';
  const label = baseRoot ? 'the tree in SCOPEVIEW_BASELINE_SRC' : 'ELK for ordinary scopes (--algorithm elk)';
  // Each side's code warmed once, as the command's first scopes warm it for the rest.
  const warm = 'albert_cls/albert_model.ckpt.meta';
  await expandFile(ours, warm, false);
  await expandFile(base, warm, false, baseAlgorithm);
  const rows: import('./report').BenchRow[] = [];
  let worst: ScopeTime | null = null;
  let baseWorst: ScopeTime | null = null;
  let worstCpu: ScopeTime | null = null;
  let baseWorstCpu: ScopeTime | null = null;
  let [edges, crossed, baseEdges, baseCrossed] = [0, 0, 0, 0];
  for (const rel of corpusFiles()) {
    const mine = await expandFile(ours, rel, true);
    const theirs = await expandFile(base, rel, true, baseAlgorithm);
    for (const [k, g] of mine.entries()) {
      const b = theirs[k];
      edges += g.edges;
      crossed += g.crossings;
      baseEdges += b?.edges ?? 0;
      baseCrossed += b?.crossings ?? 0;
      for (const s of g.slowest) if (s.children <= 1500 && (!worst || s.ms > worst.ms)) worst = s;
      for (const s of b?.slowest ?? []) if (s.children <= 1500 && (!baseWorst || s.ms > baseWorst.ms)) baseWorst = s;
      for (const s of g.slowest) if (s.children <= 1500 && (!worstCpu || s.cpuMs > worstCpu.cpuMs)) worstCpu = s;
      for (const s of b?.slowest ?? []) if (s.children <= 1500 && (!baseWorstCpu || s.cpuMs > baseWorstCpu.cpuMs)) baseWorstCpu = s;
      if (g.nodes < 100) continue;
      rows.push({
        name: `corpus, fully expanded, one thread: ${g.label} (${g.nodes} nodes, ${g.scopes} scopes); slowest: ${g.slowest.slice(0, 3).map(describeScope).join('; ')}`,
        value: g.ms / 1000, unit: 's', ...(b ? { baseline: { value: b.ms / 1000, label: `${label}; slowest: ${b.slowest.slice(0, 3).map(describeScope).join('; ')}` } } : {}),
      });
      rows.push({
        name: `  crossings per edge: ${g.label}`, value: g.edges ? g.crossings / g.edges : 0, unit: 'crossings/edge',
        ...(b ? { baseline: { value: b.edges ? b.crossings / b.edges : 0, label }, budget: { limit: 1.1 * (b.edges ? b.crossings / b.edges : 0), higherIsBetter: false } } : {}),
      });
    }
  }
  rows.push({
    name: 'crossings per edge, every corpus graph fully expanded', value: crossed / Math.max(1, edges), unit: 'crossings/edge',
    baseline: { value: baseCrossed / Math.max(1, baseEdges), label }, budget: { limit: (1.1 * baseCrossed) / Math.max(1, baseEdges), higherIsBetter: false },
  });
  if (worst) rows.push({ name: `slowest scope of ≤ 1,500 children, any corpus graph: ${describeScope(worst)}`, value: worst.ms, unit: 'ms', budget: { limit: 150, higherIsBetter: false },
    ...(baseWorst ? { baseline: { value: baseWorst.ms, label: `${label}: ${describeScope(baseWorst)}` } } : {}) });
  if (worstCpu) rows.push({ name: `  the same by CPU time (the load average inflates it least): ${describeScope(worstCpu)}`, value: worstCpu.cpuMs, unit: 'ms', budget: { limit: 150, higherIsBetter: false },
    ...(baseWorstCpu ? { baseline: { value: baseWorstCpu.cpuMs, label: `${label}: ${describeScope(baseWorstCpu)}` } } : {}) });
  rows.push({ name: `load average (1 min) at the end of the corpus run`, value: os.loadavg()[0] as number, unit: '' });
  return rows;
}
