// Builds the scope hierarchy of a graph with TensorBoard's rules (DESIGN.md section 4): a scope for
// every `/`-prefix, strict names (`a` beside `a/...` becomes `a/(a)`), embedding, series grouping,
// and metaedges lifted to lowest common ancestors. Optionally merges re-entry siblings
// (`dense` + `dense_1`) into one scope.
import type { Graph } from '../graph/graph';
import { computeEmbedding, firstHosts, isEmbedded, routeEdges, scopelessOps } from './embedding';
import { Hierarchy, H_OP, H_SCOPE, H_SERIES } from './hierarchy';
import { buildMetaedges } from './metaedges';
import { groupSeries } from './series';
import { discoverScopes, ROOT_ENTRY } from './scope-paths';
import { splitUniquifier } from './uniquified-names';

export interface HierarchyOptions {
  /** Embed Consts into their consumers and summaries into their inputs (default true). */
  readonly embedding?: boolean;
  /** Group numbered siblings into series (default true). */
  readonly seriesGrouping?: boolean;
  /** Minimum consecutive run for a series (default 5, as TensorBoard). */
  readonly seriesMinSize?: number;
  /** Merge `x_1`, `x_2`, ... scopes into their sibling scope `x` (default false). */
  readonly mergeReentrySiblings?: boolean;
}

const decoder = new TextDecoder();

function leafOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function buildHierarchy(graph: Graph, options: HierarchyOptions = {}): Hierarchy {
  const n = graph.nodeCount;
  const edges = graph.edges;
  const embedding = computeEmbedding(graph, edges, options.embedding !== false);
  // Embedded ops never create scopes, and neither do the embedding ops nothing hosts (kept as ops).
  const scopeless = scopelessOps(embedding.role);
  const paths = discoverScopes(graph, scopeless);
  const { table, entryParent } = paths;
  const bytes = graph.columns.bytes;
  const nameSpan = graph.columns.nameSpan;
  const entryName = (entry: number): string => {
    const start = table.starts[entry] as number;
    const end = table.ends[entry] as number;
    // The entry is a prefix of its value node's name: an ASCII name (as many UTF-16 units as
    // bytes) is sliced, which is several times cheaper than decoding 10^5 scope paths.
    const node = table.values[entry] as number;
    const full = graph.name(node);
    if (full.length === (nameSpan[2 * node + 1] as number) - (nameSpan[2 * node] as number)) return full.slice(0, end - start);
    return decoder.decode(bytes.subarray(start, end));
  };

  // Typed columns sized for every scope and op up front (series are appended once counted):
  // growing JS arrays of 10^6 entries by push left ~100 MB of discarded backing stores to collect.
  let cap = 1 + table.count + n;
  let kind = new Uint8Array(cap);
  let parent = new Int32Array(cap);
  let opNode = new Int32Array(cap);
  const names: string[] = [''];
  let count = 1;
  kind[0] = H_SCOPE;
  parent[0] = -1;
  opNode[0] = -1;
  const hnodeOf = new Int32Array(n).fill(-1);
  const entryScope = new Int32Array(table.count).fill(-1);
  const byCanonical = new Map<string, number>();

  /** Canonical path of a scope when merging re-entry siblings: `a/dense_1/b` → `a/dense/b` if `a/dense` exists. */
  const canonical = (raw: string, parentScope: number): string => {
    const leaf = leafOf(raw);
    const split = options.mergeReentrySiblings ? splitUniquifier(leaf) : null;
    let canonLeaf = leaf;
    if (split) {
      const rawParent = raw.slice(0, Math.max(0, raw.lastIndexOf('/')));
      const base = new TextEncoder().encode(`${rawParent ? `${rawParent}/` : ''}${split.base}`);
      if (table.find(base, 0, base.length) >= 0) canonLeaf = split.base;
    }
    return parentScope === 0 ? canonLeaf : `${names[parentScope]}/${canonLeaf}`;
  };

  const ensureScope = (entry: number): number => {
    if (entry === ROOT_ENTRY) return 0;
    const known = entryScope[entry] as number;
    if (known >= 0) return known;
    const p = ensureScope(entryParent[entry] as number);
    const raw = entryName(entry);
    const path = options.mergeReentrySiblings ? canonical(raw, p) : raw;
    let id = options.mergeReentrySiblings ? (byCanonical.get(path) ?? -1) : -1;
    if (id < 0) {
      id = count++;
      kind[id] = H_SCOPE;
      parent[id] = p;
      names.push(path);
      opNode[id] = -1;
      if (options.mergeReentrySiblings) byCanonical.set(path, id);
    }
    entryScope[entry] = id;
    return id;
  };

  for (let i = 0; i < n; i++) {
    if (isEmbedded(embedding, i)) continue;
    const raw = graph.name(i);
    // Strict names: an op whose name is also a scope moves inside it as `a/(a)`.
    const self = paths.selfEntry[i] as number;
    const p = ensureScope(self >= 0 ? self : (paths.parentEntry[i] as number));
    // Ops keep their own (strict) names even when their scope was merged into a sibling.
    const h = count++;
    hnodeOf[i] = h;
    kind[h] = H_OP;
    parent[h] = p;
    names.push(self >= 0 ? `${raw}/(${leafOf(raw)})` : raw);
    opNode[h] = i;
  }

  const seriesOp = new Map<number, string>();
  // TensorBoard has no node for an embedding op nothing hosts: it joins no series.
  const series = options.seriesGrouping !== false ? groupSeries({ kind, parent, names, opNode, count }, graph, options.seriesMinSize ?? 5, scopeless) : [];
  if (count + series.length > cap) {
    cap = count + series.length;
    kind = grown(kind, new Uint8Array(cap));
    parent = grown(parent, new Int32Array(cap));
    opNode = grown(opNode, new Int32Array(cap));
  }
  for (const run of series) {
    const id = count++;
    kind[id] = H_SERIES;
    parent[id] = run.scope;
    names.push(run.name);
    opNode[id] = -1;
    seriesOp.set(id, run.op);
    for (const m of run.members) parent[m] = id;
  }
  const cols = {
    kind: kind.length === count ? kind : kind.slice(0, count),
    parent: parent.length === count ? parent : parent.slice(0, count),
    names,
    opNode: opNode.length === count ? opNode : opNode.slice(0, count),
    hnodeOf,
    embeddedIn: firstHosts(embedding),
    embedding,
    routed: routeEdges(edges, embedding),
    seriesOp,
  };
  const metaedges = buildMetaedges(cols);
  return new Hierarchy(graph, cols, metaedges);
}

function grown<T extends Uint8Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

export { H_OP, H_SCOPE, H_SERIES };
