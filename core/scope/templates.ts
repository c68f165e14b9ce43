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
  // Children before parents: reverse DFS preorder.
  const order = new Int32Array(n);
  for (let h = 0; h < n; h++) order[hier.pre[h] as number] = h;
  const me = hier.metaedges;
  const kids: number[] = [];
  const edgeKeys: number[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const h = order[i] as number;
    const k = hier.kind[h];
    if (k === H_OP) {
      hash[2 * h] = labelOf(hier.op(h));
      hash[2 * h + 1] = 1;
      continue;
    }
    const children = hier.children(h);
    if (k === H_SERIES) {
      hash[2 * h] = mix(labelOf(hier.op(h)), 0x5e71e5);
      hash[2 * h + 1] = mix(children.length, 0x5e71e5);
      continue;
    }
    kids.length = 0;
    for (const c of children) kids.push(hash[2 * c] as number);
    kids.sort((a, b) => a - b);
    let h1 = mix(0x9e3779b9, children.length);
    let h2 = mix(0x85ebca6b, children.length);
    for (const x of kids) {
      h1 = mix(h1, x);
      h2 = mix(h2, x ^ 0x27d4eb2d);
    }
    edgeKeys.length = 0;
    for (const m of hier.metaedgesOf(h)) {
      const a = hash[2 * (me.src[m] as number)] as number;
      const b = hash[2 * (me.dst[m] as number)] as number;
      const kinds = ((me.data[m] as number) > 0 ? 1 : 0) | ((me.control[m] as number) > 0 ? 2 : 0) | ((me.ref[m] as number) > 0 ? 4 : 0);
      edgeKeys.push(mix(mix(a, b ^ 0x68e31da4), kinds) >>> 0);
    }
    edgeKeys.sort((a, b) => a - b);
    for (const x of edgeKeys) {
      h1 = mix(h1, x);
      h2 = mix(h2, x ^ 0x165667b1);
    }
    hash[2 * h] = h1;
    hash[2 * h + 1] = mix(h2, hier.size[h] as number);
  }
  // Group scopes by hash; the group's id is its first member by name.
  const groups = new Map<string, number>();
  for (let h = 1; h < n; h++) {
    if (hier.kind[h] !== H_SCOPE) continue;
    const key = `${hash[2 * h]}:${hash[2 * h + 1]}`;
    const cur = groups.get(key);
    if (cur === undefined || hier.name(h) < hier.name(cur)) groups.set(key, h);
  }
  const sizes = new Map<string, number>();
  const idOf = new Map<string, string>();
  for (const [key, h] of groups) idOf.set(key, hier.name(h));
  for (let h = 1; h < n; h++) {
    if (hier.kind[h] !== H_SCOPE) continue;
    const id = idOf.get(`${hash[2 * h]}:${hash[2 * h + 1]}`) as string;
    sizes.set(id, (sizes.get(id) ?? 0) + 1);
  }
  return {
    hash,
    sizes,
    of: (h) => (h > 0 && hier.kind[h] === H_SCOPE ? (idOf.get(`${hash[2 * h]}:${hash[2 * h + 1]}`) ?? null) : null),
  };
}
