// The order of search results: what a user searching "conv" looks for first. Scopes named after the
// text come first, then ops whose own name holds it, then ops whose type does, then ops that match
// only through a scope they sit in; constants and initializer plumbing (`…/Initializer/…`,
// `…/initial_value`) come last, however they matched. Graph order within each rank.

export const RANK_SCOPE = 0;
export const RANK_LEAF = 1;
export const RANK_OP_TYPE = 2;
export const RANK_IN_SCOPE = 3;
export const RANK_PLUMBING = 4;
const RANKS = 5;

/** Directory segments (lowercase) whose ops are initializer plumbing. */
export const PLUMBING_SEGMENTS: ReadonlySet<string> = new Set(['initializer', 'initial_value']);

/** Const-like op types, as the hierarchy embeds them (any type containing `Const`). */
export const isConstLike = (op: string): boolean => op.includes('Const');

/**
 * Rank of a node hit. `named`: bit 1 the name matched in a directory segment, bit 2 in the leaf;
 * `byOp`: the op type matched; `plumbing`: a Const-like op or under a plumbing segment.
 */
export function rankOf(named: number, byOp: boolean, plumbing: boolean): number {
  if (plumbing) return RANK_PLUMBING;
  if (named & 2) return RANK_LEAF;
  if (byOp) return RANK_OP_TYPE;
  return RANK_IN_SCOPE;
}

/** Keeps the first `limit` items of each rank and counts all, then reads them out in rank order. */
export class RankedPage {
  private readonly buckets: number[][] = Array.from({ length: RANKS }, () => []);
  total = 0;

  constructor(private readonly limit: number) {}

  add(item: number, rank: number): void {
    this.total++;
    const b = this.buckets[rank] as number[];
    if (b.length < this.limit) b.push(item);
  }

  /** Items of rank `rank`, as kept. */
  of(rank: number): readonly number[] {
    return this.buckets[rank] as number[];
  }

  /** The first `limit` items in rank order, with their ranks. */
  page(): { items: number[]; ranks: number[] } {
    const items: number[] = [];
    const ranks: number[] = [];
    for (let r = 0; r < RANKS && items.length < this.limit; r++) {
      for (const item of this.buckets[r] as number[]) {
        if (items.length >= this.limit) break;
        items.push(item);
        ranks.push(r);
      }
    }
    return { items, ranks };
  }
}
