// Scope discovery on name bytes: every proper `/`-prefix of every node name becomes an entry of a
// SpanTable (no JS string per prefix), with its parent entry; each node gets the entry of its
// parent path and, when its own name is also a prefix (TensorBoard's strict names), that entry.
// An entry's table value is a node whose name starts with it, so its string can be sliced from
// that name instead of decoded. Nodes marked scopeless (embedded ops) add no entries: they are
// placed in the nearest scope the other names made.
import type { Graph } from '../graph/graph';
import { SpanTable } from '../graph/span-table';

export const ROOT_ENTRY = -1;
const SLASH = 47;

export interface ScopePaths {
  readonly table: SpanTable;
  /** Parent entry of each entry (ROOT_ENTRY for top-level scopes). */
  readonly entryParent: Int32Array;
  /** Entry of each node's parent path (ROOT_ENTRY at the top level). */
  readonly parentEntry: Int32Array;
  /** Entry equal to each node's own name (a node that is also a scope), or -1. */
  readonly selfEntry: Int32Array;
}

export function discoverScopes(graph: Graph, scopeless?: Uint8Array): ScopePaths {
  const { bytes, nameSpan } = graph.columns;
  const n = graph.nodeCount;
  const table = new SpanTable(bytes, Math.max(16, n >> 1));
  let entryParent = new Int32Array(Math.max(16, n >> 1));
  const parentEntry = new Int32Array(n);
  const selfEntry = new Int32Array(n);
  const lastSlash = (s: number, e: number): number => {
    for (let k = e - 1; k > s; k--) if (bytes[k] === SLASH) return k;
    return -1;
  };
  let prevStart = 0;
  let prevLength = -1;
  let prevEntry = ROOT_ENTRY;
  for (let i = 0; i < n; i++) {
    const s = nameSpan[2 * i] as number;
    const e = nameSpan[2 * i + 1] as number;
    let p = lastSlash(s, e);
    if (p < 0 || scopeless?.[i]) {
      parentEntry[i] = ROOT_ENTRY;
      continue;
    }
    // Siblings usually follow each other in graph order: compare with the previous node's parent
    // path before hashing.
    if (p - s === prevLength && sameBytes(bytes, s, prevStart, prevLength)) {
      parentEntry[i] = prevEntry;
      continue;
    }
    prevStart = s;
    prevLength = p - s;
    // Add the parent path and then its ancestors until one is already known.
    let child = -1;
    for (;;) {
      const before = table.count;
      const id = table.add(s, p, i);
      if (child >= 0) entryParent[child] = id;
      else parentEntry[i] = id;
      if (id < before) break;
      if (id >= entryParent.length) {
        const grown = new Int32Array(entryParent.length * 2);
        grown.set(entryParent);
        entryParent = grown;
      }
      child = id;
      p = lastSlash(s, p);
      if (p < 0) {
        entryParent[id] = ROOT_ENTRY;
        break;
      }
    }
    prevEntry = parentEntry[i] as number;
  }
  if (scopeless) {
    // Embedded ops come in runs under one parent path (`Mul_22/y`, `Mul_22/x`): reuse the last answer.
    let lastStart = 0;
    let lastLength = -1;
    let lastEntry = ROOT_ENTRY;
    for (let i = 0; i < n; i++) {
      if (!scopeless[i]) continue;
      const s = nameSpan[2 * i] as number;
      const p = lastSlash(s, nameSpan[2 * i + 1] as number);
      if (p < 0) continue;
      if (p - s !== lastLength || !sameBytes(bytes, s, lastStart, lastLength)) {
        lastStart = s;
        lastLength = p - s;
        lastEntry = nearestEntry(table, bytes, s, p + 1, lastSlash);
      }
      parentEntry[i] = lastEntry;
    }
  }
  if (graph.uniqueNames) {
    // Look each scope up among node names rather than each (longer) name among the scopes: there
    // are fewer scopes than nodes, the name index already exists for the edges, and both tables
    // hash bytes alike, so the scope's stored hash serves.
    selfEntry.fill(-1);
    for (let k = 0; k < table.count; k++) {
      const node = graph.indexOfBytes(bytes, table.starts[k] as number, table.ends[k] as number, table.hashes[k] as number);
      if (node >= 0) selfEntry[node] = k;
    }
  } else {
    for (let i = 0; i < n; i++) selfEntry[i] = table.find(bytes, nameSpan[2 * i] as number, nameSpan[2 * i + 1] as number);
  }
  return { table, entryParent, parentEntry, selfEntry };
}

/** The longest proper prefix of a name that is an entry (ROOT_ENTRY when none is). */
function nearestEntry(table: SpanTable, bytes: Uint8Array, s: number, e: number, lastSlash: (s: number, e: number) => number): number {
  for (let p = lastSlash(s, e); p > 0; p = lastSlash(s, p)) {
    const id = table.find(bytes, s, p);
    if (id >= 0) return id;
  }
  return ROOT_ENTRY;
}

function sameBytes(bytes: Uint8Array, a: number, b: number, len: number): boolean {
  for (let k = len - 1; k >= 0; k--) if (bytes[a + k] !== bytes[b + k]) return false;
  return true;
}
