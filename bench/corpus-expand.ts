// Every graph of the corpus laid out fully expanded on one thread, scope by scope (issue 23): the
// total, the slowest scopes with their children, ports and edges, and crossings per edge. The same
// pipeline can be loaded from another source tree (SCOPEVIEW_BASELINE_SRC, e.g. a worktree of the
// commit before), so that both sides run in one process, in turn, on the same noisy machine.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ScopeInput, ScopeLayout } from '../core/layout/types';
import { CORPUS_DIR, readManifest } from '../core/test-support/corpus';
import { crossings } from './crossings';

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

/** Lays out every graph of one corpus file fully expanded; `withCrossings` also counts crossings (quadratic, slow). */
export async function expandFile(p: Pipeline, rel: string, withCrossings: boolean): Promise<GraphExpansion[]> {
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
    const runs: { input: ScopeInput; layout: ScopeLayout; ms: number }[] = [];
    // One scope at a time: the engine starts every ready scope at once, and ELK's asynchronous
    // steps would interleave them, so a scope's own wall time would include the others'.
    let queue: Promise<unknown> = Promise.resolve();
    const executor = { run: (input: ScopeInput, stale: () => boolean): Promise<ScopeLayout> => {
      const next = queue.then(async () => {
        const t = now();
        const layout = await inner.run(input, stale);
        runs.push({ input, layout, ms: now() - t });
        return layout;
      });
      queue = next.catch(() => undefined);
      return next;
    } };
    await new p.LayoutEngine(model, executor, p.DEFAULT_SETTINGS, undefined, now, true).layout(expanded);
    const ms = now() - t0;
    const h = model.hierarchy;
    const slowest = runs.map(({ input, ms: scopeMs }) => ({
      name: input.scope === h.root ? '(root)' : h.name(input.scope),
      children: input.nodes.length,
      ports: input.ownPorts.length + input.nodes.reduce((a, n) => a + n.ports.length, 0),
      edges: input.edges.length,
      ms: scopeMs,
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

export const describeScope = (s: ScopeTime): string => `${s.name} (${s.children} children, ${s.ports} ports, ${s.edges} edges) ${s.ms.toFixed(0)} ms`;
