// `scopeview explain`: the name anatomy of ops (core/scope/anatomy) as the JSON document of
// DESIGN.md §4 or as text, one line per segment, then the leaf and the variables the op reads.
import type { Graph } from '../core/graph/graph';
import { NameAnatomy, type OpAnatomy } from '../core/scope/anatomy/name-anatomy';
import { pickGraph } from './pick-graph';
import { remoteOptions } from './remote-options';

export interface ExplainOptions {
  graph?: string;
  json?: boolean;
  endpoint?: string;
}

/** The named ops (in the order given), or every op of the graph itself, not of its function library. */
export function explainGraph(graph: Graph, names: readonly string[]): { nodes: OpAnatomy[]; missing: string[] } {
  const anatomy = new NameAnatomy(graph);
  if (names.length === 0) return { nodes: Array.from({ length: graph.nodeCount }, (_, i) => anatomy.explain(i)), missing: [] };
  const nodes: OpAnatomy[] = [];
  const missing: string[] = [];
  for (const name of names) {
    const i = graph.indexOf(name);
    if (i < 0) missing.push(name);
    else nodes.push(anatomy.explain(i));
  }
  return { nodes, missing };
}

export function explainText(nodes: readonly OpAnatomy[]): string {
  const lines: string[] = [];
  for (const n of nodes) {
    lines.push(`${n.name} (${n.op})`);
    n.segments.forEach((s, k) => lines.push(`  ${s.kind.padEnd(11)} ${n.sentences[k] ?? ''}`));
    lines.push(`  ${`leaf ${n.leaf.kind}`.padEnd(11)} ${n.sentences[n.segments.length] ?? ''}`);
    for (const r of n.reads) lines.push(`  ${'reads'.padEnd(11)} \`${r.variable}\`, whose home is \`${r.home === '' ? '(root)' : r.home}\``);
  }
  return lines.join('\n');
}

/** Loads, explains and prints; a missing op name is an error (exit status 1) after the others print. */
export async function runExplain(file: string, names: readonly string[], opts: ExplainOptions): Promise<void> {
  const picked = await pickGraph(file, opts.graph, remoteOptions(opts));
  if (picked.error !== null) {
    process.stderr.write(`scopeview: ${picked.error}\n`);
    process.exitCode = 1;
    return;
  }
  const { nodes, missing } = explainGraph(picked.graph.graph, names);
  process.stdout.write(`${opts.json ? JSON.stringify({ nodes }) : explainText(nodes)}\n`);
  if (missing.length > 0) {
    process.stderr.write(`scopeview: ${file}: no op named ${missing.map((m) => `'${m}'`).join(', ')}\n`);
    process.exitCode = 1;
  }
}
