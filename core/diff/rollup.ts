// Status counts per scope on one side of a diff, for badges on collapsed scopes (+a −r ~c) and
// the summary. Scopes come from core/scope's byte-level discovery, so no string is made per prefix,
// and are the hierarchy's: embedded ops (`Mul_22/y`) make none.
import type { Graph } from '../graph/graph';
import { embeddingRoles, scopelessOps } from '../scope/embedding';
import { discoverScopes, ROOT_ENTRY } from '../scope/scope-paths';
import { DIFF_STATUSES } from './classify';

/** Keys in the order of the `summary` of `scopeview diff --json`, aligned with DIFF_STATUSES. */
export const COUNT_KEYS = ['same', 'attrChanged', 'moved', 'renamed', 'added', 'removed'] as const;
export type StatusCounts = { readonly [K in (typeof COUNT_KEYS)[number]]: number };

const WIDTH = DIFF_STATUSES.length;

function countsAt(table: Int32Array | readonly number[], at: number): StatusCounts {
  const [same, attrChanged, moved, renamed, added, removed] = COUNT_KEYS.map((_, k) => table[at + k] ?? 0) as [number, number, number, number, number, number];
  return { same, attrChanged, moved, renamed, added, removed };
}

/** How many nodes have each status. */
export function countStatuses(status: Uint8Array): StatusCounts {
  const n = new Array<number>(WIDTH).fill(0);
  for (const s of status) n[s] = (n[s] as number) + 1;
  return countsAt(n, 0);
}

/** Sum of two count records (the summary takes matched and removed from A, added from B). */
export function addCounts(p: StatusCounts, q: StatusCounts): StatusCounts {
  return countsAt(COUNT_KEYS.map((k) => p[k] + q[k]), 0);
}

const utf8 = new TextDecoder('utf-8');

function bump(counts: Int32Array, at: number): void {
  counts[at] = (counts[at] as number) + 1;
}

/**
 * Counts per scope: '' (the whole graph) and every scope of the hierarchy (a '/'-prefix of an op
 * that is not embedded), each counting the nodes below it; an embedded op counts in the nearest
 * scope on its path. A node whose name is itself a scope (`a` beside `a/b`) counts inside that
 * scope, where TensorBoard draws it as `a/(a)`.
 */
export function rollupScopes(g: Graph, status: Uint8Array): Map<string, StatusCounts> {
  const { table, entryParent, parentEntry, selfEntry } = discoverScopes(g, scopelessOps(embeddingRoles(g)));
  const counts = new Int32Array((table.count + 1) * WIDTH);
  const root = table.count * WIDTH;
  for (let i = 0; i < g.nodeCount; i++) {
    const s = status[i] as number;
    bump(counts, root + s);
    const self = selfEntry[i] as number;
    if (self >= 0) bump(counts, self * WIDTH + s);
    for (let e = parentEntry[i] as number; e !== ROOT_ENTRY; e = entryParent[e] as number) bump(counts, e * WIDTH + s);
  }
  const out = new Map<string, StatusCounts>([['', countsAt(counts, root)]]);
  const { bytes } = g.columns;
  for (let e = 0; e < table.count; e++) out.set(utf8.decode(bytes.subarray(table.starts[e], table.ends[e])), countsAt(counts, e * WIDTH));
  return out;
}
