// Node search for graphs of up to 10^6 nodes. Query language (surrounding blanks ignored):
//   op:Conv2D      nodes whose op type equals the value, ignoring case; `*` is a wildcard (op:Conv*).
//   /pattern/flags a JavaScript regex over node names. Only the flags i, u and v have an effect (g,
//                  m, s, y, d are accepted and ignored); ^ and $ anchor at the name's ends. A regex
//                  that does not compile gives `error`, never an exception. An ending that is not
//                  flag letters is plain text: `/conv2d/kernel` searches for that substring.
//   attr:text      nodes with an attribute whose key or rendered value contains the text, ignoring
//                  case. Values render as dtype names (`float`, `int32`, see dtypeName), shapes
//                  `(2, ?)`, strings (first 1 KiB), ints, floats, `true`/`false`, function names,
//                  lists `[1, 2]`; a tensor as dtype and shape only (`float (3, 3)`), never its contents.
//   anything else  a case-insensitive substring of the node's name or of its op type.
// Plain text also finds scopes (hierarchy scopes whose own segment holds the text) and ranks what it
// finds (search-rank.ts): scopes, ops named after the text, ops of that type, ops inside a matching
// scope, then constants and initializer plumbing; regexes rank that plumbing last too. Within a rank,
// and for op: and attr:, results come in graph order. `total` counts every match past `limit`, one hit
// per node or scope.
// Substring search runs on the distinct segments of names (search-paths.ts); regexes scan all names
// joined into one text (search-text.ts); op types map to node lists; the attribute index is built
// on the first attr: query (prepareAttributes).
import type { Graph } from '../../graph/graph';
import { AttrTextIndex } from './search-attrs';
import { NamePaths } from './search-paths';
import { parseQuery } from './search-query';
import { ChunkBuilder, matchInSegments, type TextChunk } from './search-text';
import { H_SCOPE, type Hierarchy } from '../hierarchy';
import { isConstLike, PLUMBING_SEGMENTS, RANK_IN_SCOPE, RANK_LEAF, RANK_PLUMBING, RANK_SCOPE, RankedPage, rankOf } from './search-rank';

/** A path inside the scope of tf.gradients (or a TF2 gradient tape). */
const GRADIENTS = /(^|\/)(gradients(_\d+)?|gradient_tape)(\/|$)/;

export interface SearchHit {
  /** Graph node; -1 for a scope hit. */
  node: number;
  /** For a scope hit: its hierarchy node. */
  scope?: number;
  name: string;
  op: string;
  /**
   * Hierarchy path from the top: names of the scopes (and series) containing the node, outermost
   * first (e.g. ['a', 'a/b']). An embedded node has the path of the node it is embedded in.
   */
  scopePath: string[];
  /** What matched. */
  field: 'name' | 'op' | 'attr' | 'scope';
  /** For attr hits: the first attribute that matched. */
  attrKey?: string;
}

export interface SearchResult {
  hits: SearchHit[];
  total: number;
  truncated: boolean;
  /** A user-facing message when the query is malformed (an invalid regex). */
  error: string | null;
}

export const DEFAULT_LIMIT = 200;

interface Matches {
  /** Graph nodes, or hierarchy nodes where `fields` says 'scope'. */
  readonly nodes: readonly number[];
  readonly fields: readonly SearchHit['field'][];
  readonly keys?: readonly string[];
  readonly total: number;
}

export class SearchIndex {
  private attrIndex: AttrTextIndex | null = null;
  /** Per node, 1 for a Const-like op or one under an initializer segment (built on first use). */
  private plumbingNodes: Uint8Array | null = null;
  /** Hierarchy scopes and their own (last) segments, lowercased (built on first use). */
  private scopeLeaves: { ids: Int32Array; leaves: string[] } | null = null;

  private constructor(
    private readonly graph: Graph,
    private readonly hierarchy: Hierarchy | null,
    private readonly paths: NamePaths,
    /** All names, joined, for regexes. */
    private readonly names: readonly TextChunk[],
    private readonly nodeOp: Int32Array,
    private readonly opLower: readonly string[],
    private readonly opConst: Uint8Array,
    /** Nodes of op o, in graph order: opNodes[opStart[o] .. opStart[o + 1]). */
    private readonly opStart: Int32Array,
    private readonly opNodes: Int32Array,
    /** A name holds a line terminator: ^, $ and . would misbehave in the joined text. */
    private readonly lineBreaks: boolean,
  ) {}

  /** Indexes names and op types; without a hierarchy, scope paths come from the `/`s in names. */
  static build(graph: Graph, hierarchy?: Hierarchy): SearchIndex {
    if (hierarchy && hierarchy.graph !== graph) throw new Error('SearchIndex.build: the hierarchy belongs to another graph');
    const n = graph.nodeCount;
    const text = new ChunkBuilder(false);
    const opIds = new Map<string, number>();
    const opLower: string[] = [];
    const nodeOp = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      text.add(graph.name(i));
      const op = graph.op(i);
      let id = opIds.get(op);
      if (id === undefined) {
        id = opLower.length;
        opIds.set(op, id);
        opLower.push(op.toLowerCase());
      }
      nodeOp[i] = id;
    }
    const names = text.finish();
    const opStart = new Int32Array(opLower.length + 1);
    for (let i = 0; i < n; i++) {
      const o = (nodeOp[i] as number) + 1;
      opStart[o] = (opStart[o] as number) + 1;
    }
    for (let o = 0; o < opLower.length; o++) opStart[o + 1] = (opStart[o + 1] as number) + (opStart[o] as number);
    const fill = opStart.slice(0, opLower.length);
    const opNodes = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const o = nodeOp[i] as number;
      opNodes[fill[o] as number] = i;
      fill[o] = (fill[o] as number) + 1;
    }
    const paths = NamePaths.build(graph);
    const opConst = new Uint8Array(opLower.length);
    for (const [op, id] of opIds) opConst[id] = isConstLike(op) ? 1 : 0;
    return new SearchIndex(graph, hierarchy ?? null, paths, names, nodeOp, opLower, opConst, opStart, opNodes, paths.hasLineTerminators);
  }

  /** Runs a query (see the file header); never throws. */
  query(q: string, limit: number = DEFAULT_LIMIT): SearchResult {
    const lim = Number.isNaN(limit) ? 0 : Math.max(0, Math.floor(limit));
    const p = parseQuery(q);
    let m: Matches;
    switch (p.kind) {
      case 'empty':
        return { hits: [], total: 0, truncated: false, error: null };
      case 'error':
        return { hits: [], total: 0, truncated: false, error: p.message };
      case 'text':
        m = this.textMatches(p.needle, lim);
        break;
      case 'regex':
        m = this.regexMatches(p.regex, p.lookaround, lim);
        break;
      case 'op': {
        const ops = this.opsWhere(p.test);
        m = { nodes: this.firstOfOps(ops, lim), fields: [], total: ops.reduce((s, o) => s + this.opSize(o), 0) };
        break;
      }
      case 'attr': {
        const a = this.prepareAttributes().find(p.needle, lim);
        m = { nodes: a.nodes, fields: [], keys: a.keys, total: a.total };
        break;
      }
    }
    const field = p.kind === 'op' ? 'op' : p.kind === 'attr' ? 'attr' : 'name';
    const hits = m.nodes.map((node, k): SearchHit => {
      if (m.fields[k] === 'scope') return this.scopeHit(node);
      const hit: SearchHit = { node, name: this.graph.name(node), op: this.graph.op(node), scopePath: this.scopePath(node), field: m.fields[k] ?? field };
      const key = m.keys?.[k];
      if (key !== undefined) hit.attrKey = key;
      return hit;
    });
    return { hits, total: m.total, truncated: m.total > hits.length, error: null };
  }

  /** Builds the attribute index now (it is otherwise built by the first attr: query). */
  prepareAttributes(): AttrTextIndex {
    this.attrIndex ??= AttrTextIndex.build(this.graph);
    return this.attrIndex;
  }

  get attributesReady(): boolean {
    return this.attrIndex !== null;
  }

  /** Characters of indexed name text plus typed-array bytes (an estimate of the memory held). */
  get sizeEstimate(): number {
    const names = this.names.reduce((s, c) => s + c.text.length + c.starts.byteLength, 0);
    return names + this.paths.sizeEstimate + this.nodeOp.byteLength + this.opStart.byteLength + this.opNodes.byteLength;
  }

  /** Names of the scopes (and series) containing graph node `node`, outermost first. */
  scopePath(node: number): string[] {
    const h = this.hierarchy;
    const x = h ? h.holder(node) : -1;
    if (!h || x < 0) {
      const name = this.graph.name(node);
      const out: string[] = [];
      for (let p = name.indexOf('/', 1); p > 0; p = name.indexOf('/', p + 1)) out.push(name.slice(0, p));
      return out;
    }
    const out: string[] = [];
    for (let p = h.parent[x] as number; p > 0; p = h.parent[p] as number) out.push(h.name(p));
    return out.reverse();
  }

  private textMatches(needle: string, lim: number): Matches {
    const n = this.graph.nodeCount;
    const named = this.paths.matches(needle) ?? Uint8Array.from({ length: n }, (_, i) => this.fallbackMatch(i, needle));
    const opMatch = Uint8Array.from(this.opLower, (op) => (op.includes(needle) ? 1 : 0));
    const nodeOp = this.nodeOp;
    const plumbing = this.plumbing();
    const page = new RankedPage(lim);
    // Scope hits are kept as -(id + 1); scopes inside tf.gradients' scope rank with the in-scope hits, below op names.
    for (const x of this.scopesNamed(needle)) page.add(-(x + 1), this.inGradients(x) ? RANK_IN_SCOPE : RANK_SCOPE);
    for (let i = 0; i < n; i++) {
      const nm = named[i] as number;
      const byOp = opMatch[nodeOp[i] as number] === 1;
      if (nm !== 0 || byOp) page.add(i, rankOf(nm, byOp, plumbing[i] === 1));
    }
    const { items } = page.page();
    const nodes = items.map((i) => (i < 0 ? -i - 1 : i));
    const fields = items.map((i): SearchHit['field'] => (i < 0 ? 'scope' : named[i] ? 'name' : 'op'));
    return { nodes, fields, total: page.total };
  }

  /** A name match found name by name (needles with very many slashes): bit 2 when it reaches the leaf. */
  private fallbackMatch(i: number, needle: string): number {
    const lower = this.graph.name(i).toLowerCase();
    const at = lower.lastIndexOf(needle);
    if (at < 0) return 0;
    return at + needle.length > lower.lastIndexOf('/') ? 2 : 1;
  }

  private plumbing(): Uint8Array {
    if (!this.plumbingNodes) {
      const p = this.paths.under(PLUMBING_SEGMENTS);
      for (let i = 0; i < p.length; i++) if (this.opConst[this.nodeOp[i] as number]) p[i] = 1;
      this.plumbingNodes = p;
    }
    return this.plumbingNodes;
  }

  /** Hierarchy scopes whose own segment contains `needle` (or, for a needle with '/', whose name holds it, ending in that segment). */
  private scopesNamed(needle: string): number[] {
    const h = this.hierarchy;
    if (!h) return [];
    if (!this.scopeLeaves) {
      const ids: number[] = [];
      const leaves: string[] = [];
      for (let x = 0; x < h.count; x++) {
        if (h.kind[x] !== H_SCOPE || x === h.root) continue;
        const name = h.name(x);
        ids.push(x);
        leaves.push(name.slice(name.lastIndexOf('/') + 1).toLowerCase());
      }
      this.scopeLeaves = { ids: Int32Array.from(ids), leaves };
    }
    const { ids, leaves } = this.scopeLeaves;
    const out: number[] = [];
    const slash = needle.includes('/');
    for (let k = 0; k < ids.length; k++) {
      const x = ids[k] as number;
      if (slash) {
        const lower = h.name(x).toLowerCase();
        const at = lower.lastIndexOf(needle);
        if (at >= 0 && at + needle.length > lower.lastIndexOf('/')) out.push(x);
      } else if ((leaves[k] as string).includes(needle)) out.push(x);
    }
    return out;
  }

  private inGradients(x: number): boolean {
    const name = (this.hierarchy as Hierarchy).name(x);
    return GRADIENTS.test(name.slice(0, Math.max(0, name.lastIndexOf('/'))));
  }

  private scopeHit(x: number): SearchHit {
    const h = this.hierarchy as Hierarchy;
    const scopePath: string[] = [];
    for (let p = h.parent[x] as number; p > 0 && p !== h.root; p = h.parent[p] as number) scopePath.push(h.name(p));
    return { node: -1, scope: x, name: h.name(x), op: '', scopePath: scopePath.reverse(), field: 'scope' };
  }

  private regexMatches(regex: RegExp, lookaround: boolean, lim: number): Matches {
    const plumbing = this.plumbing();
    const page = new RankedPage(lim);
    const visit = (node: number): number => {
      page.add(node, plumbing[node] === 1 ? RANK_PLUMBING : RANK_LEAF);
      return node + 1;
    };
    if (this.lineBreaks || lookaround) {
      // Exact but slower: the joined text would let these patterns see neighbouring names.
      for (let i = 0; i < this.graph.nodeCount; i++) if (regex.test(this.graph.name(i))) visit(i);
    } else {
      const global = new RegExp(regex.source, `${regex.flags}gm`);
      matchInSegments(this.names, global, (node) => regex.test(this.graph.name(node)), visit);
    }
    return { nodes: page.page().items, fields: [], total: page.total };
  }

  private opsWhere(test: (lowerOp: string, id: number) => boolean): number[] {
    const out: number[] = [];
    this.opLower.forEach((op, o) => {
      if (test(op, o)) out.push(o);
    });
    return out;
  }

  private opSize(o: number): number {
    return (this.opStart[o + 1] as number) - (this.opStart[o] as number);
  }

  /** The first `lim` nodes, in graph order, whose op is one of `ops`. */
  private firstOfOps(ops: readonly number[], lim: number): number[] {
    const parts = ops.map((o) => {
      const start = this.opStart[o] as number;
      return this.opNodes.subarray(start, start + Math.min(this.opSize(o), lim));
    });
    const all = new Int32Array(parts.reduce((s, p) => s + p.length, 0));
    let pos = 0;
    for (const p of parts) {
      all.set(p, pos);
      pos += p.length;
    }
    if (parts.length > 1) all.sort();
    return Array.from(all.subarray(0, Math.min(all.length, lim)));
  }
}
