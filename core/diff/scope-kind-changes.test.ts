// Kind changes of scopes between the seed pair and between the GAN naming forms.
import { describe, expect, it } from 'vitest';
import { tensorflow } from '../proto/generated/proto.js';
import { readGraphDef } from '../io/graph-def-reader';
import { scopingExample } from '../../fixtures/seed-examples';
import { ganDiscriminator } from '../../fixtures/scope-patterns';
import { diffGraphs } from './diff';
import { scopeKindChanges } from './scope-kind-changes';

const read = (def: tensorflow.GraphDef.$Properties) => readGraphDef(tensorflow.GraphDef.encode(def).finish(), 'x.pb');

describe('scope kind changes', () => {
  it('variable_scope vs name_scope: scope_name keeps a and c, b moved to the root', () => {
    const a = read(scopingExample('variable_scope'));
    const b = read(scopingExample('name_scope'));
    const changes = scopeKindChanges(diffGraphs(a, b), a, b);
    expect(changes.map((c) => c.sentence)).toEqual(['`scope_vars` holds variables in A; `scope_name` holds only `a` and `c` in B; `b` moved to the root']);
    expect(changes[0]).toMatchObject({ a: 'scope_vars', b: 'scope_name', kindA: 'variables', kindB: 'variables', kept: ['a', 'c'], moved: [{ name: 'b', to: '' }] });
  });

  it('the same graph on both sides: no change', () => {
    const a = read(ganDiscriminator(true));
    const b = read(ganDiscriminator(true));
    expect(scopeKindChanges(diffGraphs(a, b), a, b)).toEqual([]);
  });
});
