// The node correspondence that the matching passes build up: who matched whom, by which pass,
// and the "unique on both sides" pairing rule that every name-based pass relies on.

export const PASS_NONE = 0;
export const PASS_NAME = 1;
export const PASS_SCOPE = 2;
export const PASS_STRUCTURE = 3;
export const PASS_LEFTOVER = 4;
export type PassCode = typeof PASS_NONE | typeof PASS_NAME | typeof PASS_SCOPE | typeof PASS_STRUCTURE | typeof PASS_LEFTOVER;
/** Names of the pass codes, for inspectors and tests. */
export const PASS_NAMES = ['none', 'name', 'scope', 'structure', 'leftover'] as const;
export type MatchPass = (typeof PASS_NAMES)[number];

export class Matching {
  /** B index matched to each A node, or -1. */
  readonly a: Int32Array;
  /** A index matched to each B node, or -1. */
  readonly b: Int32Array;
  /** The pass that matched each A node (PASS_NONE when unmatched); passB likewise. */
  readonly passA: Uint8Array;
  readonly passB: Uint8Array;

  constructor(countA: number, countB: number) {
    this.a = new Int32Array(countA).fill(-1);
    this.b = new Int32Array(countB).fill(-1);
    this.passA = new Uint8Array(countA);
    this.passB = new Uint8Array(countB);
  }

  link(i: number, j: number, pass: PassCode): void {
    if (this.a[i] !== -1 || this.b[j] !== -1) throw new Error(`diff: node ${i} or ${j} matched twice`);
    this.a[i] = j;
    this.b[j] = i;
    this.passA[i] = pass;
    this.passB[j] = pass;
  }

  /** Unmatched indices of one side, ascending. */
  unmatched(side: 'a' | 'b'): number[] {
    const m = side === 'a' ? this.a : this.b;
    const out: number[] = [];
    for (let i = 0; i < m.length; i++) if (m[i] === -1) out.push(i);
    return out;
  }
}

const AMBIGUOUS = -1;

/** key → the one node holding it, or AMBIGUOUS; nodes whose key is null are left out. */
export function keyOwners(nodes: readonly number[], keyOf: (i: number) => string | null): Map<string, number> {
  const owners = new Map<string, number>();
  for (const i of nodes) {
    const k = keyOf(i);
    if (k === null) continue;
    owners.set(k, owners.has(k) ? AMBIGUOUS : i);
  }
  return owners;
}

/**
 * Pairs the nodes whose key is held by exactly one node on each side. Pairs from distinct keys
 * are disjoint, so the result does not depend on iteration order, and swapping the sides mirrors it.
 */
export function uniquePairs(ownersA: ReadonlyMap<string, number>, ownersB: ReadonlyMap<string, number>): [number, number][] {
  const out: [number, number][] = [];
  for (const [k, i] of ownersA) {
    if (i === AMBIGUOUS) continue;
    const j = ownersB.get(k);
    if (j !== undefined && j !== AMBIGUOUS) out.push([i, j]);
  }
  return out;
}
