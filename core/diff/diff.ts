// The public diff of two graphs: matching (match.ts), classification (classify.ts) and per-scope
// roll-up (rollup.ts) behind one call, plus the flat change list that `scopeview diff` prints.
// Results are typed arrays indexed by node, so a worker can transfer them to the UI thread.
import type { Graph } from '../graph/graph';
import { adjacency } from './adjacency';
import { classify, DIFF_STATUSES, STATUS_ADDED, STATUS_SAME, type DiffStatus } from './classify';
import { matchGraphs } from './match';
import { addCounts, countStatuses, rollupScopes, type StatusCounts } from './rollup';

export { DIFF_STATUSES, FIELD_DEVICE, FIELD_INPUT, FIELD_OP, type DiffStatus } from './classify';
export { PASS_NAMES, type MatchPass } from './matching';
export { COUNT_KEYS, type StatusCounts } from './rollup';

/**
 * `_output_shapes` is ignored by default: it is derived by shape inference (a real change shows at
 * its cause, a Placeholder's shape or a Const's value, and would otherwise be repeated on every
 * node downstream), and whether it is written at all depends on how the graph was exported.
 */
export const DEFAULT_IGNORED_ATTRS: readonly string[] = ['_output_shapes'];

export interface DiffOptions {
  /** Attribute keys left out of the comparison; default DEFAULT_IGNORED_ATTRS. */
  readonly ignoreAttrs?: readonly string[];
}

export interface DiffSide {
  /** Each node's counterpart on the other side, or -1 (added / removed). */
  readonly match: Int32Array;
  /** The pass that matched each node: an index into PASS_NAMES (0: unmatched). */
  readonly pass: Uint8Array;
  /** Each node's status: an index into DIFF_STATUSES. */
  readonly status: Uint8Array;
  /** Status counts per scope ('' = whole graph), see rollupScopes. */
  readonly rollup: ReadonlyMap<string, StatusCounts>;
}

export interface GraphDiff {
  readonly a: DiffSide;
  readonly b: DiffSide;
  /** same / attrChanged / moved / renamed count pairs; removed counts A nodes, added B nodes. */
  readonly summary: StatusCounts;
  /** Changed fields of each matched pair with at least one change, keyed by A index (see DiffChange.attrs). */
  readonly fields: ReadonlyMap<number, readonly string[]>;
}

export function diffGraphs(a: Graph, b: Graph, options: DiffOptions = {}): GraphDiff {
  const adjA = adjacency(a);
  const adjB = adjacency(b);
  const m = matchGraphs(a, adjA, b, adjB);
  const ignored = new Set(options.ignoreAttrs ?? DEFAULT_IGNORED_ATTRS);
  const c = classify({ graph: a, adj: adjA, match: m.a }, { graph: b, adj: adjB, match: m.b }, m, ignored);
  const added = countStatuses(c.statusB).added;
  return {
    a: { match: m.a, pass: m.passA, status: c.statusA, rollup: rollupScopes(a, c.statusA) },
    b: { match: m.b, pass: m.passB, status: c.statusB, rollup: rollupScopes(b, c.statusB) },
    summary: addCounts(countStatuses(c.statusA), { same: 0, attrChanged: 0, moved: 0, renamed: 0, added, removed: 0 }),
    fields: c.fields,
  };
}

export interface DiffChange {
  readonly status: Exclude<DiffStatus, 'same'>;
  /** Name in A, null for added nodes. */
  readonly a: string | null;
  /** Name in B, null for removed nodes. */
  readonly b: string | null;
  /** The op in B (in A for removed nodes); a changed op is listed as `(op)` in attrs. */
  readonly op: string;
  /** Changed attribute keys and `(op)`, `(device)`, `(input)` for those NodeDef fields, sorted. */
  readonly attrs: readonly string[];
}

/** Every node that is not `same`: A's nodes in A's order (changed pairs and removed), then added ones in B's order. */
export function listChanges(diff: GraphDiff, a: Graph, b: Graph): DiffChange[] {
  const out: DiffChange[] = [];
  const status = (code: number): Exclude<DiffStatus, 'same'> => DIFF_STATUSES[code] as Exclude<DiffStatus, 'same'>;
  for (let i = 0; i < a.nodeCount; i++) {
    const s = diff.a.status[i] as number;
    if (s === STATUS_SAME) continue;
    const j = diff.a.match[i] as number;
    out.push({ status: status(s), a: a.name(i), b: j < 0 ? null : b.name(j), op: j < 0 ? a.op(i) : b.op(j), attrs: diff.fields.get(i) ?? [] });
  }
  for (let j = 0; j < b.nodeCount; j++) {
    if (diff.b.status[j] === STATUS_ADDED) out.push({ status: 'added', a: null, b: b.name(j), op: b.op(j), attrs: [] });
  }
  return out;
}

/** The document `scopeview diff --json` prints and the app exports: the summary, then every change. */
export interface DiffDocument {
  readonly summary: StatusCounts;
  readonly changes: readonly DiffChange[];
}

/** The diff as its JSON document, keys in the documented order. */
export function diffDocument(diff: GraphDiff, a: Graph, b: Graph): DiffDocument {
  const s = diff.summary;
  return {
    summary: { same: s.same, attrChanged: s.attrChanged, moved: s.moved, renamed: s.renamed, added: s.added, removed: s.removed },
    changes: listChanges(diff, a, b).map((c) => ({ status: c.status, a: c.a, b: c.b, op: c.op, attrs: c.attrs })),
  };
}
