// The Scopes panel's variable report (DESIGN.md 1.3): each variable's scope, its readers' scopes,
// whether it sits outside them (get_variable under name_scope), whether it is shared across scopes
// (reuse=True), each flag's reason in words, its uniquified twins, and the sibling scopes split by
// re-entry. The flags follow how TensorFlow makes names (DESIGN.md §4, "Scope analysis").
import type { Graph } from '../../graph/graph';
import { CanonicalScopes, withinPath, type ScopeInstance } from './scope-instances';
import { ScopeNames } from '../scope-names';
import { variableReads } from './variable-readers';
import { reentryGroups, uniquifiedTwins } from '../uniquified-names';
import { outsideReason, sharedReason } from './variable-reasons';
import { reentryBookkeeping, variableBookkeeping, type BookkeepingKind } from './bookkeeping';

export interface VariableReport {
  name: string;
  op: string;
  scope: string;
  readerScopes: string[];
  /**
   * A captured resource handle (TF2): a Placeholder or _Arg feeding a ReadVariableOp, named after
   * its first reader. It was made outside this graph, so its name says nothing about scopes.
   */
  captured: boolean;
  outsideReaderScopes: boolean;
  shared: boolean;
  /** One sentence per flag that is set, naming the scopes. */
  reasons: string[];
  twins: string[];
  /** TensorFlow's own bookkeeping (bookkeeping.ts), or null for the user's variable. */
  bookkeeping: BookkeepingKind | null;
  /** For an optimizer slot, the variable it belongs to. */
  slotOf: string | null;
}

export interface ScopesReport {
  variables: VariableReport[];
  reentrySiblings: string[][];
  /** Per group of reentrySiblings: the bookkeeping it holds (`kernel/Adam`, `AssignMovingAvg`), or null for a real re-entry. */
  reentryBookkeeping: (BookkeepingKind | null)[];
}

/**
 * The variable report of one graph, linear in nodes + edges.
 *
 * - **Variables**: nodes whose op is VariableV2, Variable, VarHandleOp or AutoReloadVariable, plus
 *   the node feeding input 0 (the resource handle) of every ReadVariableOp or VariableShape, looked
 *   for through Identity chains (TF2 function graphs receive variables as resource Placeholders or
 *   _Args). Listed in graph order.
 * - **scope**: the name up to its last '/' ('' at the root).
 * - **Readers**: the ops using the value. From the variable, follow non-control edges; an Identity
 *   (TF1 `read`, or any chain of them) or a ReadVariableOp reached on input 0 passes the value on and
 *   is followed, not counted; a walk never enters another variable. Excluded, with whatever they feed:
 *   writes taking the variable itself (Assign, AssignAdd, AssignSub, Assign{,Add,Sub}VariableOp,
 *   (Resource)StridedSliceAssign, and every (Resource)(Sparse)Apply* / (Resource)Scatter* op: their
 *   ref and resource inputs; a value read through `read` into a write, i.e. a copy, still counts);
 *   IsVariableInitialized, VarIsInitializedOp; SaveV2, Save, SaveSlices, RestoreV2, Restore,
 *   RestoreSlice; summaries (op types ending in `Summary`: they observe a value, and the hierarchy
 *   embeds them into it); and any op whose scope has a component `save`, `save_N`, `gradients`,
 *   `gradients_N`, `gradient_tape` (TF2), `Regularizer` (weight decay) or
 *   `report_uninitialized_variables*`. These touch every variable, so counting them would make
 *   every variable look shared.
 * - **readerScopes**: the sorted distinct scopes of the readers.
 * - **captured**: a Placeholder or _Arg found through a ReadVariableOp / VariableShape (a TF2
 *   captured handle, named after its first reader): never outsideReaderScopes nor shared, and it
 *   adds no home to the name anatomy.
 * - **Canonical paths and instances** (scope-instances.ts): a path's canonical form drops the `_N`
 *   of every segment whose base is a sibling scope; reader scope R is an instance of the variable's
 *   scope S when canonical(R) is P/canonical(S) or inside it, for a name-scope prefix P (maybe '').
 * - **outsideReaderScopes** (get_variable under name_scope): at least one reader, and none whose
 *   canonical scope lies within canonical(S) (S itself or a re-entry of it). A root variable is
 *   outside any non-root reader (`b` read by `scope_name/res/mul`, `vs/v1` by `ns/vs/add`).
 * - **shared** (reuse=True): two or more distinct instances of S read it (`discriminator/conv` and
 *   `discriminator_1/conv`; `real_discriminator/discriminator` and `fake_discriminator/discriminator`),
 *   or one instance that is a re-entry of S holding no variable of the same name itself (`V1_1`
 *   for `V1/a1` with no `V1_1/a1`). Readers that are no instance of S (weight decay, moving
 *   averages, losses and metrics at the root) never count; a root variable is never shared.
 * - **twins**: the other variables with the same parent scope whose leaf is `base` or `base_N`
 *   where variable `base` exists (`a2`, `a2_1`); sorted.
 * - **reentrySiblings**: for every scope `p/s` (a '/'-prefix of an op that is not embedded) with sibling
 *   scopes `p/s_N`, the group `[p/s, p/s_1, p/s_2, ...]` (suffixes ascending); groups sorted.
 */
export function analyzeVariables(graph: Graph): ScopesReport {
  const scopes = new ScopeNames(graph);
  const canon = new CanonicalScopes(scopes);
  const reads = variableReads(graph, scopes);
  const names = Array.from(reads.variables, (v) => graph.name(v));
  const twins = uniquifiedTwins(names);
  const kinds = variableBookkeeping(names);
  const variables = Array.from(reads.variables, (v, k): VariableReport => {
    const name = names[k] as string;
    const scope = scopes.scopeOf(v);
    const canonS = canon.canonical(scopes.entryOf(v));
    const entries = reads.readerScopes(k);
    const readerScopes = Array.from(entries, (e) => scopes.name(e));
    if (readerScopes.length > 1) readerScopes.sort();
    const captured = reads.captured[k] === 1;
    const outside = !captured && entries.length > 0 && !Array.from(entries).some((e) => withinPath(canon.canonical(e), canonS));
    const instances = new Map<string, ScopeInstance>();
    if (scope !== '' && !captured) {
      for (const e of entries) {
        const found = canon.instanceIn(e, canonS);
        if (found) instances.set(found.instance, found);
      }
    }
    const only = instances.size === 1 ? (instances.values().next().value as ScopeInstance) : null;
    const reentered = only !== null && only.local !== scope && graph.indexOf(`${only.instance}${name.slice(scope.length)}`) < 0;
    const shared = instances.size >= 2 || reentered;
    const reasons: string[] = [];
    if (outside) reasons.push(outsideReason(name, scope, readerScopes, [...instances.values()]));
    if (shared) reasons.push(sharedReason(scope, [...instances.values()]));
    return { name, op: graph.op(v), scope, readerScopes, captured, outsideReaderScopes: outside, shared, reasons, twins: twins[k] as string[], bookkeeping: kinds[k]?.kind ?? null, slotOf: kinds[k]?.slotOf ?? null };
  });
  const reentrySiblings = reentryGroups(scopes);
  return { variables, reentrySiblings, reentryBookkeeping: reentryBookkeeping(graph, scopes, reentrySiblings, reads.variables, kinds) };
}
