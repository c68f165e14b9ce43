// The name anatomy of the seed examples and naming patterns (fixtures/, built by the project's TF1
// naming model): kinds, re-entries, leaves, reads and sentences as DESIGN.md §4 states them.
import { describe, expect, it } from 'vitest';
import { tensorflow } from '../../proto/generated/proto.js';
import { readGraphDef } from '../../io/graph-def-reader';
import { nestedScopes, reuseExample, scopingExample, uniquifiedTwins } from '../../../fixtures/seed-examples';
import { ganDiscriminator, reentryWithoutReuse, reuseInReentryOnly } from '../../../fixtures/scope-patterns';
import { capturedHandles, ganUnderOneNameScope, gradientsExample, uniquifiedOps } from '../../../fixtures/anatomy-patterns';
import { analyzeVariables } from '../variables/variables';
import { NameAnatomy, type OpAnatomy } from './name-anatomy';

type Def = tensorflow.GraphDef.$Properties;

function explainer(def: Def): (name: string) => OpAnatomy {
  const g = readGraphDef(tensorflow.GraphDef.encode(def).finish(), 'fixture.pb');
  const a = new NameAnatomy(g);
  return (name) => {
    const i = g.indexOf(name);
    if (i < 0) throw new Error(`no op ${name}`);
    return a.explain(i);
  };
}

const kinds = (a: OpAnatomy): string[] => a.segments.map((s) => (s.reentryOf === null ? s.kind : `${s.kind}^${s.reentryOf}`));

describe('seed examples', () => {
  it('variable_scope: scope_vars holds variables, res only ops', () => {
    const x = explainer(scopingExample('variable_scope'));
    expect(kinds(x('scope_vars/res/res'))).toEqual(['variables', 'ops']);
    expect(x('scope_vars/res/res').sentences).toEqual([
      '`scope_vars`: variables live in `scope_vars` (a `variable_scope`, or `tf.Variable` inside a `name_scope`)',
      '`res`: only ops live here (a `name_scope`, or a `variable_scope` that created no variable)',
      '`res`: the op itself',
    ]);
    expect(kinds(x('scope_vars/b/read'))).toEqual(['variables', 'variable']);
    expect(x('scope_vars/b/read').sentences[1]).toBe('`b`: the ops TensorFlow made for the variable `scope_vars/b` (`Assign`, `read`, `Initializer`)');
    expect(x('scope_vars/res/mul').reads).toEqual([{ variable: 'scope_vars/a', home: 'scope_vars' }, { variable: 'scope_vars/b', home: 'scope_vars' }]);
  });

  it('name_scope: `b` at the root has no variable part; scope_name still holds `a`', () => {
    const x = explainer(scopingExample('name_scope'));
    expect(x('b').leaf).toEqual({ name: 'b', kind: 'variable', uniquifiedFrom: null });
    expect(kinds(x('b/read'))).toEqual(['ops']);
    expect(kinds(x('scope_name/res/mul'))).toEqual(['variables', 'ops']);
    expect(x('scope_name/res/mul').reads).toEqual([{ variable: 'scope_name/a', home: 'scope_name' }, { variable: 'b', home: '' }]);
  });

  it('nested: ns is the name_scope get_variable ignored for v1, yet v2 (tf.Variable) lives in ns/vs', () => {
    const x = explainer(nestedScopes());
    expect(kinds(x('ns/vs/add'))).toEqual(['variables', 'variables']);
    expect(kinds(x('vs/v1/read'))).toEqual(['variables', 'variable']);
    expect(x('ns/vs/add').reads.map((r) => r.variable)).toEqual(['vs/v1', 'ns/vs/v2']);
  });

  it('reuse: layer_1 re-enters layer and uses its variables', () => {
    const x = explainer(reuseExample(true));
    expect(kinds(x('layer_1/MatMul'))).toEqual(['variables^layer']);
    expect(x('layer_1/MatMul').sentences[0]).toBe('`layer_1`: `layer` entered again; its variables are those of `layer`');
    expect(x('layer_1/MatMul').reads).toEqual([{ variable: 'layer/w', home: 'layer' }]);
  });

  it('uniquified twins: a2_1 is a variable uniquified from a2', () => {
    const x = explainer(uniquifiedTwins());
    expect(x('a2_1').leaf).toEqual({ name: 'a2_1', kind: 'variable', uniquifiedFrom: 'a2' });
    expect(kinds(x('a2_1/read'))).toEqual(['ops^a2']);
  });
});

describe('a name_scope wrapping a reused variable_scope, both GAN forms', () => {
  it('real_/fake_discriminator: outer name scopes that get_variable ignored', () => {
    const x = explainer(ganDiscriminator(true));
    const a = x('fake_discriminator/discriminator/conv/MatMul');
    expect(kinds(a)).toEqual(['outer', 'variables', 'variables']);
    expect(a.sentences[0]).toBe('`fake_discriminator`: a `name_scope` that `get_variable` ignored; the variables live under `discriminator/`');
    expect(a.reads).toEqual([{ variable: 'discriminator/conv/w', home: 'discriminator/conv' }]);
  });

  it('discriminator / discriminator_1: the variable scope entered again', () => {
    const x = explainer(ganDiscriminator(false));
    expect(kinds(x('discriminator_1/conv/add'))).toEqual(['variables^discriminator', 'variables']);
    expect(x('discriminator_1/conv/add').sentences[0]).toBe('`discriminator_1`: `discriminator` entered again; its variables are those of `discriminator`');
  });

  it('both calls under one name scope: gan/discriminator_1 is outer, then a re-entry', () => {
    const x = explainer(ganUnderOneNameScope());
    expect(kinds(x('gan/discriminator/MatMul'))).toEqual(['outer', 'variables']);
    expect(kinds(x('gan/discriminator_1/MatMul'))).toEqual(['outer', 'variables^discriminator']);
  });
});

describe('re-entry with and without reuse', () => {
  it('reuse=True: V1_1 holds no variable of its own', () => {
    const x = explainer(reuseInReentryOnly());
    expect(kinds(x('V1_1/mul'))).toEqual(['variables^V1']);
    expect(x('V1_1/mul').sentences[0]).toBe('`V1_1`: `V1` entered again; its variables are those of `V1`');
  });

  it('without reuse: V1_1 made variables of its own', () => {
    const x = explainer(reentryWithoutReuse());
    expect(kinds(x('V1_1/mul'))).toEqual(['variables^V1']);
    expect(x('V1_1/mul').sentences[0]).toBe('`V1_1`: `V1` entered again; variables live here too (a `variable_scope`, or `tf.Variable` inside a `name_scope`)');
    expect(x('V1_1/a1').leaf.kind).toBe('variable');
  });
});

describe('tf.gradients names', () => {
  it('gradients/a/b/MatMul_grad: the gradient of a/b/MatMul; gradients_1 the second call', () => {
    const x = explainer(gradientsExample());
    const a = x('gradients/a/b/MatMul_grad/MatMul_1');
    expect(kinds(a)).toEqual(['gradients', 'gradient-of', 'gradient-of', 'gradient-of']);
    expect(a.sentences[3]).toBe('`MatMul_grad`: the gradient of `a/b/MatMul`');
    expect(a.leaf).toEqual({ name: 'MatMul_1', kind: 'op', uniquifiedFrom: 'MatMul' });
    expect(kinds(x('gradients_1/Mean_grad/Tile'))).toEqual(['gradients^gradients', 'gradient-of']);
    expect(x('gradients_1/Mean_grad/Tile').sentences[0]).toBe('`gradients_1`: `gradients` entered again; the name scope of `tf.gradients`');
  });
});

describe('uniquified ops', () => {
  it('Add_3: TensorFlow appended _3 because Add was taken', () => {
    const a = explainer(uniquifiedOps())('Add_3');
    expect(a.leaf).toEqual({ name: 'Add_3', kind: 'op', uniquifiedFrom: 'Add' });
    expect(a.sentences).toEqual(['`Add_3`: TensorFlow appended `_3` because `Add` was taken']);
  });
});

describe('a TF2 graph with captured handles', () => {
  it('handles are captured, never outside their readers, and add no home', () => {
    const def = capturedHandles();
    const report = analyzeVariables(readGraphDef(tensorflow.GraphDef.encode(def).finish(), 'tf2.pb'));
    expect(report.variables.map((v) => [v.name, v.captured, v.outsideReaderScopes, v.shared])).toEqual([
      ['dense/MatMul/ReadVariableOp/resource', true, false, false],
      ['dense/BiasAdd/ReadVariableOp/resource', true, false, false],
    ]);
    const a = explainer(def)('dense/MatMul');
    expect(kinds(a)).toEqual(['ops']);
    expect(a.reads).toEqual([{ variable: 'dense/MatMul/ReadVariableOp/resource', home: 'dense/MatMul/ReadVariableOp' }]);
  });
});
