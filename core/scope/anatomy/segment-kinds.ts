// The kind of each segment of a name's path (DESIGN.md §4, "Name anatomy"), from the canonical
// segments alone: where the variable part starts and ends, the name scope `get_variable` ignored
// before it, the per-variable scope after it, and the `tf.gradients` scope with the forward path it
// repeats. Pure: the caller supplies the set of variable homes and of variable names.

export type SegmentKind = 'outer' | 'variables' | 'variable' | 'ops' | 'gradients' | 'gradient-of';

export const SEGMENT_KINDS: readonly SegmentKind[] = ['outer', 'variables', 'variable', 'ops', 'gradients', 'gradient-of'];

const GRADIENTS = /^gradients(?:_\d+)?$/;

/** Homes (every prefix of one) and full names of the graph's variables, as root paths. */
export interface VariablePaths {
  readonly homes: ReadonlySet<string>;
  readonly names: ReadonlySet<string>;
}

export interface PathKinds {
  readonly kinds: SegmentKind[];
  /** Index of the first variable segment (`j`), or -1 without a variable part. */
  readonly first: number;
  /** Index of the last variable segment (`m`), or -1. */
  readonly last: number;
  /** Index of the `gradients` segment, or -1. */
  readonly gradients: number;
}

/**
 * Kinds of the segments `raw[i]` (as written) with canonical forms `canon[i]`. The first raw
 * segment matching `gradients(_N)?` is `gradients` and all after it `gradient-of`; the segments
 * before it (or all of them) get the variable-part rules: `variables` from the first `j` whose
 * canonical segment is a home, through the longest run `c_j/…/c_m` that is still a home; `outer`
 * before `j`; `variable` for segment m+1 when `c_j/…/c_m+1` names a variable; `ops` elsewhere.
 */
export function pathKinds(raw: readonly string[], canon: readonly string[], vars: VariablePaths): PathKinds {
  const k = raw.length;
  const kinds = new Array<SegmentKind>(k).fill('ops');
  let gradients = -1;
  for (let i = 0; i < k; i++) {
    if (GRADIENTS.test(raw[i] as string)) {
      gradients = i;
      break;
    }
  }
  const end = gradients < 0 ? k : gradients;
  if (gradients >= 0) {
    kinds[gradients] = 'gradients';
    for (let i = gradients + 1; i < k; i++) kinds[i] = 'gradient-of';
  }
  let first = -1;
  for (let i = 0; i < end; i++) {
    if (vars.homes.has(canon[i] as string)) {
      first = i;
      break;
    }
  }
  if (first < 0) return { kinds, first, last: -1, gradients };
  let path = canon[first] as string;
  let last = first;
  while (last + 1 < end && vars.homes.has(`${path}/${canon[last + 1] as string}`)) {
    last++;
    path = `${path}/${canon[last] as string}`;
  }
  for (let i = 0; i < first; i++) kinds[i] = 'outer';
  for (let i = first; i <= last; i++) kinds[i] = 'variables';
  if (last + 1 < end && vars.names.has(`${path}/${canon[last + 1] as string}`)) kinds[last + 1] = 'variable';
  return { kinds, first, last, gradients };
}
