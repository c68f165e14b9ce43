// `scopeview diff A B`: the diff of core/diff as the JSON document of issue 7 (summary + every
// node that is not `same`) or a readable summary, and the command's action, which loads both
// graphs first so that a load error on either side prints nothing but the error.
import { scopeKindChanges } from '../core/diff/scope-kind-changes';
import { COUNT_KEYS, DIFF_STATUSES, diffDocument, diffGraphs, listChanges, type DiffChange, type GraphDiff, type StatusCounts } from '../core/diff/diff';
import type { LoadedGraph } from '../core/io/load-result';
import { pickGraph } from './pick-graph';
import { remoteOptions } from './remote-options';

/** "11 moved, 2 added" over the non-zero counts (`same` left out unless `withSame`). */
function countsText(c: StatusCounts, withSame: boolean): string {
  const parts = COUNT_KEYS.map((k, s) => [c[k], DIFF_STATUSES[s]] as const).filter(([n, label]) => n > 0 && (withSame || label !== 'same'));
  return parts.length ? parts.map(([n, label]) => `${n} ${label}`).join(', ') : 'no nodes';
}

function changeLine(c: DiffChange): string {
  const names = c.a !== null && c.b !== null && c.a !== c.b ? `${c.a} → ${c.b}` : (c.a ?? c.b ?? '');
  return `  ${names}  (${c.op}${c.attrs.length ? `; ${c.attrs.join(', ')}` : ''})`;
}

/** Top-level scopes of one side that hold changes, most changed first. */
function changedScopes(rollup: ReadonlyMap<string, StatusCounts>): string[] {
  const changed = (c: StatusCounts): number => c.attrChanged + c.moved + c.renamed + c.added + c.removed;
  return [...rollup]
    .filter(([scope, c]) => scope !== '' && !scope.includes('/') && changed(c) > 0)
    .sort(([p, c], [q, d]) => changed(d) - changed(c) || (p < q ? -1 : 1))
    .map(([scope, c]) => `  ${scope}: ${countsText(c, false)}`);
}

function limited(title: string, lines: readonly string[], maxLines: number): string[] {
  if (lines.length === 0) return [];
  const more = lines.length - maxLines;
  return [`${title} (${lines.length}):`, ...lines.slice(0, maxLines), ...(more > 0 ? [`  … ${more} more`] : [])];
}

export function diffText(diff: GraphDiff, a: LoadedGraph, b: LoadedGraph, maxLines = 30): string {
  const changes = listChanges(diff, a.graph, b.graph);
  const lines = [
    `A: ${a.file} (${a.graph.nodeCount} nodes)`,
    `B: ${b.file} (${b.graph.nodeCount} nodes)`,
    countsText(diff.summary, true),
  ];
  for (const status of DIFF_STATUSES.slice(1)) {
    lines.push(...limited(status, changes.filter((c) => c.status === status).map(changeLine), maxLines));
  }
  lines.push(...limited('changed top-level scopes in A', changedScopes(diff.a.rollup), maxLines));
  lines.push(...limited('changed top-level scopes in B', changedScopes(diff.b.rollup), maxLines));
  return lines.join('\n');
}

export interface DiffCommandOptions {
  graphA?: string;
  graphB?: string;
  json?: boolean;
  endpoint?: string;
}

/** Loads both graphs, prints the diff; exit status 1 only when a graph cannot be loaded or picked. */
export async function runDiff(pathA: string, pathB: string, opts: DiffCommandOptions): Promise<void> {
  const remote = remoteOptions(opts);
  const picked = await Promise.all([pickGraph(pathA, opts.graphA, remote), pickGraph(pathB, opts.graphB, remote)]);
  for (const p of picked) {
    if (p.error !== null) {
      process.stderr.write(`scopeview: ${p.error}\n`);
      process.exitCode = 1;
      return;
    }
  }
  const [a, b] = picked.map((p) => p.graph) as [LoadedGraph, LoadedGraph];
  const diff = diffGraphs(a.graph, b.graph);
  // `scopeKindChanges` is added after the existing fields, which keep their shape.
  const doc = () => ({ ...diffDocument(diff, a.graph, b.graph), scopeKindChanges: scopeKindChanges(diff, a.graph, b.graph) });
  process.stdout.write(opts.json ? `${JSON.stringify(doc())}\n` : `${diffText(diff, a, b)}\n`);
}
