// The index behind `attr:` queries, built on the first attribute query only (name and op queries
// never need it). Attribute values repeat enormously (dtypes, `SAME`, strides, shapes: 3.5 million
// attributes of a 10^6-node graph held ~1,200 distinct encodings), so the index keeps a dictionary:
// each distinct key and each distinct rendered value is stored once, lowercased, as a segment of
// chunked text (search-text.ts), and each attribute is an id into a table of distinct (key, value)
// pairs. Identical AttrEntry bytes are recognised by hashing them where they lie, so each distinct
// encoding is rendered once. A query searches only the distinct texts, marks the pairs that
// match, then scans the per-node pair ids in graph order for the page of hits and the total.
import type { Graph } from '../../graph/graph';
import { SpanTable } from '../../graph/span-table';
import { WIRE_LEN, WireCursor } from '../../proto/wire';
import { PairTable } from '../pair-table';
import { attrEntryText } from './search-attr-text';
import { ChunkBuilder, findInSegments, type TextChunk } from './search-text';

export interface AttrMatches {
  /** The first `limit` matching nodes, in graph order, with the key of their first matching attribute. */
  readonly nodes: number[];
  readonly keys: string[];
  readonly total: number;
}

/**
 * Entries up to this size are deduplicated by their bytes. Larger ones (tensors with contents) are
 * rendered directly, since rendering skips their contents while hashing would read all of it.
 */
export const DEDUP_MAX_BYTES = 1024;

/** Distinct strings in first-seen order, lowercased into chunked text for searching. */
class Dictionary {
  private readonly ids = new Map<string, number>();
  readonly texts: string[] = [];

  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.texts.length;
      this.ids.set(s, id);
      this.texts.push(s);
    }
    return id;
  }

  chunks(): TextChunk[] {
    const b = new ChunkBuilder(true);
    for (const s of this.texts) b.add(s);
    return b.finish();
  }
}

/** 1 for each segment of `chunks` (count of them) whose text contains `needle`. */
function matchingSegments(chunks: readonly TextChunk[], count: number, needle: string): Uint8Array {
  const hit = new Uint8Array(count);
  findInSegments(chunks, needle, (segment) => {
    hit[segment] = 1;
    return segment + 1;
  });
  return hit;
}

function grow(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

export class AttrTextIndex {
  private constructor(
    /** Distinct keys as written (for hits) and both dictionaries as lowercased chunks. */
    private readonly keyNames: readonly string[],
    private readonly keyChunks: readonly TextChunk[],
    private readonly valueChunks: readonly TextChunk[],
    private readonly valueCount: number,
    /** Per distinct (key, value) pair: its key id and value id. */
    private readonly pairKey: Int32Array,
    private readonly pairValue: Int32Array,
    /** Attributes of node i are attrPair[attrStart[i] .. attrStart[i + 1]), in the node's order. */
    private readonly attrStart: Int32Array,
    private readonly attrPair: Int32Array,
  ) {}

  static build(graph: Graph): AttrTextIndex {
    const n = graph.nodeCount;
    const { bytes, attrSpan } = graph.columns;
    const keys = new Dictionary();
    const values = new Dictionary();
    const pairs = new PairTable(1024);
    let pairKey = new Int32Array(1024);
    let pairValue = new Int32Array(1024);
    let pairCount = 0;
    /** Distinct small entries by their bytes; entryPair[e] is the pair entry e renders to. */
    const entries = new SpanTable(bytes, 1024);
    let entryPair = new Int32Array(1024);
    const attrStart = new Int32Array(n + 1);
    let attrPair = new Int32Array(Math.max(1024, n));
    let count = 0;

    /** The pair id of the entry bytes[s, e), rendering it only when not seen before. */
    const pairOf = (s: number, e: number): number => {
      let entry = -1;
      if (e - s <= DEDUP_MAX_BYTES) {
        const before = entries.count;
        entry = entries.add(s, e, 0);
        if (entry < before) return entryPair[entry] as number;
      }
      const kv = attrEntryText(bytes.subarray(s, e));
      let pair = -1;
      if (kv) {
        const k = keys.id(kv.key);
        const v = values.id(kv.value);
        pair = pairs.get(k, v);
        if (pair < 0) {
          pair = pairCount++;
          if (pair === pairKey.length) {
            pairKey = grow(pairKey, 2 * pair);
            pairValue = grow(pairValue, 2 * pair);
          }
          pairs.set(k, v, pair);
          pairKey[pair] = k;
          pairValue[pair] = v;
        }
      }
      if (entry >= 0) {
        if (entry >= entryPair.length) entryPair = grow(entryPair, 2 * entryPair.length);
        entryPair[entry] = pair;
      }
      return pair;
    };

    // AttrEntry fields (NodeDef field 5) are walked in place: no array of views per node.
    const c = new WireCursor(bytes);
    for (let i = 0; i < n; i++) {
      attrStart[i] = count;
      const end = attrSpan[2 * i + 1] as number;
      c.reset(bytes, attrSpan[2 * i] as number, end);
      while (c.pos < end) {
        const tag = c.varint();
        if (tag <= 0 || tag < 8) break;
        if ((tag & 7) !== WIRE_LEN) {
          if (!c.skip(tag & 7)) break;
          continue;
        }
        const len = c.varint();
        if (len < 0 || c.pos + len > end) break;
        const s = c.pos;
        c.pos += len;
        if (Math.floor(tag / 8) !== 5) continue;
        const pair = pairOf(s, s + len);
        // Entries without a key are not searchable, as before the dictionary.
        if (pair < 0) continue;
        if (count === attrPair.length) attrPair = grow(attrPair, 2 * count);
        attrPair[count++] = pair;
      }
    }
    attrStart[n] = count;
    return new AttrTextIndex(keys.texts, keys.chunks(), values.chunks(), values.texts.length, pairKey.slice(0, pairCount), pairValue.slice(0, pairCount), attrStart, attrPair.slice(0, count));
  }

  get attributeCount(): number {
    return this.attrPair.length;
  }

  /** Distinct (key, rendered value) pairs. */
  get distinctCount(): number {
    return this.pairKey.length;
  }

  /** Characters of indexed text plus typed-array bytes (an estimate of the index's memory). */
  get sizeEstimate(): number {
    const text = [...this.keyChunks, ...this.valueChunks].reduce((s, c) => s + c.text.length + c.starts.byteLength, 0);
    return text + this.pairKey.byteLength + this.pairValue.byteLength + this.attrStart.byteLength + this.attrPair.byteLength;
  }

  /** Nodes with an attribute whose key or value contains `needle` (already lowercased). */
  find(needle: string, limit: number): AttrMatches {
    const nodes: number[] = [];
    const keys: string[] = [];
    const keyHit = matchingSegments(this.keyChunks, this.keyNames.length, needle);
    const valueHit = matchingSegments(this.valueChunks, this.valueCount, needle);
    const { pairKey, pairValue, attrStart, attrPair, keyNames } = this;
    const pairHit = new Uint8Array(pairKey.length);
    let any = false;
    for (let p = 0; p < pairKey.length; p++) {
      if (keyHit[pairKey[p] as number] || valueHit[pairValue[p] as number]) {
        pairHit[p] = 1;
        any = true;
      }
    }
    if (!any) return { nodes, keys, total: 0 };
    let total = 0;
    const n = attrStart.length - 1;
    for (let i = 0; i < n; i++) {
      const end = attrStart[i + 1] as number;
      // One hit per node, for its first matching attribute.
      for (let a = attrStart[i] as number; a < end; a++) {
        const p = attrPair[a] as number;
        if (pairHit[p] === 0) continue;
        total++;
        if (nodes.length < limit) {
          nodes.push(i);
          keys.push(keyNames[pairKey[p] as number] as string);
        }
        break;
      }
    }
    return { nodes, keys, total };
  }
}
