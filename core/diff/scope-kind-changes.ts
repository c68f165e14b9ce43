// Scopes whose kind changed between two graphs (issue 24, DESIGN.md §4 "Name anatomy"): for every
// scope of A that holds variables, its counterpart in B is the scope where most of its direct ops
// went; the change is listed when the counterpart's kind differs or some of those ops went
// elsewhere ("`scope_vars` holds variables in A; `scope_name` holds only `a`, `c` in B; `b` moved
// to the root").
import type { Graph } from '../graph/graph';
import { NameAnatomy } from '../scope/anatomy/name-anatomy';
import type { SegmentKind } from '../scope/anatomy/segment-kinds';
import { VARIABLE_OPS } from '../scope/variables/variable-readers';
import { listed } from '../scope/variables/variable-reasons';
import type { GraphDiff } from './diff';

export interface ScopeKindChange {
  /** The scope in A, and its counterpart in B ('' for the root, null when none of its ops matched). */
  readonly a: string;
  readonly b: string | null;
  readonly kindA: SegmentKind | null;
  readonly kindB: SegmentKind | null;
  /** Direct ops of A's scope (leaf names) that B keeps in the counterpart, and those it moved, with where to. */
  readonly kept: readonly string[];
  readonly moved: readonly { readonly name: string; readonly to: string }[];
  readonly sentence: string;
}

const parentOf = (name: string): string => name.slice(0, Math.max(0, name.lastIndexOf('/')));
const leafOf = (name: string): string => name.slice(name.lastIndexOf('/') + 1);
const KIND_WORDS: Record<SegmentKind, string> = {
  variables: 'holds variables', ops: 'holds only ops', outer: 'is an outer name_scope', gradients: 'is a gradients scope', 'gradient-of': 'is part of a gradient', variable: 'holds a variable’s own ops',
};
const code = (s: string): string => `\`${s}\``;
const place = (scope: string): string => (scope === '' ? 'the root' : code(scope));

export function scopeKindChanges(diff: GraphDiff, a: Graph, b: Graph): ScopeKindChange[] {
  const homes = new Set<string>();
  for (let i = 0; i < a.nodeCount; i++) if (VARIABLE_OPS.has(a.op(i))) homes.add(parentOf(a.name(i)));
  homes.delete('');
  if (homes.size === 0) return [];
  const children = new Map<string, number[]>();
  for (let i = 0; i < a.nodeCount; i++) {
    const p = parentOf(a.name(i));
    if (homes.has(p)) children.set(p, [...(children.get(p) ?? []), i]);
  }
  const anatomyA = new NameAnatomy(a);
  const anatomyB = new NameAnatomy(b);
  const out: ScopeKindChange[] = [];
  for (const scope of [...homes].sort()) {
    const votes = new Map<string, number>();
    const went: { name: string; to: string }[] = [];
    for (const i of children.get(scope) ?? []) {
      const j = diff.a.match[i] as number;
      if (j < 0) continue;
      const to = parentOf(b.name(j));
      went.push({ name: leafOf(b.name(j)), to });
      votes.set(to, (votes.get(to) ?? 0) + 1);
    }
    let counterpart: string | null = null;
    for (const [s, n] of votes) if (counterpart === null || n > (votes.get(counterpart) as number)) counterpart = s;
    const kindA = anatomyA.scopeKind(scope)?.kind ?? null;
    const kindB = counterpart ? (anatomyB.scopeKind(counterpart)?.kind ?? null) : null;
    const kept = went.filter((w) => w.to === counterpart).map((w) => w.name);
    const moved = went.filter((w) => w.to !== counterpart);
    if (kindA === kindB && moved.length === 0) continue;
    const parts = [`${code(scope)} ${kindA ? KIND_WORDS[kindA] : 'holds variables'} in A`];
    if (counterpart === null) parts.push('none of its ops is in B');
    else if (kindA !== kindB) parts.push(`${place(counterpart)} ${kindB ? KIND_WORDS[kindB] : 'is the root'} in B`);
    else parts.push(`${place(counterpart)} holds only ${listed(kept)} in B`);
    const byPlace = new Map<string, string[]>();
    for (const m of moved) byPlace.set(m.to, [...(byPlace.get(m.to) ?? []), m.name]);
    for (const [to, names] of byPlace) parts.push(`${listed(names)} moved to ${place(to)}`);
    out.push({ a: scope, b: counterpart, kindA, kindB, kept, moved, sentence: parts.join('; ') });
  }
  return out;
}
