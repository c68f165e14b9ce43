// Series grouping, as TensorBoard does it: within one scope, op siblings of the same op type whose
// leaf names match ^(\D*)(\d+)$ form a series when at least `minSize` of them carry consecutive
// numbers (`add_1` … `add_5` → `add_[1-5]`; `add` itself stays outside). Scopes are never grouped.
// The leaf pattern is checked by hand and members are kept in flat arrays: at 10^6 nodes a regex
// match and an object per numbered op were most of this pass.
import { groupByKey } from '../graph/csr';
import type { Graph } from '../graph/graph';
import { H_OP } from './hierarchy';
import { PairTable } from './pair-table';

/** The hierarchy built so far: hierarchy nodes 0 .. count-1. */
export interface HierarchyDraft {
  readonly kind: ArrayLike<number>;
  readonly parent: ArrayLike<number>;
  readonly names: readonly string[];
  readonly opNode: ArrayLike<number>;
  readonly count: number;
}

/** A series to add under `scope`: its name (`scope/prefix[first-last]`), op type and member op nodes. */
export interface SeriesRun {
  readonly scope: number;
  readonly op: string;
  readonly name: string;
  readonly members: readonly number[];
}

/** Longest run of digits TensorBoard's pattern is applied to (beyond it numbers lose precision). */
const MAX_DIGITS = 15;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The series to form, in the order TensorBoard forms them (graph nodes marked `excluded` join none); the draft is not changed. */
export function groupSeries(t: HierarchyDraft, graph: Graph, minSize: number, excluded?: Uint8Array): SeriesRun[] {
  const out: SeriesRun[] = [];
  const kinds = new Map<string, Map<string, number>>();
  let kindCount = 0;
  const groupIds = new PairTable();
  const groupScope: number[] = [];
  const groupOp: string[] = [];
  const groupPrefix: string[] = [];
  const groupSize: number[] = [];
  /** Per candidate member: its group, number and hierarchy node. */
  const memberGroup: number[] = [];
  const memberId: number[] = [];
  const memberH: number[] = [];
  const count = t.count;
  for (let h = 0; h < count; h++) {
    if (t.kind[h] !== H_OP || excluded?.[t.opNode[h] as number]) continue;
    const name = t.names[h] as string;
    const end = name.length;
    if (!isDigit(name.charCodeAt(end - 1))) continue;
    // ^(\D*)(\d+)$ on the leaf: a trailing run of digits, and no digit before it in the leaf.
    let d = end - 1;
    while (d >= 0 && isDigit(name.charCodeAt(d))) d--;
    if (end - 1 - d > MAX_DIGITS) continue;
    const leafStart = name.lastIndexOf('/', d) + 1;
    let k = d;
    while (k >= leafStart && !isDigit(name.charCodeAt(k))) k--;
    if (k >= leafStart) continue;
    let id = 0;
    for (let j = d + 1; j < end; j++) id = id * 10 + (name.charCodeAt(j) - 48);
    const scope = t.parent[h] as number;
    const op = graph.op(t.opNode[h] as number);
    const prefix = name.slice(leafStart, d + 1);
    // Group key (scope, op, prefix): (op, prefix) pairs are few, so they get small ids from nested
    // maps (no key string per op node) and the pair table adds the scope.
    let byPrefix = kinds.get(op);
    if (!byPrefix) {
      byPrefix = new Map();
      kinds.set(op, byPrefix);
    }
    let kindId = byPrefix.get(prefix);
    if (kindId === undefined) {
      kindId = kindCount++;
      byPrefix.set(prefix, kindId);
    }
    let g = groupIds.get(scope, kindId);
    if (g < 0) {
      g = groupScope.length;
      groupIds.set(scope, kindId, g);
      groupScope.push(scope);
      groupOp.push(op);
      groupPrefix.push(prefix);
      groupSize.push(0);
    }
    groupSize[g] = (groupSize[g] as number) + 1;
    memberGroup.push(g);
    memberId.push(id);
    memberH.push(h);
  }
  const byGroup = groupByKey(memberGroup, groupScope.length);
  const run: number[] = [];
  for (let g = 0; g < groupScope.length; g++) {
    if ((groupSize[g] as number) < minSize) continue;
    const members = Array.from(byGroup.items.subarray(byGroup.start[g] as number, byGroup.start[g + 1] as number));
    members.sort((a, b) => (memberId[a] as number) - (memberId[b] as number) || (memberH[a] as number) - (memberH[b] as number));
    run.length = 0;
    const flush = (): void => {
      if (run.length >= minSize) {
        const scope = groupScope[g] as number;
        const scopeName = t.names[scope] as string;
        const name = `${scopeName ? `${scopeName}/` : ''}${groupPrefix[g] as string}[${memberId[run[0] as number] as number}-${memberId[run[run.length - 1] as number] as number}]`;
        out.push({ scope, op: groupOp[g] as string, name, members: run.map((m) => memberH[m] as number) });
      }
      run.length = 0;
    };
    for (const m of members) {
      const prev = run.length ? (memberId[run[run.length - 1] as number] as number) : -1;
      const id = memberId[m] as number;
      if (run.length && id === prev) continue; // `x_1` and `x_01`: the first one joins
      if (run.length && id !== prev + 1) flush();
      run.push(m);
    }
    flush();
  }
  return out;
}
