// The four matching passes in order (DESIGN.md §1.4): exact name; moved or re-uniquified name
// (suffix keys, then scope transfer); structure to a fixed point; leftovers. Each pass only pairs
// nodes the earlier ones left over.
import type { Graph } from '../graph/graph';
import type { Adjacency } from './adjacency';
import { keyOwners, uniquePairs, Matching, PASS_LEFTOVER, PASS_SCOPE } from './matching';
import { matchExactNames, matchMovedNames } from './name-match';
import { scopeTransferPairs } from './scope-transfer';
import { StructureMatcher } from './structure-match';

/** The scope of a node name: everything before its last '/', '' at the top level. */
export function scopeOf(name: string): string {
  const slash = name.lastIndexOf('/');
  return slash < 0 ? '' : name.slice(0, slash);
}

/**
 * Pass 4, leftovers, in steps, each followed by structural propagation from its pairs:
 * (a) scope transfer again, now that structure has matched more of each renamed scope;
 * (b) key = scope + op: the only unmatched node of that op in that scope on each side (a node
 *     renamed in place: `s/foo` Relu → `s/bar` Relu);
 * (c) key = op: the only unmatched node of that op in the whole graph on each side.
 * Anything still unmatched is removed (A) or added (B).
 */
const LEFTOVER_KEYS: readonly ((g: Graph, i: number) => string)[] = [
  (g, i) => `${scopeOf(g.name(i))}\u0000${g.op(i)}`,
  (g, i) => g.op(i),
];

export function matchGraphs(a: Graph, adjA: Adjacency, b: Graph, adjB: Adjacency): Matching {
  const m = new Matching(a.nodeCount, b.nodeCount);
  matchExactNames(a, b, m);
  if (!unmatchedOnBothSides(m)) return m;
  matchMovedNames(a, b, m);
  for (const [i, j] of scopeTransferPairs(a, b, m)) m.link(i, j, PASS_SCOPE);
  if (!unmatchedOnBothSides(m)) return m;
  const structure = new StructureMatcher(a, adjA, b, adjB, m);
  structure.propagate();
  structure.linkAll(scopeTransferPairs(a, b, m), PASS_SCOPE);
  structure.propagate();
  for (const keyOf of LEFTOVER_KEYS) {
    const ownersA = keyOwners(m.unmatched('a'), (i) => keyOf(a, i));
    const ownersB = keyOwners(m.unmatched('b'), (j) => keyOf(b, j));
    structure.linkAll(uniquePairs(ownersA, ownersB), PASS_LEFTOVER);
    structure.propagate();
  }
  return m;
}

function unmatchedOnBothSides(m: Matching): boolean {
  return m.a.includes(-1) && m.b.includes(-1);
}
