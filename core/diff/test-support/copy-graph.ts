// Test and benchmark helper: re-encodes a Graph as GraphDef bytes with edits (renamed or dropped
// nodes, replaced attributes, extra nodes) and reads it back, so diffs run on real decoded graphs.
// Renaming applies to the node, to every input naming it and to `_class` colocation entries, as
// TensorFlow itself would write the renamed graph.
import { attrEntryKey } from '../../graph/attrs';
import type { Graph } from '../../graph/graph';
import { parseInput } from '../../graph/inputs';
import { scopeview } from '../../proto/generated/proto.js';
import { readGraphDef } from '../../io/graph-def-reader';

export type LazyNode = scopeview.lazy.ILazyNodeDef;

export interface CopyEdits {
  /** New name of node i (default: unchanged); null drops the node (inputs naming it dangle). */
  readonly rename?: (name: string, i: number) => string | null;
  /** Replaces node i's encoded AttrEntry messages (after `_class` renaming). */
  readonly attrs?: (i: number, entries: Uint8Array[]) => Uint8Array[];
  /** Nodes appended after the copied ones. */
  readonly extra?: readonly LazyNode[];
}

const utf8 = new TextDecoder();
const encoder = new TextEncoder();

function renameClass(entry: Uint8Array, renamed: (name: string) => string): Uint8Array {
  if (attrEntryKey(entry) !== '_class') return entry;
  const e = scopeview.lazy.AttrEntry.decode(entry);
  if (!e.value?.list?.s) return entry;
  const s = e.value.list.s.map((raw) => {
    const v = utf8.decode(raw);
    return encoder.encode(v.startsWith('loc:@') ? `loc:@${renamed(v.slice(5))}` : v);
  });
  return scopeview.lazy.AttrEntry.encode({ key: e.key, value: { list: { s } } }).finish();
}

export function copyGraphDef(g: Graph, edits: CopyEdits = {}): Uint8Array {
  const names = new Map<string, string | null>();
  for (let i = 0; i < g.nodeCount; i++) names.set(g.name(i), edits.rename ? edits.rename(g.name(i), i) : g.name(i));
  const renamed = (name: string): string => names.get(name) ?? name;
  const node: LazyNode[] = [];
  for (let i = 0; i < g.nodeCount; i++) {
    const name = names.get(g.name(i));
    if (name === null || name === undefined) continue;
    const input = g.inputs(i).map((raw) => {
      const p = parseInput(raw);
      const at = p.control ? 1 : 0;
      return `${raw.slice(0, at)}${renamed(p.node)}${raw.slice(at + p.node.length)}`;
    });
    let attr = g.attrEntries(i).map((e) => renameClass(e, renamed));
    if (edits.attrs) attr = edits.attrs(i, attr);
    node.push({ name, op: g.op(i), device: g.device(i), input, attr });
  }
  node.push(...(edits.extra ?? []));
  return scopeview.lazy.LazyGraphDef.encode({ node, versions: { producer: g.versions?.producer ?? 0 } }).finish();
}

export function copyGraph(g: Graph, edits: CopyEdits = {}): Graph {
  return readGraphDef(copyGraphDef(g, edits), 'copy.pb');
}
