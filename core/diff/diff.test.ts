// The seed examples of DESIGN.md §4 as generated in fixtures/ by the project's TF1 naming model:
// variable_scope versus name_scope shows only moves (b out of the scope, the rest between the two
// scopes), and reuse=True versus no reuse shows the duplicated variables as added.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Graph } from '../graph/graph';
import { readGraphDef } from '../io/graph-def-reader';
import { diffGraphs, listChanges, PASS_NAMES } from './diff';

const FIXTURES = join(import.meta.dirname, '../../fixtures/generated');

function fixture(name: string): Graph {
  return readGraphDef(new Uint8Array(readFileSync(join(FIXTURES, `${name}.pb`))), `${name}.pb`);
}

describe('seed scoping example: variable_scope (A) against name_scope (B)', () => {
  const a = fixture('scoping-variable-scope');
  const b = fixture('scoping-name-scope');
  const diff = diffGraphs(a, b);

  it('reports exactly the moves: b out of the scope, a, c and res between scope_vars and scope_name', () => {
    const moved = (from: string, to: string, op: string): object => ({ status: 'moved', a: from, b: to, op, attrs: [] });
    expect(listChanges(diff, a, b)).toEqual([
      moved('scope_vars/a/initial_value', 'scope_name/a/initial_value', 'Const'),
      moved('scope_vars/a', 'scope_name/a', 'VariableV2'),
      moved('scope_vars/a/Assign', 'scope_name/a/Assign', 'Assign'),
      moved('scope_vars/a/read', 'scope_name/a/read', 'Identity'),
      moved('scope_vars/b/initial_value', 'b/initial_value', 'Const'),
      moved('scope_vars/b', 'b', 'VariableV2'),
      moved('scope_vars/b/Assign', 'b/Assign', 'Assign'),
      moved('scope_vars/b/read', 'b/read', 'Identity'),
      moved('scope_vars/c', 'scope_name/c', 'Const'),
      moved('scope_vars/res/mul', 'scope_name/res/mul', 'Mul'),
      moved('scope_vars/res/res', 'scope_name/res/res', 'Add'),
    ]);
    expect(diff.summary).toEqual({ same: 0, attrChanged: 0, moved: 11, renamed: 0, added: 0, removed: 0 });
  });

  it('finds every pair by name (pass 2), and rolls the moves up on both sides', () => {
    expect(new Set([...diff.a.pass].map((p) => PASS_NAMES[p]))).toEqual(new Set(['scope']));
    expect(diff.a.rollup.get('scope_vars')?.moved).toBe(11);
    expect([diff.b.rollup.get('scope_name')?.moved, diff.b.rollup.get('b')?.moved]).toEqual([7, 4]);
  });
});

describe('reuse pair: reuse=AUTO_REUSE (A) against no reuse (B)', () => {
  const a = fixture('reuse-auto');
  const b = fixture('reuse-none');
  const diff = diffGraphs(a, b);
  const changes = listChanges(diff, a, b);

  it('shows the duplicated layer_1 variables as added, and the two ops that now read them', () => {
    const added = changes.filter((c) => c.status === 'added').map((c) => c.b);
    expect(added).toEqual([
      ...['shape', 'min', 'max', 'RandomUniform', 'sub', 'mul'].map((s) => `layer_1/w/Initializer/random_uniform/${s}`),
      'layer_1/w/Initializer/random_uniform',
      'layer_1/w',
      'layer_1/w/Assign',
      'layer_1/w/read',
      'layer_1/b/Initializer/zeros',
      'layer_1/b',
      'layer_1/b/Assign',
      'layer_1/b/read',
    ]);
    expect(changes.filter((c) => c.status !== 'added')).toEqual([
      { status: 'attr-changed', a: 'layer_1/MatMul', b: 'layer_1/MatMul', op: 'MatMul', attrs: ['(input)'] },
      { status: 'attr-changed', a: 'layer_1/add', b: 'layer_1/add', op: 'Add', attrs: ['(input)'] },
    ]);
    expect(diff.summary).toEqual({ same: 19, attrChanged: 2, moved: 0, renamed: 0, added: 14, removed: 0 });
  });

  it('read the other way round, the same variables are removed', () => {
    const back = diffGraphs(b, a);
    expect(back.summary).toEqual({ same: 19, attrChanged: 2, moved: 0, renamed: 0, added: 0, removed: 14 });
    expect(back.b.rollup.get('layer_1')).toEqual({ same: 1, attrChanged: 2, moved: 0, renamed: 0, added: 0, removed: 0 });
    expect(back.a.rollup.get('layer_1/w')?.removed).toBe(10);
  });
});
