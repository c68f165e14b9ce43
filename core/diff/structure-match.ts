// Matching pass 3: structure. An unmatched node's signature is its op plus the already-matched
// nodes it reads (which input, which output slot) or, as a second key, the matched nodes that read
// it; a signature held by exactly one unmatched node on each side pairs them, which can make
// further signatures unique, until a fixed point. Signatures are order-free sums of per-edge
// hashes, updated in O(1) per edge as neighbours get matched, so the whole pass is linear in edges
// (a node with 10^4 readers never recomputes a 10^4-long key); a pair is confirmed on the exact
// edge lists before it is linked, so a hash collision can only lose a match, never make a wrong one.
import { EDGE_CONTROL, type Graph } from '../graph/graph';
import type { Adjacency } from './adjacency';
import { PASS_STRUCTURE, type Matching, type PassCode } from './matching';

const IN = 0;
const OUT = 1;
type Dir = typeof IN | typeof OUT;
const DIRS: readonly Dir[] = [IN, OUT];
/** Control inputs have no position that matters (TensorFlow sorts them by name). */
const CONTROL_INPUT = -1;

function fmix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** One lane of an edge's hash: the matched neighbour's id, the input it feeds and the output slot. */
function edgeHash(seed: number, id: number, input: number, slot: number): number {
  return fmix((fmix((fmix(seed ^ id) + input) | 0) + slot) | 0);
}

class Side {
  /** Per direction: number of matched neighbours and two 32-bit hash sums over their edges. */
  readonly count: [Int32Array, Int32Array];
  readonly h1: [Int32Array, Int32Array];
  readonly h2: [Int32Array, Int32Array];
  readonly key: [(string | null)[], (string | null)[]];
  /** Nodes whose sums changed since their keys were last computed (flag + list). */
  readonly touchedFlag: [Uint8Array, Uint8Array];
  readonly touched: [number[], number[]];

  constructor(
    readonly graph: Graph,
    readonly adj: Adjacency,
    readonly match: Int32Array,
    /** A's ids live in B's index space (its match); B's nodes are their own ids. */
    readonly isA: boolean,
  ) {
    const n = graph.nodeCount;
    const i32 = (): [Int32Array, Int32Array] => [new Int32Array(n), new Int32Array(n)];
    this.count = i32();
    this.h1 = i32();
    this.h2 = i32();
    this.key = [new Array<string | null>(n).fill(null), new Array<string | null>(n).fill(null)];
    this.touchedFlag = [new Uint8Array(n), new Uint8Array(n)];
    this.touched = [[], []];
  }

  id(x: number): number {
    return this.isA ? (this.match[x] as number) : x;
  }

  /** Node x's key in direction d from its sums; null when it has no matched neighbour there. */
  keyOf(d: Dir, x: number): string | null {
    const n = this.count[d][x] as number;
    if (n === 0) return null;
    // Arity tells apart nodes whose matched inputs agree but whose others do not (`init` reading
    // two Assigns, `init_1` the same two and two more); readers are not counted, since a new
    // reader of an unchanged node is a common edit.
    const arity = d === IN ? this.graph.inputCount(x) : 0;
    return `${d}${this.graph.op(x)}\u0000${arity}\u0000${n}\u0000${this.h1[d][x]}\u0000${this.h2[d][x]}`;
  }

  /** Exact signature of node x in direction d: its matched neighbours' edges, sorted. */
  signature(d: Dir, x: number): string {
    const { edges } = this.graph;
    const [start, list] = d === IN ? [this.adj.inStart, this.adj.inEdges] : [this.adj.outStart, this.adj.outEdges];
    const parts: string[] = [];
    for (let k = start[x] as number; k < (start[x + 1] as number); k++) {
      const e = list[k] as number;
      const other = (d === IN ? edges.src[e] : edges.dst[e]) as number;
      if (this.match[other] === -1) continue;
      const control = edges.kind[e] === EDGE_CONTROL;
      parts.push(`${this.id(other)}:${control ? CONTROL_INPUT : edges.dstInput[e]}:${control ? 0 : edges.srcSlot[e]}`);
    }
    return parts.sort().join(' ');
  }
}

interface Bucket {
  /** Nodes per side that entered the bucket (some since left it: see liveMember). */
  readonly nodes: [number[], number[]];
  readonly live: [number, number];
}

export class StructureMatcher {
  private readonly sides: [Side, Side];
  private readonly buckets = new Map<string, Bucket>();
  private readonly dirty: [Set<string>, Set<string>] = [new Set(), new Set()];

  constructor(a: Graph, adjA: Adjacency, b: Graph, adjB: Adjacency, private readonly m: Matching) {
    this.sides = [new Side(a, adjA, m.a, true), new Side(b, adjB, m.b, false)];
    for (const s of [0, 1] as const) {
      const side = this.sides[s];
      for (let x = 0; x < side.match.length; x++) if (side.match[x] !== -1) this.spread(side, x);
    }
    this.refreshKeys();
  }

  /** Links pairs found elsewhere (the leftover pass) so that their neighbours gain signatures. */
  linkAll(pairs: readonly (readonly [number, number])[], pass: PassCode): void {
    for (const [i, j] of pairs) this.link(i, j, pass);
    this.refreshKeys();
  }

  /**
   * Rounds until nothing changes. A round pairs every bucket that is unique on both sides at once
   * (pairs from distinct buckets are disjoint), so the outcome is independent of node order and
   * mirrors when A and B swap. Input signatures go first; reader signatures are tried only in a
   * round where inputs found nothing, since the design's structural evidence is the inputs.
   */
  propagate(): void {
    for (;;) {
      let pairs = this.round(IN);
      if (pairs.length === 0) pairs = this.round(OUT);
      if (pairs.length === 0) return;
      this.linkAll(pairs, PASS_STRUCTURE);
    }
  }

  private round(d: Dir): [number, number][] {
    const pairs: [number, number][] = [];
    for (const key of this.dirty[d]) {
      const bucket = this.buckets.get(key);
      if (!bucket) continue;
      if (bucket.live[0] === 0 && bucket.live[1] === 0) {
        this.buckets.delete(key);
        continue;
      }
      if (bucket.live[0] !== 1 || bucket.live[1] !== 1) continue;
      const i = this.liveMember(bucket, 0, d, key);
      const j = this.liveMember(bucket, 1, d, key);
      if (this.sides[0].signature(d, i) === this.sides[1].signature(d, j)) pairs.push([i, j]);
    }
    this.dirty[d].clear();
    return pairs;
  }

  private liveMember(bucket: Bucket, s: 0 | 1, d: Dir, key: string): number {
    const side = this.sides[s];
    const x = bucket.nodes[s].find((y) => side.match[y] === -1 && side.key[d][y] === key);
    if (x === undefined) throw new Error('diff: bucket count out of step with its members');
    return x;
  }

  private link(i: number, j: number, pass: PassCode): void {
    this.m.link(i, j, pass);
    for (const d of DIRS) {
      this.setKey(0, d, i, null);
      this.setKey(1, d, j, null);
    }
    this.spread(this.sides[0], i);
    this.spread(this.sides[1], j);
  }

  /** Matched node x becomes part of its unmatched neighbours' signatures. */
  private spread(side: Side, x: number): void {
    const { edges } = side.graph;
    const { inStart, inEdges, outStart, outEdges } = side.adj;
    const id = side.id(x);
    // x's readers gain a matched input, x's inputs a matched reader.
    for (let k = outStart[x] as number; k < (outStart[x + 1] as number); k++) this.addEdge(side, IN, edges.dst[outEdges[k] as number] as number, outEdges[k] as number, id);
    for (let k = inStart[x] as number; k < (inStart[x + 1] as number); k++) this.addEdge(side, OUT, edges.src[inEdges[k] as number] as number, inEdges[k] as number, id);
  }

  private addEdge(side: Side, d: Dir, y: number, e: number, id: number): void {
    if (side.match[y] !== -1) return;
    const { kind, dstInput, srcSlot } = side.graph.edges;
    const control = kind[e] === EDGE_CONTROL;
    const input = control ? CONTROL_INPUT : (dstInput[e] as number);
    const slot = control ? 0 : (srcSlot[e] as number);
    side.count[d][y] = (side.count[d][y] as number) + 1;
    side.h1[d][y] = ((side.h1[d][y] as number) + edgeHash(0x2545f491, id, input, slot)) | 0;
    side.h2[d][y] = ((side.h2[d][y] as number) + edgeHash(0x6b43a9b5, id, input, slot)) | 0;
    if (!side.touchedFlag[d][y]) {
      side.touchedFlag[d][y] = 1;
      side.touched[d].push(y);
    }
  }

  /** Recomputes the keys of touched nodes once each, however many of their edges changed. */
  private refreshKeys(): void {
    for (const s of [0, 1] as const) {
      const side = this.sides[s];
      for (const d of DIRS) {
        for (const y of side.touched[d]) {
          side.touchedFlag[d][y] = 0;
          if (side.match[y] === -1) this.setKey(s, d, y, side.keyOf(d, y));
        }
        side.touched[d].length = 0;
      }
    }
  }

  private setKey(s: 0 | 1, d: Dir, x: number, key: string | null): void {
    const side = this.sides[s];
    const old = side.key[d][x] as string | null;
    if (old === key) return;
    if (old !== null) {
      const bucket = this.buckets.get(old);
      if (bucket) bucket.live[s]--;
      this.dirty[d].add(old);
    }
    side.key[d][x] = key;
    if (key === null) return;
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = { nodes: [[], []], live: [0, 0] }));
    bucket.nodes[s].push(x);
    bucket.live[s]++;
    this.dirty[d].add(key);
  }
}
