// Builds large benchmark inputs: real corpus graphs tiled under distinct top-level scopes
// (`tile_0/...`, `tile_1/...`), or synthetic layered DAGs when the corpus is absent.
import { scopeview } from '../core/proto/generated/proto.js';
import type { Graph } from '../core/graph/graph';
import { parseInput } from '../core/graph/inputs';

type LazyNode = scopeview.lazy.ILazyNodeDef;

function renameInput(raw: string, prefix: string): string {
  const p = parseInput(raw);
  return `${p.control ? '^' : ''}${prefix}${raw.slice(p.control ? 1 : 0)}`;
}

/** Concatenates copies of `graphs` (cycling) under `tile_K/` scopes until `target` nodes; returns GraphDef bytes. */
export function tileGraphs(graphs: readonly LazyNode[][], target: number): Uint8Array {
  // Encoded tile by tile and concatenated: repeated GraphDef fields concatenate on the wire.
  const chunks: Uint8Array[] = [scopeview.lazy.LazyGraphDef.encode({ versions: { producer: 27 } }).finish()];
  let count = 0;
  for (let t = 0; count < target; t++) {
    const nodes = graphs[t % graphs.length] as LazyNode[];
    const prefix = `tile_${t}/`;
    const tile: LazyNode[] = [];
    for (const n of nodes) {
      if (count >= target) break;
      tile.push({ name: prefix + (n.name ?? ''), op: n.op ?? '', input: (n.input ?? []).map((i) => renameInput(i, prefix)), device: n.device ?? '', attr: n.attr ?? [] });
      count++;
    }
    chunks.push(scopeview.lazy.LazyGraphDef.encode({ node: tile }).finish());
  }
  const out = new Uint8Array(chunks.reduce((s, c) => s + c.length, 0));
  let pos = 0;
  for (const c of chunks) {
    out.set(c, pos);
    pos += c.length;
  }
  return out;
}

/** The nodes of a loaded graph as NodeDefs to re-encode (names, ops, inputs, devices, attribute bytes). */
export function lazyNodes(graph: Graph): LazyNode[] {
  return Array.from({ length: graph.nodeCount }, (_, i) => ({ ...graph.node(i), input: graph.inputs(i), attr: graph.attrEntries(i) }));
}

/** A node name or input with its first path component suffixed (`conv1/Conv2D` -> `conv1_copyB/Conv2D`, `x:1` -> `x_copyB:1`). */
function suffixFirst(name: string, suffix: string): string {
  const ends = [name.indexOf('/'), name.indexOf(':')].filter((i) => i >= 0);
  const end = ends.length > 0 ? Math.min(...ends) : name.length;
  return name.slice(0, end) + suffix + name.slice(end);
}

/**
 * Graphs side by side at one root: graph k > 0 suffixes every top-level name with `_<tag>B`,
 * `_<tag>C`, ... (letters, so no graph reads as a re-entered scope `x_1` or a numbered series), so
 * that the root holds every graph's top level while every scope keeps its real structure.
 */
export function unionAtRoot(graphs: readonly (readonly LazyNode[])[], tag: string): Uint8Array {
  const all: LazyNode[] = [];
  graphs.forEach((nodes, k) => {
    const suffix = k === 0 ? '' : `_${tag}${k < 26 ? String.fromCharCode(65 + k) : `Z${k}`}`;
    const rename = (raw: string): string => {
      const control = raw.startsWith('^');
      return (control ? '^' : '') + suffixFirst(control ? raw.slice(1) : raw, suffix);
    };
    for (const n of nodes) all.push({ name: rename(n.name ?? ''), op: n.op ?? '', input: (n.input ?? []).map(rename), device: n.device ?? '', attr: n.attr ?? [] });
  });
  return scopeview.lazy.LazyGraphDef.encode({ versions: { producer: 27 }, node: all }).finish();
}

/** `copies` copies of one graph side by side at its root (`_copyB`, `_copyC`, ...): multiplies the root's children. */
export const besideAtRoot = (nodes: readonly LazyNode[], copies: number): Uint8Array => unionAtRoot(Array.from({ length: copies }, () => nodes), 'copy');

/** A synthetic layered DAG: `layers` layers of `width` nodes, each reading 2 nodes of the layer below. */
export function syntheticDag(nodes: number, width: number, scoped: boolean): LazyNode[] {
  const out: LazyNode[] = [];
  for (let i = 0; i < nodes; i++) {
    const layer = Math.floor(i / width);
    const name = scoped ? `block_${Math.floor(layer / 10)}/layer_${layer}/op_${i}` : `op_${i}`;
    const inputs: string[] = [];
    if (layer > 0) {
      const below = (layer - 1) * width;
      inputs.push((out[below + ((i * 7) % width)] as LazyNode).name as string);
      inputs.push((out[below + ((i * 13 + 3) % width)] as LazyNode).name as string);
    }
    out.push({ name, op: layer === 0 ? 'Placeholder' : i % 3 === 0 ? 'MatMul' : 'Add', input: inputs, device: '', attr: [] });
  }
  return out;
}
