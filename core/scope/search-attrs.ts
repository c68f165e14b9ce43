// The text index behind `attr:` queries: every attribute's key and rendered value as two segments
// of lowercased chunked text (search-text.ts). Built on the first attribute query only, because
// rendering walks every attribute of the graph, which name and op queries never need.
import type { Graph } from '../graph/graph';
import { attrEntryText } from './search-attr-text';
import { ChunkBuilder, findInSegments, type TextChunk } from './search-text';

export interface AttrMatches {
  /** The first `limit` matching nodes, in graph order, with the key of their first matching attribute. */
  readonly nodes: number[];
  readonly keys: string[];
  readonly total: number;
}

export class AttrTextIndex {
  private constructor(
    private readonly chunks: readonly TextChunk[],
    /** Per attribute: its node, and its key as an index into `keyNames` (segments 2a and 2a + 1). */
    private readonly attrNode: Int32Array,
    private readonly attrKey: Int32Array,
    private readonly keyNames: readonly string[],
  ) {}

  static build(graph: Graph): AttrTextIndex {
    const text = new ChunkBuilder(true);
    const keyIds = new Map<string, number>();
    const keyNames: string[] = [];
    let node = new Int32Array(1024);
    let key = new Int32Array(1024);
    let count = 0;
    for (let i = 0; i < graph.nodeCount; i++) {
      for (const entry of graph.attrEntries(i)) {
        const kv = attrEntryText(entry);
        if (!kv) continue;
        let id = keyIds.get(kv.key);
        if (id === undefined) {
          id = keyNames.length;
          keyIds.set(kv.key, id);
          keyNames.push(kv.key);
        }
        if (count === node.length) {
          node = grow(node);
          key = grow(key);
        }
        node[count] = i;
        key[count] = id;
        count++;
        text.add(kv.key);
        text.add(kv.value);
      }
    }
    return new AttrTextIndex(text.finish(), node.slice(0, count), key.slice(0, count), keyNames);
  }

  get attributeCount(): number {
    return this.attrNode.length;
  }

  /** Characters of indexed text plus typed-array bytes (an estimate of the index's memory). */
  get sizeEstimate(): number {
    return this.chunks.reduce((s, c) => s + c.text.length + c.starts.byteLength, 0) + this.attrNode.byteLength + this.attrKey.byteLength;
  }

  /** Nodes with an attribute whose key or value contains `needle` (already lowercased). */
  find(needle: string, limit: number): AttrMatches {
    const nodes: number[] = [];
    const keys: string[] = [];
    const { attrNode, attrKey, keyNames } = this;
    const n = attrNode.length;
    let total = 0;
    findInSegments(this.chunks, needle, (segment) => {
      const a = segment >> 1;
      const node = attrNode[a] as number;
      total++;
      if (nodes.length < limit) {
        nodes.push(node);
        keys.push(keyNames[attrKey[a] as number] as string);
      }
      // One hit per node: go on from the node's last attribute.
      let b = a + 1;
      while (b < n && attrNode[b] === node) b++;
      return 2 * b;
    });
    return { nodes, keys, total };
  }
}

function grow(a: Int32Array): Int32Array<ArrayBuffer> {
  const next = new Int32Array(a.length * 2);
  next.set(a);
  return next;
}
