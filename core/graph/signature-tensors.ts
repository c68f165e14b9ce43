// Where a SavedModel / MetaGraph signature's tensors live in the graph: `x:0` names output 0 of
// node `x`. A name that is no node of the graph (a broken export) maps to nothing, never to a
// similar-looking node.
import type { Graph } from './graph';

export interface TensorRef {
  /** Graph node index, -1 when the graph has no node of that name. */
  readonly node: number;
  readonly slot: number;
}

/** Splits `name:slot` (slot 0 when absent; `^x` control names are not tensors and map to nothing). */
export function parseTensorName(tensor: string): { name: string; slot: number } | null {
  if (tensor === '' || tensor.startsWith('^')) return null;
  const colon = tensor.lastIndexOf(':');
  if (colon < 0) return { name: tensor, slot: 0 };
  const slot = Number(tensor.slice(colon + 1));
  return Number.isInteger(slot) && slot >= 0 && tensor.slice(colon + 1) !== '' ? { name: tensor.slice(0, colon), slot } : null;
}

export function tensorNode(g: Graph, tensor: string): TensorRef {
  const parsed = parseTensorName(tensor);
  if (!parsed) return { node: -1, slot: 0 };
  return { node: g.indexOf(parsed.name), slot: parsed.slot };
}
