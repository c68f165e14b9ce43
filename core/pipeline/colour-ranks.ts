// Colour ranks: each category of a colouring mode (a structure template, an op type, a device, an
// XLA cluster) gets a rank within the whole graph, most common first, ties by name. The canvas
// colours a category by its rank, so a graph always gets the same colours, whatever was opened
// before and whichever scopes are open, and the graph's most common categories get distinct ones.
import type { Templates } from '../scope/templates';
import type { CategoricalMode } from './scene';

/** Ranks of the keys of `counts`: by count, descending, then by name. */
export function rankByCount(counts: Iterable<readonly [string, number]>): Map<string, number> {
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return new Map(sorted.map(([k], i) => [k, i]));
}

const templateCache = new WeakMap<Templates, Map<string, number>>();

/** Ranks of the templates shared by two scopes or more (the others are never coloured). */
export function templateRanks(t: Templates): Map<string, number> {
  let ranks = templateCache.get(t);
  if (!ranks) {
    ranks = rankByCount([...t.sizes].filter(([, n]) => n > 1));
    templateCache.set(t, ranks);
  }
  return ranks;
}

/** Per mode, the rank of each entry of a scene's table (-1 when the graph-wide ranks lack it). */
export function tableRanks<M extends CategoricalMode>(tables: Readonly<Record<M, readonly string[]>>, ranks: Readonly<Record<M, ReadonlyMap<string, number>>>): Record<M, Int32Array> {
  const modes = Object.keys(tables) as M[];
  return Object.fromEntries(modes.map((m) => [m, Int32Array.from(tables[m], (name) => ranks[m].get(name) ?? -1)])) as Record<M, Int32Array>;
}
