// TensorFlow's bookkeeping in the variable report: optimizer slots and state, moving averages,
// gradients and save/restore. TensorFlow names these on purpose the way a user's mistakes would look
// (`kernel/Adam` and `kernel/Adam_1` are "twins", `AssignMovingAvg_1` a "re-entry"), so the Scopes
// panel folds them into one counted group and keeps the real findings first.
import type { Graph } from '../../graph/graph';
import { ROOT_SCOPE, type ScopeNames } from '../scope-names';

export type BookkeepingKind = 'optimizer-slot' | 'optimizer-state' | 'moving-average' | 'gradients' | 'save-restore';

export const BOOKKEEPING_KINDS: readonly BookkeepingKind[] = ['optimizer-slot', 'optimizer-state', 'moving-average', 'gradients', 'save-restore'];

/** Scope segments TensorFlow opens for its own machinery (the scope and everything inside it). */
const SEGMENT_KINDS: readonly (readonly [RegExp, BookkeepingKind])[] = [
  [/^(ExponentialMovingAverage|AssignMovingAvg)(_\d+)?$/, 'moving-average'],
  [/^(gradients(_\d+)?|gradient_tape)$/, 'gradients'],
  [/^save(_\d+)?$/, 'save-restore'],
];

/** Optimizer variables that belong to no one variable: Adam's power accumulators, the step counter. */
const OPTIMIZER_STATE = /^(beta1_power|beta2_power|global_step)(_\d+)?$/;

function segmentKind(segment: string): BookkeepingKind | null {
  for (const [re, kind] of SEGMENT_KINDS) if (re.test(segment)) return kind;
  return null;
}

export interface VariableBookkeeping {
  kind: BookkeepingKind | null;
  /** For an optimizer slot, the variable it belongs to (`…/kernel` for `…/kernel/Adam`). */
  slotOf: string | null;
}

/**
 * The variable an optimizer slot belongs to: its home (name without leaf) is a variable
 * (`…/kernel/Adam`, `…/kernel/Momentum`, `…/kernel/RMSProp_1`), or ends with `/V` for a variable V
 * (Keras optimizers: `Adam/dense/kernel/m`, `training/Adam/dense/kernel/v`). Null otherwise.
 */
function slotOwner(name: string, variables: ReadonlySet<string>): string | null {
  const home = name.slice(0, Math.max(0, name.lastIndexOf('/')));
  if (home === '') return null;
  if (variables.has(home)) return home;
  for (let at = home.indexOf('/'); at >= 0; at = home.indexOf('/', at + 1)) {
    const tail = home.slice(at + 1);
    if (variables.has(tail)) return tail;
  }
  return null;
}

/**
 * Each variable's bookkeeping kind, by position in `names`. A name with a segment TensorFlow opens
 * for itself (`ExponentialMovingAverage`, `AssignMovingAvg_N`, `gradients_N`, `save_N`) takes that
 * segment's kind; otherwise a slot of another variable is `optimizer-slot`; `beta1_power`,
 * `beta2_power` and `global_step` are `optimizer-state`; everything else is the user's (null).
 */
export function variableBookkeeping(names: readonly string[]): VariableBookkeeping[] {
  const set = new Set(names);
  return names.map((name) => {
    const segments = name.split('/');
    for (const s of segments) {
      const kind = segmentKind(s);
      if (kind) return { kind, slotOf: null };
    }
    const owner = slotOwner(name, set);
    if (owner !== null) return { kind: 'optimizer-slot', slotOf: owner };
    if (OPTIMIZER_STATE.test(segments[segments.length - 1] as string)) return { kind: 'optimizer-state', slotOf: null };
    return { kind: null, slotOf: null };
  });
}

/**
 * The bookkeeping kind of each re-entry group (by position in `groups`), or null for a real one. A
 * group is bookkeeping when every op under each of its scopes is: the op is a bookkeeping variable,
 * or one of its enclosing scopes is a bookkeeping variable's name (`kernel/Adam/Assign`) or a
 * bookkeeping segment (`AssignMovingAvg_1/sub`). One pass over the nodes, each scope marked once.
 */
export function reentryBookkeeping(
  graph: Graph,
  scopes: ScopeNames,
  groups: readonly (readonly string[])[],
  variables: ArrayLike<number>,
  kinds: readonly VariableBookkeeping[],
): (BookkeepingKind | null)[] {
  if (groups.length === 0) return [];
  const byName = new Map<string, BookkeepingKind>();
  const nodeKind = new Map<number, BookkeepingKind>();
  for (let k = 0; k < variables.length; k++) {
    const kind = kinds[k]?.kind;
    if (!kind) continue;
    byName.set(graph.name(variables[k] as number), kind);
    nodeKind.set(variables[k] as number, kind);
  }
  // Scope kinds, parents first (memoised): a bookkeeping variable's own scope, a bookkeeping segment, or inherited.
  const UNSET = 255;
  const NONE = 254;
  const scopeKind = new Uint8Array(scopes.count).fill(UNSET);
  const kindOf = (entry: number): BookkeepingKind | null => {
    if (entry === ROOT_SCOPE) return null;
    const cached = scopeKind[entry] as number;
    if (cached !== UNSET) return cached === NONE ? null : (BOOKKEEPING_KINDS[cached] as BookkeepingKind);
    const path = scopes.name(entry);
    const own = byName.get(path) ?? segmentKind(path.slice(path.lastIndexOf('/') + 1)) ?? kindOf(scopes.parentOf(entry));
    scopeKind[entry] = own === null ? NONE : BOOKKEEPING_KINDS.indexOf(own);
    return own;
  };
  // A scope holds a real op when any op below it is not bookkeeping; marking stops at a marked scope.
  const real = new Uint8Array(scopes.count);
  for (let i = 0; i < graph.nodeCount; i++) {
    const entry = scopes.entryOf(i);
    if (nodeKind.has(i) || kindOf(entry) !== null) continue;
    for (let e = entry; e !== ROOT_SCOPE && real[e] === 0; e = scopes.parentOf(e)) real[e] = 1;
  }
  const entries = scopeEntries(scopes, groups);
  return groups.map((g) => {
    let kind: BookkeepingKind | null = null;
    for (const path of g) {
      const e = entries.get(path);
      if (e === undefined || real[e] === 1) return null;
      kind ??= kindOf(e) ?? firstKindBelow(scopes, e, nodeKind);
    }
    return kind;
  });
}

/** The scope entries of the groups' paths. */
function scopeEntries(scopes: ScopeNames, groups: readonly (readonly string[])[]): Map<string, number> {
  const wanted = new Set(groups.flat());
  const out = new Map<string, number>();
  for (let e = 0; e < scopes.count && out.size < wanted.size; e++) {
    const name = scopes.name(e);
    if (wanted.has(name)) out.set(name, e);
  }
  return out;
}

/** The kind of a bookkeeping variable directly inside `entry` (`Mean/ExponentialMovingAverage` in `Mean`). */
function firstKindBelow(scopes: ScopeNames, entry: number, nodeKind: ReadonlyMap<number, BookkeepingKind>): BookkeepingKind | null {
  for (const [node, kind] of nodeKind) {
    for (let e = scopes.entryOf(node); e !== ROOT_SCOPE; e = scopes.parentOf(e)) if (e === entry) return kind;
  }
  return null;
}
