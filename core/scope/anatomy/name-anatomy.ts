// The anatomy of every op name of a graph (DESIGN.md §4, "Name anatomy"): each segment's kind and
// re-entry, the leaf's kind and uniquifier, the variables the op reads, and a sentence for each
// part. Built on the variable analysis (variable-readers, scope-names, canonical scope paths);
// per-scope results are memoised, so explaining every op stays linear in the names' length.
import type { Graph } from '../../graph/graph';
import { CanonicalScopes } from '../variables/scope-instances';
import { ROOT_SCOPE, ScopeNames } from '../scope-names';
import { splitUniquifier } from '../uniquified-names';
import { VARIABLE_OPS, variableReads } from '../variables/variable-readers';
import { leafSentence, outerScopeSentence, segmentSentence, type SegmentFacts } from './sentences';
import { pathKinds, type PathKinds, type SegmentKind, type VariablePaths } from './segment-kinds';

export interface AnatomySegment {
  readonly name: string;
  readonly kind: SegmentKind;
  /** `S` when this segment is `S_N` and `S` is a sibling scope (read on the name as written). */
  readonly reentryOf: string | null;
}

export interface AnatomyLeaf {
  readonly name: string;
  readonly kind: 'variable' | 'op';
  /** `B` when the leaf is `B_N` and a sibling `B` exists in the same scope. */
  readonly uniquifiedFrom: string | null;
}

export interface AnatomyRead {
  readonly variable: string;
  readonly home: string;
}

/** The `scopeview explain` record of one op (DESIGN.md §4). */
export interface OpAnatomy {
  readonly name: string;
  readonly op: string;
  readonly segments: AnatomySegment[];
  readonly leaf: AnatomyLeaf;
  readonly reads: AnatomyRead[];
  readonly sentences: string[];
}

/** A scope path's segments with their kinds and sentences (a scope box's anatomy). */
export interface PathAnatomy {
  readonly segments: AnatomySegment[];
  readonly sentences: string[];
}

const encoder = new TextEncoder();
const SLASH = 47;
const UNDERSCORE = 95;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const GRAD_SUFFIX = /_grad$/;

const homeOf = (name: string): string => name.slice(0, Math.max(0, name.lastIndexOf('/')));

interface Parsed {
  readonly raw: string[];
  readonly canon: string[];
  readonly kinds: PathKinds;
  readonly anatomy: PathAnatomy;
}

export class NameAnatomy {
  private readonly scopes: ScopeNames;
  private readonly canonical: CanonicalScopes;
  private readonly vars: VariablePaths;
  private readonly isVariable: Uint8Array;
  /** Variables read by node i: readVars[readStart[i] .. readStart[i+1]) (graph node indices). */
  private readonly readStart: Int32Array;
  private readonly readVars: Int32Array;
  private readonly memo: (Parsed | undefined)[];
  /** Paths that are no scope entry (embedded ops' parents), parsed once each. */
  private readonly other = new Map<string, Parsed>();

  constructor(private readonly graph: Graph) {
    this.scopes = new ScopeNames(graph);
    this.canonical = new CanonicalScopes(this.scopes);
    const reads = variableReads(graph, this.scopes);
    const homes = new Set<string>();
    const names = new Set<string>();
    const n = graph.nodeCount;
    this.isVariable = new Uint8Array(n);
    const count = new Int32Array(n + 1);
    for (let k = 0; k < reads.variables.length; k++) {
      const v = reads.variables[k] as number;
      for (const r of reads.readers(k)) count[r + 1] = (count[r + 1] as number) + 1;
      // A captured handle was made elsewhere: it adds no home (DESIGN.md §4).
      if (reads.captured[k] === 1) continue;
      const name = graph.name(v);
      names.add(name);
      for (let p = name.lastIndexOf('/'); p > 0; p = name.lastIndexOf('/', p - 1)) homes.add(name.slice(0, p));
    }
    for (let i = 0; i < n; i++) if (VARIABLE_OPS.has(graph.op(i))) this.isVariable[i] = 1;
    for (let i = 0; i < n; i++) count[i + 1] = (count[i + 1] as number) + (count[i] as number);
    this.readStart = count;
    this.readVars = new Int32Array(count[n] as number);
    const fill = count.slice(0, n);
    for (let k = 0; k < reads.variables.length; k++) {
      const v = reads.variables[k] as number;
      for (const r of reads.readers(k)) {
        this.readVars[fill[r] as number] = v;
        fill[r] = (fill[r] as number) + 1;
      }
    }
    this.vars = { homes, names };
    this.memo = new Array<Parsed | undefined>(this.scopes.count).fill(undefined);
  }

  /** The anatomy of node `i`. */
  explain(i: number): OpAnatomy {
    const name = this.graph.name(i);
    const slash = name.lastIndexOf('/');
    const leafName = name.slice(slash + 1);
    const parsed = slash < 0 ? null : this.parse(name.slice(0, slash), this.scopes.entryOf(i));
    const isVar = this.isVariable[i] === 1;
    const uniquifiedFrom = this.uniquifiedFrom(i, leafName);
    const reads: AnatomyRead[] = [];
    for (let r = this.readStart[i] as number; r < (this.readStart[i + 1] as number); r++) {
      const variable = this.graph.name(this.readVars[r] as number);
      reads.push({ variable, home: homeOf(variable) });
    }
    return {
      name,
      op: this.graph.op(i),
      segments: parsed ? parsed.anatomy.segments : [],
      leaf: { name: leafName, kind: isVar ? 'variable' : 'op', uniquifiedFrom },
      reads,
      sentences: [...(parsed ? parsed.anatomy.sentences : []), leafSentence(leafName, isVar, uniquifiedFrom)],
    };
  }

  /**
   * The anatomy of a scope path (`a/b/c`, or '' for the root), as a scope box shows it. Only
   * `outer` depends on what follows a segment (a variable part further down), so a scope that is
   * `ops` on its own path is `outer` when the path of some scope inside it makes it so.
   */
  path(path: string): PathAnatomy {
    if (path === '') return { segments: [], sentences: [] };
    const a = this.parse(path, this.entry(path)).anatomy;
    const last = a.segments[a.segments.length - 1] as AnatomySegment;
    if (last.kind !== 'ops' || !this.outer().has(path)) return a;
    return {
      segments: [...a.segments.slice(0, -1), { ...last, kind: 'outer' }],
      sentences: [...a.sentences.slice(0, -1), outerScopeSentence(last.name, last.reentryOf)],
    };
  }

  /** The kind of a scope box's last segment and whether it is a re-entry (colour by scope kind). */
  scopeKind(path: string): { kind: SegmentKind; reentryOf: string | null } | null {
    const segments = this.path(path).segments;
    const last = segments[segments.length - 1];
    return last ? { kind: last.kind, reentryOf: last.reentryOf } : null;
  }

  private outerPaths: Set<string> | null = null;

  /** Every scope path that is an `outer` segment in the path of some scope. */
  private outer(): Set<string> {
    if (this.outerPaths) return this.outerPaths;
    const out = new Set<string>();
    for (let e = 0; e < this.scopes.count; e++) {
      const { raw, kinds } = this.parse(this.scopes.name(e), e);
      for (let i = 0; i < kinds.first; i++) out.add(raw.slice(0, i + 1).join('/'));
    }
    this.outerPaths = out;
    return out;
  }

  /** Scope entry of a path, or ROOT_SCOPE when it is not a scope (e.g. only embedded ops made it). */
  private entry(path: string): number {
    const bytes = encoder.encode(path);
    const e = this.scopes.table.find(bytes, 0, bytes.length);
    return e < 0 ? ROOT_SCOPE : e;
  }

  private isScope(path: string): boolean {
    const bytes = encoder.encode(path);
    return this.scopes.table.find(bytes, 0, bytes.length) >= 0;
  }

  /**
   * `B` when node i's leaf is `B_N` and a node or scope `…/B` exists beside it. The sibling's name
   * is a prefix of node i's own bytes, so it is looked up without building a string.
   */
  private uniquifiedFrom(i: number, leaf: string): string | null {
    const { bytes, nameSpan } = this.graph.columns;
    const s = nameSpan[2 * i] as number;
    const e = nameSpan[2 * i + 1] as number;
    let u = e;
    while (u > s && isDigit(bytes[u - 1] as number)) u--;
    u--;
    // Digits, then '_', then a non-empty rest of the leaf.
    if (u === e - 1 || u <= s || bytes[u] !== UNDERSCORE || bytes[u - 1] === SLASH) return null;
    if (this.graph.indexOfBytes(bytes, s, u) < 0 && this.scopes.table.find(bytes, s, u) < 0) return null;
    return leaf.slice(0, leaf.length - (e - u));
  }

  /**
   * Segments of `path`, where `entry` is the deepest scope entry that is a prefix of it (the path
   * itself for every op but embedded ones, whose own parent path may make no scope).
   */
  private parse(path: string, entry: number): Parsed {
    const exact = entry !== ROOT_SCOPE && this.scopes.name(entry).length === path.length;
    const hit = exact ? this.memo[entry] : this.other.get(path);
    if (hit) return hit;
    const raw = path.split('/');
    const canon = entry === ROOT_SCOPE ? [] : this.canonical.canonical(entry).split('/');
    // Segments no scope entry covers: the same reading, one lookup per segment.
    for (let i = canon.length; i < raw.length; i++) {
      const seg = raw[i] as string;
      const split = splitUniquifier(seg);
      const base = split ? [...raw.slice(0, i), split.base].join('/') : '';
      canon.push(split && this.isScope(base) ? split.base : seg);
    }
    const kinds = pathKinds(raw, canon, this.vars);
    const parsed: Parsed = { raw, canon, kinds, anatomy: this.describe(raw, canon, kinds) };
    if (exact) this.memo[entry] = parsed;
    else this.other.set(path, parsed);
    return parsed;
  }

  private describe(raw: readonly string[], canon: readonly string[], k: PathKinds): PathAnatomy {
    const segments: AnatomySegment[] = [];
    const sentences: string[] = [];
    const variableRoot = k.first >= 0 ? (canon[k.first] as string) : '';
    for (let i = 0; i < raw.length; i++) {
      const name = raw[i] as string;
      const kind = k.kinds[i] as SegmentKind;
      const reentryOf = name !== canon[i] ? (canon[i] as string) : null;
      segments.push({ name, kind, reentryOf });
      const inVariablePart = k.first >= 0 && i >= k.first && (kind === 'variables' || kind === 'variable');
      const facts: SegmentFacts = {
        name,
        kind,
        reentryOf,
        variableRoot,
        variablePath: inVariablePart ? canon.slice(k.first, i + 1).join('/') : '',
        ownHome: reentryOf !== null && this.vars.homes.has(raw.slice(0, i + 1).join('/')),
        forward: kind === 'gradient-of' ? raw.slice(k.gradients + 1, i + 1).join('/').replace(GRAD_SUFFIX, '') : '',
      };
      sentences.push(segmentSentence(facts));
    }
    return { segments, sentences };
  }
}
