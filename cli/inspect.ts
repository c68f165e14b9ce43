// `scopeview inspect`: what a file holds, as the exact JSON contract of the loader issue or as a
// readable summary (format, graphs, top op types, scope depth, warnings).
import type { LoadResult, LoadedGraph } from '../core/io/load-result';

export interface InspectJson {
  format: string | null;
  graphs: { source: string; tag: string | null; step: number | null; nodes: number; functions: number; functionNodes: number }[];
  warnings: { kind: string; message: string; offset: number | null }[];
  error: { kind: string; message: string; offset: number | null } | null;
}

export function inspectJson(r: LoadResult): InspectJson {
  return {
    format: r.format,
    graphs: r.graphs.map((g) => ({
      source: g.source,
      tag: g.tag,
      step: g.step,
      nodes: g.graph.nodeCount,
      functions: g.graph.functions.length,
      functionNodes: g.graph.functionNodeCount,
    })),
    warnings: r.warnings.map((w) => ({ kind: w.kind, message: w.message, offset: w.offset })),
    error: r.error ? { kind: r.error.kind, message: r.error.message, offset: r.error.offset } : null,
  };
}

function topOps(g: LoadedGraph, n: number): [string, number][] {
  const counts = new Map<string, number>();
  for (let i = 0; i < g.graph.nodeCount; i++) counts.set(g.graph.op(i), (counts.get(g.graph.op(i)) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n);
}

function scopeDepth(g: LoadedGraph): number {
  let depth = 0;
  for (let k = 0; k < g.graph.nodeCount; k++) {
    const name = g.graph.name(k);
    let d = 0;
    for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) === 47) d++;
    if (d > depth) depth = d;
  }
  return depth;
}

export function inspectText(r: LoadResult): string {
  const lines = [`${r.file}`, `  format: ${r.format ?? 'unknown'}`, `  graphs: ${r.graphs.length}`];
  r.graphs.forEach((g, i) => {
    const where = [g.run !== null ? `run ${g.run}` : null, g.tag !== null ? `tag ${g.tag}` : null, g.step !== null ? `step ${g.step}` : null].filter(Boolean).join(', ');
    lines.push(`  [${i}] ${g.source}${where ? ` (${where})` : ''}: ${g.graph.nodeCount} nodes, ${g.graph.functions.length} functions (${g.graph.functionNodeCount} nodes), scope depth ${scopeDepth(g)}`);
    const ops = topOps(g, 6);
    if (ops.length) lines.push(`      top ops: ${ops.map(([op, c]) => `${op} ${c}`).join(', ')}`);
    if (g.meta) {
      const sigs = g.meta.signatures.map((s) => s.key).join(', ');
      lines.push(`      tags: [${g.meta.tags.join(', ')}]${g.meta.tensorflowVersion ? `, TensorFlow ${g.meta.tensorflowVersion}` : ''}${sigs ? `, signatures: ${sigs}` : ''}`);
    }
  });
  for (const w of r.warnings) lines.push(`  warning (${w.kind}${w.offset !== null ? ` at byte ${w.offset}` : ''}): ${w.message}`);
  if (r.error) lines.push(`  error (${r.error.kind}${r.error.offset !== null ? ` at byte ${r.error.offset}` : ''}): ${r.error.message}`);
  if (r.error?.detail) lines.push(`    detail: ${r.error.detail}`);
  return lines.join('\n');
}
