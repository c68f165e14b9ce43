// Per-scope roll-up: every '/'-prefix and the root count the statuses of the nodes below them, on
// each side; an op named like a scope counts inside it, as TensorBoard draws it.
import { describe, expect, it } from 'vitest';
import { makeGraph } from '../test-support/graphs';
import { diffGraphs } from './diff';
import { countStatuses, rollupScopes } from './rollup';
import { STATUS_ADDED, STATUS_MOVED, STATUS_SAME } from './classify';

const zero = { same: 0, attrChanged: 0, moved: 0, renamed: 0, added: 0, removed: 0 };

describe('rollupScopes', () => {
  it('counts every node in the root and each of its scopes, a strict-name op in its own scope', () => {
    const g = makeGraph([['w', 'VariableV2'], ['w/read', 'Identity', ['w']], ['s/t/x', 'Relu'], ['s/y', 'Relu'], ['z', 'NoOp']]);
    const r = rollupScopes(g, Uint8Array.of(STATUS_SAME, STATUS_SAME, STATUS_MOVED, STATUS_ADDED, STATUS_SAME));
    expect(Object.fromEntries(r)).toEqual({
      '': { ...zero, same: 3, moved: 1, added: 1 },
      w: { ...zero, same: 2 },
      s: { ...zero, moved: 1, added: 1 },
      's/t': { ...zero, moved: 1 },
    });
  });

  it('has the hierarchy\'s scopes: names under which only embedded ops live make none', () => {
    const g = makeGraph([['Mul_22/y', 'Const'], ['Mul_22', 'Mul', ['x', 'Mul_22/y']], ['x', 'Placeholder'], ['s/k/c', 'Const'], ['s/op', 'Neg', ['s/k/c']]]);
    const r = rollupScopes(g, Uint8Array.of(STATUS_ADDED, STATUS_SAME, STATUS_SAME, STATUS_ADDED, STATUS_SAME));
    expect(Object.fromEntries(r)).toEqual({
      '': { ...zero, same: 3, added: 2 },
      // s/k/c counts in the nearest scope on its path.
      s: { ...zero, same: 1, added: 1 },
    });
  });

  it('gives each side of a diff its own scopes', () => {
    const a = makeGraph([['scope_vars/a', 'VariableV2'], ['scope_vars/b', 'VariableV2'], ['x', 'Placeholder']]);
    const b = makeGraph([['scope_name/a', 'VariableV2'], ['b', 'VariableV2'], ['x', 'Placeholder'], ['y', 'Placeholder']]);
    const d = diffGraphs(a, b);
    expect(d.a.rollup.get('scope_vars')).toEqual({ ...zero, moved: 2 });
    expect(d.b.rollup.get('scope_name')).toEqual({ ...zero, moved: 1 });
    expect(d.b.rollup.get('')).toEqual({ ...zero, same: 1, moved: 2, added: 1 });
    expect(d.a.rollup.get('')).toEqual(countStatuses(d.a.status));
  });
});
