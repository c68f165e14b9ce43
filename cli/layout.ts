// `scopeview layout` and `scopeview export --svg`: the layout engine on the CLI's thread, with the
// same font-metrics table as the app, printed as the JSON of issue 4 or written as an SVG file.
import { writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type { Graph } from '../core/graph/graph';
import { assemble, type PlacedGraph } from '../core/layout/assemble';
import { expandedBySpec } from '../core/layout/expand-spec';
import { DEFAULT_SETTINGS, LayoutEngine } from '../core/layout/layout-engine';
import type { LayoutAlgorithm } from '../core/layout/types';
import { placedGraphSvg } from '../core/layout/svg-export';
import { inlineExecutor } from '../core/layout/local-layout';
import { analyzeHierarchy, type ScopedHierarchy } from '../core/scope/scope-engine';

const round = (v: number): number => Math.round(v * 100) / 100;

export interface LaidOut {
  model: ScopedHierarchy;
  placed: PlacedGraph;
  ms: number;
  notices: string[];
}

/** `widths`: size edges by their tensors (the SVG draws them; the JSON and the text have none, and skip decoding every node's attributes). */
export async function layoutGraph(graph: Graph, expand: string, algorithm: LayoutAlgorithm = 'layered', widths = true): Promise<LaidOut | { error: string }> {
  const model = analyzeHierarchy(graph, { tensorSizes: widths });
  const expanded = expandedBySpec(model.hierarchy, expand);
  if ('error' in expanded) return expanded;
  const engine = new LayoutEngine(model, inlineExecutor(() => performance.now()), { ...DEFAULT_SETTINGS, algorithm }, undefined, () => performance.now());
  const visible = await engine.layout(expanded);
  return { model, placed: assemble(model, visible), ms: visible.ms, notices: visible.notices.map((n) => `${model.hierarchy.name(n.scope) || '(root)'}: ${n.message}`) };
}

export function layoutJson({ model, placed, ms }: LaidOut): unknown {
  const h = model.hierarchy;
  const name = (x: number): string => h.name(x);
  return {
    ms: round(ms),
    nodes: placed.nodes.map((n) => ({
      name: name(n.id), type: n.type, expanded: n.expanded, parent: n.parent < 0 ? null : name(n.parent),
      x: round(n.x), y: round(n.y), width: round(n.width), height: round(n.height),
    })),
    edges: placed.edges.map((e) => ({
      from: name(e.from), to: name(e.to),
      kind: e.ref > 0 ? 'ref' : e.data > 0 ? 'data' : 'control',
      count: e.data + e.control + e.ref,
      points: Array.from({ length: e.points.length / 2 }, (_, k) => [round(e.points[2 * k] as number), round(e.points[2 * k + 1] as number)]),
    })),
  };
}

export function layoutText({ placed, ms, notices }: LaidOut): string {
  const open = placed.nodes.filter((n) => n.expanded).length;
  const lines = [`${placed.nodes.length} visible nodes (${open} open scopes), ${placed.edges.length} edges, ${Math.round(placed.width)} × ${Math.round(placed.height)}, laid out in ${Math.round(ms)} ms`];
  for (const n of notices) lines.push(`note: ${n}`);
  return lines.join('\n');
}

export async function writeSvg(out: string, laid: LaidOut): Promise<string> {
  await writeFile(out, placedGraphSvg(laid.model.hierarchy, laid.placed));
  return `wrote ${out}: ${laid.placed.nodes.length} nodes, ${laid.placed.edges.length} edges`;
}
