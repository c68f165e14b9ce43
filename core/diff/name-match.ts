// Matching passes 1 and 2, on names alone. Pass 1 pairs equal names. Pass 2 finds a node under
// another scope prefix (`scope_vars/b` → `b`, `scope_vars/a/read` → `scope_name/a/read`) or with
// other uniquifier suffixes (`layer_1/MatMul` → `layer/MatMul`), by the trailing path components
// it keeps; see matchMovedNames for the exact rule.
import type { Graph } from '../graph/graph';
import { keyOwners, uniquePairs, PASS_NAME, PASS_SCOPE, type Matching } from './matching';

/**
 * Pass 1: equal names. Names are unique in a valid graph; in a broken one that repeats a name, the
 * k-th node of that name in A pairs with the k-th in B, which keeps the pass symmetric.
 */
export function matchExactNames(a: Graph, b: Graph, m: Matching): void {
  // First occurrences in a plain map; repeats (rare) in a second one, to keep the common case lean.
  const first = new Map<string, number>();
  const repeats = new Map<string, number[]>();
  for (let j = 0; j < b.nodeCount; j++) {
    const name = b.name(j);
    const list = repeats.get(name);
    if (!first.has(name)) first.set(name, j);
    else if (list) list.push(j);
    else repeats.set(name, [j]);
  }
  const seen = new Map<string, number>();
  for (let i = 0; i < a.nodeCount; i++) {
    const name = a.name(i);
    const j = first.get(name);
    if (j === undefined) continue;
    if (m.b[j] === -1) {
      m.link(i, j, PASS_NAME);
      continue;
    }
    const k = seen.get(name) ?? 0;
    seen.set(name, k + 1);
    const next = repeats.get(name)?.[k];
    if (next !== undefined) m.link(i, next, PASS_NAME);
  }
}

/** `layer_1` → `layer`, `Adam_1_2` → `Adam`; `_1` alone stays (nothing would be left). */
const UNIQUIFIED = /^(.+?)(?:_\d+)+$/;
const HAS_UNIQUIFIER = /_\d/;

export function stripUniquifiers(name: string): string {
  if (!HAS_UNIQUIFIER.test(name)) return name;
  return name
    .split('/')
    .map((c) => UNIQUIFIED.exec(c)?.[1] ?? c)
    .join('/');
}

/** Names of the unmatched nodes and their uniquifier-free forms, with the offsets of their path components. */
class PathSuffixes {
  /** Depth (component count) per node; 0 for nodes not covered (matched before this pass). */
  readonly depth: Int32Array;
  readonly maxDepth: number = 0;
  /** Whether any name changes under stripUniquifiers (else the stripped rounds repeat the raw ones). */
  readonly anyUniquified: boolean = false;
  private readonly names = new Map<number, string>();
  private readonly stripped = new Map<number, string>();
  /** Node i's component starts are at offset[i] .. offset[i] + depth[i] of starts / strippedStarts. */
  private readonly offset: Int32Array;
  private readonly starts: Int32Array;
  private readonly strippedStarts: Int32Array;

  constructor(g: Graph, nodes: readonly number[]) {
    this.depth = new Int32Array(g.nodeCount);
    this.offset = new Int32Array(g.nodeCount);
    let total = 0;
    for (const i of nodes) {
      const name = g.name(i);
      let d = 1;
      for (let p = name.indexOf('/'); p >= 0; p = name.indexOf('/', p + 1)) d++;
      const stripped = stripUniquifiers(name);
      this.names.set(i, name);
      this.stripped.set(i, stripped);
      this.anyUniquified ||= stripped !== name;
      this.depth[i] = d;
      this.offset[i] = total;
      total += d;
      if (d > this.maxDepth) this.maxDepth = d;
    }
    this.starts = new Int32Array(total);
    this.strippedStarts = new Int32Array(total);
    for (const i of nodes) {
      componentStarts(this.names.get(i) as string, this.starts, this.offset[i] as number);
      componentStarts(this.stripped.get(i) as string, this.strippedStarts, this.offset[i] as number);
    }
  }

  /** The last k components of node i's name (k ≤ depth), raw or without uniquifiers. */
  suffix(i: number, k: number, stripped: boolean): string {
    const at = (this.offset[i] as number) + (this.depth[i] as number) - k;
    return stripped ? (this.stripped.get(i) as string).slice(this.strippedStarts[at]) : (this.names.get(i) as string).slice(this.starts[at]);
  }
}

function componentStarts(name: string, out: Int32Array, at: number): void {
  out[at] = 0;
  let k = at + 1;
  for (let p = name.indexOf('/'); p >= 0; p = name.indexOf('/', p + 1)) out[k++] = p + 1;
}

/** Nodes grouped by depth (index = depth). */
function byDepth(paths: PathSuffixes, nodes: readonly number[]): number[][] {
  const groups: number[][] = Array.from({ length: paths.maxDepth + 1 }, () => []);
  for (const i of nodes) (groups[paths.depth[i] as number] as number[]).push(i);
  return groups;
}

/**
 * Pass 2: a node keeps its trailing path components while its scope prefix changes (moves) or its
 * components change uniquifier suffixes. The key of a node at level k is its op plus its last k
 * name components; a node takes part at levels 1 .. its depth. Levels run from the deepest down,
 * so the longest shared suffix decides: `scope_vars/a/read` and `scope_name/a/read` pair at level
 * 2 on `a/read` before level 1 would find `read` ambiguous. At each level the raw suffixes go
 * first, then the same suffixes with `_N` stripped from every component (`layer_1` → `layer`).
 * A pair forms only when its key is held by exactly one unmatched node on each side, and only
 * between nodes of the same op: a leaf name alone is weak evidence, and a node that changed both
 * place and op reads better as removed + added. Unique-on-both-sides keys make the pass
 * independent of node order and symmetric in A and B.
 */
export function matchMovedNames(a: Graph, b: Graph, m: Matching): void {
  const unmatchedA = m.unmatched('a');
  const unmatchedB = m.unmatched('b');
  const pa = new PathSuffixes(a, unmatchedA);
  const pb = new PathSuffixes(b, unmatchedB);
  const depthA = byDepth(pa, unmatchedA);
  const depthB = byDepth(pb, unmatchedB);
  const top = Math.min(pa.maxDepth, pb.maxDepth);
  let activeA = depthA.slice(top + 1).flat();
  let activeB = depthB.slice(top + 1).flat();
  const variants = pa.anyUniquified || pb.anyUniquified ? [false, true] : [false];
  for (let k = top; k >= 1; k--) {
    for (const i of depthA[k] as number[]) activeA.push(i);
    for (const j of depthB[k] as number[]) activeB.push(j);
    for (const stripped of variants) {
      activeA = activeA.filter((i) => m.a[i] === -1);
      activeB = activeB.filter((j) => m.b[j] === -1);
      if (activeA.length === 0 || activeB.length === 0) break;
      const ownersA = keyOwners(activeA, (i) => `${a.op(i)}\u0000${pa.suffix(i, k, stripped)}`);
      const ownersB = keyOwners(activeB, (j) => `${b.op(j)}\u0000${pb.suffix(j, k, stripped)}`);
      for (const [i, j] of uniquePairs(ownersA, ownersB)) m.link(i, j, PASS_SCOPE);
    }
  }
}
