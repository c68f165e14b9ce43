// The Scopes panel's variable report (DESIGN.md 1.3): each variable's scope, its readers' scopes,
// whether it sits outside them (get_variable under name_scope), whether it is shared across scopes
// (reuse=True), its uniquified twins, and the sibling scopes split by re-entry.
import type { Graph } from '../graph/graph';
import { ScopeNames } from './scope-names';
import { variableReads } from './variable-readers';
import { reentryGroups, uniquifiedTwins } from './uniquified-names';

export interface VariableReport {
  name: string;
  op: string;
  scope: string;
  readerScopes: string[];
  outsideReaderScopes: boolean;
  shared: boolean;
  twins: string[];
}

export interface ScopesReport {
  variables: VariableReport[];
  reentrySiblings: string[][];
}

/** `s` equals `scope` or lies inside it. The root is a place of its own, not everyone's ancestor. */
function within(s: string, scope: string): boolean {
  if (s.length === scope.length) return s === scope;
  return scope !== '' && s.length > scope.length && s.charCodeAt(scope.length) === 47 && s.startsWith(scope);
}

function isOutside(scope: string, readerScopes: readonly string[]): boolean {
  if (readerScopes.length === 0 || readerScopes.includes('')) return false;
  if (scope === '') return true;
  const slash = scope.indexOf('/');
  const head = slash < 0 ? scope : scope.slice(0, slash);
  return readerScopes.every((s) => !within(s, head));
}

/**
 * Home (the variable's scope and everything inside it) counts as one place; of the other reader
 * scopes, only those without an ancestor among them. readerScopes is sorted, so an ancestor comes
 * before its descendants, and every scope between them lies inside it too: comparing with the first
 * kept outside scope is enough to find a second one.
 */
function isShared(scope: string, readerScopes: readonly string[]): boolean {
  let home = false;
  let outside: string | null = null;
  for (const s of readerScopes) {
    if (within(s, scope)) home = true;
    else if (outside === null) outside = s;
    else if (!within(s, outside)) return true;
    if (home && outside !== null) return true;
  }
  return false;
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
 * - **outsideReaderScopes**: at least one reader, no reader at the root, and the variable's scope
 *   shares no leading component with any reader scope (a root variable shares none): get_variable
 *   under name_scope (`b` read by `scope_name/res/mul`, `vs/v1` read by `ns/vs/add`).
 * - **shared** (reuse=True): map each reader scope equal to or inside the variable's scope to
 *   "home", keep the others; drop every scope with an ancestor in the set (the root is nobody's
 *   ancestor); shared iff 2 or more remain (`layer/w` read from `layer` and `layer_1`, or from
 *   `real_discriminator` and `fake_discriminator`).
 * - **twins**: the other variables with the same parent scope whose leaf is `base` or `base_N`
 *   where variable `base` exists (`a2`, `a2_1`); sorted.
 * - **reentrySiblings**: for every scope `p/s` (a proper '/'-prefix of a node name) with sibling
 *   scopes `p/s_N`, the group `[p/s, p/s_1, p/s_2, ...]` (suffixes ascending); groups sorted.
 */
export function analyzeVariables(graph: Graph): ScopesReport {
  const scopes = new ScopeNames(graph);
  const reads = variableReads(graph, scopes);
  const names = Array.from(reads.variables, (v) => graph.name(v));
  const twins = uniquifiedTwins(names);
  const variables = Array.from(reads.variables, (v, k): VariableReport => {
    const scope = scopes.scopeOf(v);
    const readerScopes = Array.from(reads.readerScopes(k), (e) => scopes.name(e));
    if (readerScopes.length > 1) readerScopes.sort();
    return {
      name: names[k] as string,
      op: graph.op(v),
      scope,
      readerScopes,
      outsideReaderScopes: isOutside(scope, readerScopes),
      shared: isShared(scope, readerScopes),
      twins: twins[k] as string[],
    };
  });
  return { variables, reentrySiblings: reentryGroups(scopes) };
}
