// Loads a path and picks one of its graphs by index for the per-graph subcommands (hierarchy,
// scopes, ...). Load errors and bad indices become a message for stderr and exit status 1.
import type { LoadedGraph } from '../core/io/load-result';
import { openPath } from './open-path';
import type { OpenRemoteOptions } from './open-remote';

export type Picked = { graph: LoadedGraph; error: null } | { graph: null; error: string };

export async function pickGraph(path: string, index: string | undefined, remote: OpenRemoteOptions = {}): Promise<Picked> {
  const result = await openPath(path, {}, remote);
  const i = index === undefined ? 0 : Number(index);
  if (!Number.isInteger(i) || i < 0) return { graph: null, error: `--graph must be a graph index (0, 1, …), got '${index}'` };
  const graph = result.graphs[i];
  if (graph) return { graph, error: null };
  if (result.error) {
    const at = result.error.offset !== null ? ` at byte ${result.error.offset}` : '';
    return { graph: null, error: `${result.error.file}: ${result.error.kind}${at}: ${result.error.message}` };
  }
  return { graph: null, error: `${path} holds ${result.graphs.length} graph(s); there is no graph ${i} (see \`scopeview inspect\`)` };
}

/** Runs `fn` on the picked graph, or reports the error and sets exit status 1. */
export async function withGraph(path: string, index: string | undefined, fn: (g: LoadedGraph) => string, remote: OpenRemoteOptions = {}): Promise<void> {
  const picked = await pickGraph(path, index, remote);
  if (picked.error !== null) {
    process.stderr.write(`scopeview: ${picked.error}\n`);
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`${fn(picked.graph)}\n`);
}
