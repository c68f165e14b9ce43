// Structural templates: scopes with the same structure get the same template id (one colour under
// "colour by structure"). A scope's structure is hashed bottom-up from its children's labels (op
// type, series op and size, or the child scope's own hash) and the metaedges between them, so the
// whole hierarchy is hashed in one pass; TensorBoard's pairwise isomorphism checks gave up at 10^5.
import { H_OP, H_SCOPE, H_SERIES, type Hierarchy } from './hierarchy';

function mix(h: number, v: number): number {
  h = Math.imul(h ^ v, 0x01000193);
  return (h ^ (h >>> 13)) >>> 0;
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export interface Templates {
  /** Template id per hierarchy node: the name of the group's first scope (by name), or null for ops, series and the root. */
  readonly of: (h: number) => string | null;
  /** Number of scopes sharing each template id. */
  readonly sizes: ReadonlyMap<string, number>;
  /** Two 32-bit structure hashes per hierarchy node (labels for ops and series too). */
  readonly hash: Uint32Array;
}

export function computeTemplates(hier: Hierarchy): Templates {
  const n = hier.count;
  const hash = new Uint32Array(2 * n);
  const opHash = new Map<string, number>();
  const labelOf = (s: string | null): number => {
    const k = s ?? '';
    let v = opHash.get(k);
    if (v === undefined) {
      v = hashString(k);
      opHash.set(k, v);
    }
    return v;
  };
  // Children before parents: reverse DFS preorder (hier.preOrder). Sort buffers are typed arrays:
  // their native numeric sort beats Array#sort with a comparator on 10^5 scopes.
  const order = hier.preOrder;
  const me = hier.metaedges;
  let kids = new Uint32Array(64);
  let edgeKeys = new Uint32Array(64);
  for (let i = n - 1; i >= 0; i--) {
    const h = order[i] as number;
    const k = hier.kind[h];
    if (k === H_OP) {
      hash[2 * h] = labelOf(hier.op(h));
      hash[2 * h + 1] = 1;
      continue;
    }
    const cStart = hier.childStart[h] as number;
    const cEnd = hier.childStart[h + 1] as number;
    const childCount = cEnd - cStart;
    if (k === H_SERIES) {
      hash[2 * h] = mix(labelOf(hier.op(h)), 0x5e71e5);
      hash[2 * h + 1] = mix(childCount, 0x5e71e5);
      continue;
    }
    if (childCount > kids.length) kids = new Uint32Array(2 * childCount);
    for (let c = cStart; c < cEnd; c++) kids[c - cStart] = hash[2 * (hier.childList[c] as number)] as number;
    const sortedKids = kids.subarray(0, childCount).sort();
    let h1 = mix(0x9e3779b9, childCount);
    let h2 = mix(0x85ebca6b, childCount);
    for (let j = 0; j < childCount; j++) {
      const x = sortedKids[j] as number;
      h1 = mix(h1, x);
      h2 = mix(h2, x ^ 0x27d4eb2d);
    }
    const mStart = me.byLcaStart[h] as number;
    const mCount = (me.byLcaStart[h + 1] as number) - mStart;
    if (mCount > edgeKeys.length) edgeKeys = new Uint32Array(2 * mCount);
    for (let j = 0; j < mCount; j++) {
      const m = me.byLca[mStart + j] as number;
      const a = hash[2 * (me.src[m] as number)] as number;
      const b = hash[2 * (me.dst[m] as number)] as number;
      const kinds = ((me.data[m] as number) > 0 ? 1 : 0) | ((me.control[m] as number) > 0 ? 2 : 0) | ((me.ref[m] as number) > 0 ? 4 : 0);
      edgeKeys[j] = mix(mix(a, b ^ 0x68e31da4), kinds);
    }
    const sortedEdges = edgeKeys.subarray(0, mCount).sort();
    for (let j = 0; j < mCount; j++) {
      const x = sortedEdges[j] as number;
      h1 = mix(h1, x);
      h2 = mix(h2, x ^ 0x165667b1);
    }
    hash[2 * h] = h1;
    hash[2 * h + 1] = mix(h2, hier.size[h] as number);
  }
  // Group scopes by their two hashes (numbers, no key strings): a map on the first hash, then a
  // chain of groups sharing it. A group's id is its first member by name.
  const groupOf = new Int32Array(n).fill(-1);
  const byHash1 = new Map<number, number>();
  const groupHash2: number[] = [];
  const groupNext: number[] = [];
  const groupRep: number[] = [];
  const groupCount: number[] = [];
  for (let h = 1; h < n; h++) {
    if (hier.kind[h] !== H_SCOPE) continue;
    const h1 = hash[2 * h] as number;
    const h2 = hash[2 * h + 1] as number;
    const head = byHash1.get(h1) ?? -1;
    let g = head;
    while (g >= 0 && groupHash2[g] !== h2) g = groupNext[g] as number;
    if (g < 0) {
      g = groupRep.length;
      groupHash2.push(h2);
      groupNext.push(head);
      groupRep.push(h);
      groupCount.push(0);
      byHash1.set(h1, g);
    } else if (hier.name(h) < hier.name(groupRep[g] as number)) groupRep[g] = h;
    groupOf[h] = g;
    groupCount[g] = (groupCount[g] as number) + 1;
  }
  const groupId = groupRep.map((h) => hier.name(h));
  // Groups are numbered in order of their first scope, so sizes keeps that insertion order.
  const sizes = new Map<string, number>();
  groupId.forEach((id, g) => sizes.set(id, (sizes.get(id) ?? 0) + (groupCount[g] as number)));
  return {
    hash,
    sizes,
    of: (h) => {
      const g = h > 0 && hier.kind[h] === H_SCOPE ? (groupOf[h] as number) : -1;
      return g >= 0 ? (groupId[g] as string) : null;
    },
  };
}
