// The graph model, stored by column so that 10^6 nodes stay compact: names, interned op and device
// strings, and byte spans into the file buffer for each node's name, inputs and still-encoded
// attributes (decoded on demand). The function library holds graphs of the same kind. Edges
// (data / control / ref) are resolved on the bytes, on first use, into typed arrays.
import { REF_EDGE_OPS } from './inputs';
import { attrEntriesIn, decodeAttrs, findAttr, type AttrValue } from './attrs';
import { NameIndex } from './name-index';

/** Column storage of a graph's nodes (see GraphColumnsBuilder). Spans are [start, end) pairs into `bytes`. */
export interface GraphColumns {
  readonly names: readonly string[];
  readonly ops: readonly string[];
  readonly devices: readonly string[];
  readonly bytes: Uint8Array;
  /** 2 per node: the UTF-8 bytes of its name. */
  readonly nameSpan: Uint32Array;
  /** Node i's inputs are input spans inputStart[i] .. inputStart[i+1]; length nodeCount + 1. */
  readonly inputStart: Int32Array;
  /** 2 per input: the UTF-8 bytes of the input string (`^x`, `x:1`, ...). */
  readonly inputSpan: Uint32Array;
  /** 2 per node: the encoded NodeDef bytes covering its attr fields (0, 0 when it has none). */
  readonly attrSpan: Uint32Array;
}

const decoder = new TextDecoder('utf-8');

export const EDGE_DATA = 0;
export const EDGE_CONTROL = 1;
export const EDGE_REF = 2;
export type EdgeKindCode = typeof EDGE_DATA | typeof EDGE_CONTROL | typeof EDGE_REF;
export const EDGE_KIND_NAMES = ['data', 'control', 'ref'] as const;
export type EdgeKind = (typeof EDGE_KIND_NAMES)[number];

/** Edges as parallel typed arrays (compact at 10^6 nodes, transferable to other threads). */
export interface EdgeList {
  readonly count: number;
  readonly src: Int32Array;
  readonly dst: Int32Array;
  readonly kind: Uint8Array;
  /** Output slot of the source. */
  readonly srcSlot: Int32Array;
  /** Index of the input on the destination node. */
  readonly dstInput: Int32Array;
}

/** An input naming no node of the graph (a function argument, or a broken graph). */
export interface DanglingInput {
  readonly node: number;
  readonly input: string;
}

export interface ArgDef {
  readonly name: string;
  readonly type: number;
  readonly typeAttr: string;
  readonly isRef: boolean;
}

export interface FunctionGraph {
  readonly name: string;
  readonly inputArgs: readonly ArgDef[];
  readonly outputArgs: readonly ArgDef[];
  /** Output argument → internal tensor (`node:out:N`). */
  readonly ret: Readonly<Record<string, string>>;
  readonly controlRet: Readonly<Record<string, string>>;
  readonly graph: Graph;
}

export interface GraphVersions {
  readonly producer: number;
  readonly minConsumer: number;
}

/** A node's fields as plain values (allocates; for inspectors and tests, not hot loops). */
export interface NodeView {
  readonly name: string;
  readonly op: string;
  readonly device: string;
  readonly input: readonly string[];
}

export class Graph {
  readonly functions: readonly FunctionGraph[];
  readonly versions: GraphVersions | null;
  /** Raw column storage, for hot loops that work on name bytes (scope discovery). */
  readonly columns: GraphColumns;
  private nameIndex: NameIndex | null = null;
  private edgeList: EdgeList | null = null;
  private dangling: DanglingInput[] = [];

  constructor(cols: GraphColumns, functions: readonly FunctionGraph[] = [], versions: GraphVersions | null = null) {
    this.columns = cols;
    this.functions = functions;
    this.versions = versions;
  }

  get nodeCount(): number {
    return this.columns.names.length;
  }

  /** Total NodeDefs across the function library. */
  get functionNodeCount(): number {
    let n = 0;
    for (const f of this.functions) n += f.graph.nodeCount;
    return n;
  }

  name(i: number): string {
    return this.columns.names[i] ?? '';
  }

  op(i: number): string {
    return this.columns.ops[i] ?? '';
  }

  device(i: number): string {
    return this.columns.devices[i] ?? '';
  }

  inputCount(i: number): number {
    return (this.columns.inputStart[i + 1] ?? 0) - (this.columns.inputStart[i] ?? 0);
  }

  /** Node i's input strings, decoded on demand. */
  inputs(i: number): string[] {
    const { inputStart, inputSpan, bytes } = this.columns;
    const out: string[] = [];
    for (let k = inputStart[i] ?? 0; k < (inputStart[i + 1] ?? 0); k++) {
      out.push(decoder.decode(bytes.subarray(inputSpan[2 * k] as number, inputSpan[2 * k + 1] as number)));
    }
    return out;
  }

  node(i: number): NodeView {
    return { name: this.name(i), op: this.op(i), device: this.device(i), input: this.inputs(i) };
  }

  /** Index of the node named `name`, or -1. When names repeat (a broken graph), the first wins. */
  indexOf(name: string): number {
    const key = new TextEncoder().encode(name);
    return this.index().lookup(key, 0, key.length);
  }

  /**
   * Index of the node whose name is the UTF-8 bytes buf[s, e), or -1 (the first of duplicates).
   * `hash`, when known, is the bytes' `fnv1a(...) | 0` (as SpanTable stores it).
   */
  indexOfBytes(buf: Uint8Array, s: number, e: number, hash?: number): number {
    return hash === undefined ? this.index().lookup(buf, s, e) : this.index().lookupHashed(buf, s, e, hash);
  }

  /** True when no two nodes share a name (a well-formed graph). */
  get uniqueNames(): boolean {
    return this.index().distinct === this.nodeCount;
  }

  private index(): NameIndex {
    this.nameIndex ??= new NameIndex(this.columns.bytes, this.columns.nameSpan, this.nodeCount);
    return this.nameIndex;
  }

  get edges(): EdgeList {
    if (!this.edgeList) this.edgeList = this.buildEdges();
    return this.edgeList;
  }

  /** Inputs that name no node of this graph (computed with the edges). */
  get danglingInputs(): readonly DanglingInput[] {
    void this.edges;
    return this.dangling;
  }

  /** The still-encoded AttrEntry messages of node `i` (views, no copy). */
  attrEntries(i: number): Uint8Array[] {
    const span = this.columns.attrSpan;
    const start = span[2 * i] ?? 0;
    const end = span[2 * i + 1] ?? 0;
    return end > start ? attrEntriesIn(this.columns.bytes, start, end) : [];
  }

  /** Attribute names of node `i`, without decoding values. */
  attrKeys(i: number): string[] {
    return decodeAttrs(this.attrEntries(i), true).map(([k]) => k);
  }

  /** Decodes one attribute of node `i`; other attributes stay undecoded. */
  attr(i: number, key: string): AttrValue | null {
    return findAttr(this.attrEntries(i), key);
  }

  /** Decodes all attributes of node `i`. */
  attrs(i: number): Map<string, AttrValue> {
    return new Map(decodeAttrs(this.attrEntries(i), false) as [string, AttrValue][]);
  }

  private buildEdges(): EdgeList {
    const { inputStart, inputSpan, ops, bytes } = this.columns;
    const index = this.index();
    const n = this.nodeCount;
    const total = inputSpan.length / 2;
    const src = new Int32Array(total);
    const dst = new Int32Array(total);
    const kind = new Uint8Array(total);
    const srcSlot = new Int32Array(total);
    const dstInput = new Int32Array(total);
    let count = 0;
    const dangling: DanglingInput[] = [];
    for (let d = 0; d < n; d++) {
      const refOp = REF_EDGE_OPS.has(ops[d] as string);
      const first = inputStart[d] as number;
      const last = inputStart[d + 1] as number;
      for (let k = first; k < last; k++) {
        let s = inputSpan[2 * k] as number;
        const e = inputSpan[2 * k + 1] as number;
        const control = bytes[s] === 94; /* ^ */
        if (control) s++;
        // Node names never contain ':', so the name ends at the first one (`x:1`, `x:out:0`).
        let nameEnd = s;
        while (nameEnd < e && bytes[nameEnd] !== 58) nameEnd++;
        let slot = 0;
        if (nameEnd < e) {
          let j = e;
          let mul = 1;
          while (j > nameEnd + 1 && (bytes[j - 1] as number) >= 48 && (bytes[j - 1] as number) <= 57 && mul < 1e9) {
            slot += ((bytes[j - 1] as number) - 48) * mul;
            mul *= 10;
            j--;
          }
          if (bytes[j - 1] !== 58) slot = 0;
        }
        const source = index.lookup(bytes, s, nameEnd);
        if (source < 0) {
          dangling.push({ node: d, input: decoder.decode(bytes.subarray(inputSpan[2 * k] as number, e)) });
          continue;
        }
        src[count] = source;
        dst[count] = d;
        kind[count] = control ? EDGE_CONTROL : refOp && k === first ? EDGE_REF : EDGE_DATA;
        srcSlot[count] = slot;
        dstInput[count] = k - first;
        count++;
      }
    }
    this.dangling = dangling;
    return {
      count,
      src: src.slice(0, count),
      dst: dst.slice(0, count),
      kind: kind.slice(0, count),
      srcSlot: srcSlot.slice(0, count),
      dstInput: dstInput.slice(0, count),
    };
  }
}
