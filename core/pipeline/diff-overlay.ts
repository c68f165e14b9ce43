// What compare mode adds to a pane's scenes: each visible box's diff status (a node's own, or
// what its subtree holds) and the badge of collapsed scopes (+added −removed ~changed), from one
// side's per-node statuses rolled up the scope hierarchy. Also the counterpart of a node or scope
// on the other side, for synchronised expansion and focus.
import { STATUS_ADDED, STATUS_REMOVED, STATUS_SAME } from '../diff/classify';
import type { StatusCounts } from '../diff/rollup';
import type { Graph } from '../graph/graph';
import { H_OP, H_SCOPE, type Hierarchy } from '../scope/hierarchy';
import { SHAPE_SCOPE, SHAPE_SERIES, type Scene } from './scene';

/** Scene diff code beyond DIFF_STATUSES: a scope (or an op with embedded nodes) holding a mix of changes. */
export const DIFF_MIXED = 6;

/** One side of a diff as a pane needs it. */
export interface DiffOverlay {
  readonly side: 'a' | 'b';
  /** DIFF_STATUSES index per node of this side's graph. */
  readonly status: Uint8Array;
  /** Each node's counterpart on the other side, or -1. */
  readonly match: Int32Array;
  /** The other side's counts per scope name (added nodes live there for side A, removed for side B). */
  readonly other: ReadonlyMap<string, StatusCounts>;
}

const WIDTH = 6;

/**
 * Status counts per hierarchy node (6 per node, DIFF_STATUSES order). A node embedded into others
 * (Const inputs, summaries) counts in each host, where the canvas draws it, and once in every
 * scope holding any of its hosts: +1 per host and −1 at the lowest common ancestor of hosts that
 * follow each other in preorder, so the subtree sums count each node once per scope.
 */
export function hierarchyCounts(h: Hierarchy, status: Uint8Array): Int32Array {
  const counts = new Int32Array(h.count * WIDTH);
  const g = h.graph;
  const add = (x: number, k: number, v: number): void => {
    counts[x * WIDTH + k] = (counts[x * WIDTH + k] as number) + v;
  };
  const hosts: number[] = [];
  for (let i = 0; i < g.nodeCount; i++) {
    const k = status[i] as number;
    const x = h.hnodeOf[i] as number;
    if (x >= 0) {
      add(x, k, 1);
      continue;
    }
    hosts.length = 0;
    for (const host of h.hostsOf(i)) hosts.push(h.hnodeOf[host] as number);
    hosts.sort((a, b) => (h.pre[a] as number) - (h.pre[b] as number));
    for (let j = 0; j < hosts.length; j++) {
      add(hosts[j] as number, k, 1);
      if (j > 0) add(lowestCommonAncestor(h, hosts[j - 1] as number, hosts[j] as number), k, -1);
    }
  }
  // Children are numbered after their parents: a reverse preorder sweep completes each subtree first.
  for (let p = h.count - 1; p > 0; p--) {
    const x = h.preOrder[p] as number;
    const parent = h.parent[x] as number;
    if (parent < 0) continue;
    for (let k = 0; k < WIDTH; k++) counts[parent * WIDTH + k] = (counts[parent * WIDTH + k] as number) + (counts[x * WIDTH + k] as number);
  }
  return counts;
}

function lowestCommonAncestor(h: Hierarchy, a: number, b: number): number {
  let x = a;
  let y = b;
  while ((h.depth[x] as number) > (h.depth[y] as number)) x = h.parent[x] as number;
  while ((h.depth[y] as number) > (h.depth[x] as number)) y = h.parent[y] as number;
  while (x !== y) {
    x = h.parent[x] as number;
    y = h.parent[y] as number;
  }
  return x;
}

/** The diff code a box shows: an op's own status, or for a scope the status all of its subtree shares (else DIFF_MIXED). */
export function boxStatus(h: Hierarchy, counts: Int32Array, status: Uint8Array, x: number): number {
  let total = 0;
  for (let k = 0; k < WIDTH; k++) total += counts[x * WIDTH + k] as number;
  if (h.kind[x] === H_OP) {
    const own = status[h.opNode[x] as number] as number;
    return own === STATUS_SAME && (counts[x * WIDTH + STATUS_SAME] as number) < total ? DIFF_MIXED : own;
  }
  if (total === 0) return STATUS_SAME;
  for (let s = 0; s < WIDTH; s++) if (counts[x * WIDTH + s] === total) return s;
  return DIFF_MIXED;
}

/** "+3 −1 ~2" over the non-zero counts; '' when nothing changed. */
export function badgeText(added: number, removed: number, changed: number): string {
  const parts: string[] = [];
  if (added > 0) parts.push(`+${added}`);
  if (removed > 0) parts.push(`\u2212${removed}`);
  if (changed > 0) parts.push(`~${changed}`);
  return parts.join(' ');
}

/** The scene with each box's diff code and the badges of closed scopes and series. */
export function decorateScene(scene: Scene, h: Hierarchy, overlay: DiffOverlay, counts: Int32Array): Scene {
  const n = scene.nodeCount;
  const diff = new Uint8Array(n);
  const badges = new Array<string>(n).fill('');
  for (let i = 0; i < n; i++) {
    const x = scene.ids[i] as number;
    diff[i] = boxStatus(h, counts, overlay.status, x);
    const shape = scene.shapes[i];
    if (shape !== SHAPE_SCOPE && shape !== SHAPE_SERIES) continue;
    const at = x * WIDTH;
    const changed = (counts[at + 1] as number) + (counts[at + 2] as number) + (counts[at + 3] as number);
    // A scope of the same name on the other side contributes what only that side has.
    const other = h.kind[x] === H_SCOPE ? overlay.other.get(h.name(x)) : undefined;
    const added = overlay.side === 'b' ? (counts[at + STATUS_ADDED] as number) : (other?.added ?? 0);
    const removed = overlay.side === 'a' ? (counts[at + STATUS_REMOVED] as number) : (other?.removed ?? 0);
    badges[i] = badgeText(added, removed, changed);
  }
  return { ...scene, diff, badges };
}

/** Components after `scope/` in `name` (the node's depth below the scope). */
function depthBelow(name: string, scope: string): number {
  if (name.length === scope.length) return 0;
  let k = 1;
  for (let c = scope.length + 1; c < name.length; c++) if (name.charCodeAt(c) === 47) k++;
  return k;
}

/** `name` without its last `k` components ('' when it has no more than k). */
function dropLast(name: string, k: number): string {
  let end = name.length;
  for (let d = 0; d < k; d++) {
    const slash = name.lastIndexOf('/', end - 1);
    if (slash < 0) return '';
    end = slash;
  }
  return name.slice(0, end);
}

/**
 * Where a node or scope of this side is on the other: a node's match, or for a scope the scope that
 * most of its matched nodes sit at the same depth under (`scope_vars` → `scope_name` even when one
 * variable moved out to the top level). Null when nothing inside is matched.
 */
export function counterpart(h: Hierarchy, match: Int32Array, other: Graph, name: string): string | null {
  const g = h.graph;
  const x = h.find(name);
  if (x < 0 || h.kind[x] !== H_SCOPE) {
    const i = g.indexOf(name);
    const j = i >= 0 ? (match[i] as number) : -1;
    return j >= 0 ? other.name(j) : null;
  }
  const votes = new Map<string, number>();
  h.forEachOp(x, (i) => {
    const j = match[i] as number;
    if (j < 0) return;
    const scope = dropLast(other.name(j), depthBelow(g.name(i), name));
    if (scope !== '') votes.set(scope, (votes.get(scope) ?? 0) + 1);
  });
  let best: string | null = null;
  let most = 0;
  for (const [scope, n] of votes) {
    if (n > most) {
      best = scope;
      most = n;
    }
  }
  return best;
}
