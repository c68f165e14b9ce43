// The inspector's "Name" section (DESIGN.md §4, "Name anatomy"): the segments of a node's name,
// each with its kind, its sentence and the scope to select; the leaf; and the variables the op
// reads, each with its home and the flags of its Scopes panel entry. Built in the session worker
// beside the rest of the node's details, from the graph's NameAnatomy and variable report.
import type { NameAnatomy } from '../scope/anatomy/name-anatomy';
import type { SegmentKind } from '../scope/anatomy/segment-kinds';
import type { VariableReport } from '../scope/variables/variables';

export interface NameSegment {
  readonly name: string;
  readonly kind: SegmentKind;
  readonly reentryOf: string | null;
  readonly sentence: string;
  /** The scope this segment closes (`a/b` for the second segment of `a/b/op`): selectable. */
  readonly scope: string;
}

export interface NameRead {
  readonly variable: string;
  readonly home: string;
  /** The flags of the variable's Scopes entry, in words: `outside its readers' scope`, `shared (reuse)`, `captured`, `twin of …`. */
  readonly flags: readonly string[];
}

export interface NameSection {
  readonly segments: readonly NameSegment[];
  /** The op's own name part; null for a scope. */
  readonly leaf: { readonly name: string; readonly kind: 'variable' | 'op'; readonly uniquifiedFrom: string | null; readonly sentence: string } | null;
  readonly reads: readonly NameRead[];
}

/** The words the Scopes panel uses for a variable's flags. */
export function variableFlags(v: VariableReport | undefined): string[] {
  if (!v) return [];
  const flags: string[] = [];
  if (v.captured) flags.push('captured');
  if (v.outsideReaderScopes) flags.push('outside its readers’ scope');
  if (v.shared) flags.push('shared (reuse)');
  if (v.twins.length > 0) flags.push(`twin of ${v.twins.join(', ')}`);
  return flags;
}

function segmentsOf(parts: readonly { name: string; kind: SegmentKind; reentryOf: string | null }[], sentences: readonly string[]): NameSegment[] {
  let scope = '';
  return parts.map((s, k) => {
    scope = scope ? `${scope}/${s.name}` : s.name;
    return { ...s, sentence: sentences[k] ?? '', scope };
  });
}

/** The section of graph op `node`. */
export function opNameSection(anatomy: NameAnatomy, node: number, variables: ReadonlyMap<string, VariableReport>): NameSection {
  const a = anatomy.explain(node);
  return {
    segments: segmentsOf(a.segments, a.sentences),
    leaf: { ...a.leaf, sentence: a.sentences[a.segments.length] ?? '' },
    reads: a.reads.map((r) => ({ ...r, flags: variableFlags(variables.get(r.variable)) })),
  };
}

/** The section of a scope box: the anatomy of its path. */
export function scopeNameSection(anatomy: NameAnatomy, path: string): NameSection {
  const a = anatomy.path(path);
  return { segments: segmentsOf(a.segments, a.sentences), leaf: null, reads: [] };
}
