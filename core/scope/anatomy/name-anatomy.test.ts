// Each rule of DESIGN.md §4 "Name anatomy" on small hand-made graphs, and the whole anatomy of
// random graphs against a naive, string-only reading of the same rules.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeGraph, type NodeSpec } from '../../test-support/graphs';
import { NameAnatomy, type OpAnatomy } from './name-anatomy';

function explain(nodes: readonly NodeSpec[], name: string): OpAnatomy {
  const g = makeGraph(nodes);
  return new NameAnatomy(g).explain(g.indexOf(name));
}

/** `kind` or `kind^base` per segment. */
const kinds = (a: OpAnatomy): string[] => a.segments.map((s) => (s.reentryOf === null ? s.kind : `${s.kind}^${s.reentryOf}`));

/** A TF1 variable `name` with its `read`, plus the given ops. */
function withVariables(vars: readonly string[], ops: readonly NodeSpec[]): NodeSpec[] {
  return [...vars.flatMap((v): NodeSpec[] => [[v, 'VariableV2'], [`${v}/read`, 'Identity', [v]]]), ...ops];
}

describe('segment kinds', () => {
  const gan = withVariables(['discriminator/conv/kernel', 'discriminator/conv/bias'], [
    ['x', 'Placeholder'],
    ['fake_discriminator/discriminator/conv/Conv2D', 'Conv2D', ['x', 'discriminator/conv/kernel/read']],
  ]);

  it('the variable part is compared as a path from the root: j is the second segment, m the third', () => {
    const a = explain(gan, 'fake_discriminator/discriminator/conv/Conv2D');
    expect(kinds(a)).toEqual(['outer', 'variables', 'variables']);
    expect(a.sentences[0]).toBe('`fake_discriminator`: a `name_scope` that `get_variable` ignored; the variables live under `discriminator/`');
  });

  it('the segment after m is `variable` when c_j/…/c_m+1 is a variable; the variable op itself is a `variable` leaf', () => {
    expect(kinds(explain(gan, 'discriminator/conv/kernel/read'))).toEqual(['variables', 'variables', 'variable']);
    const v = explain(gan, 'discriminator/conv/kernel');
    expect(v.leaf).toEqual({ name: 'kernel', kind: 'variable', uniquifiedFrom: null });
    expect(explain(gan, 'discriminator/conv/kernel/read').leaf.kind).toBe('op');
  });

  it('every other segment is `ops`; without a variable part every segment is `ops`', () => {
    const nodes = withVariables(['s/v'], [['s/block/inner/Add', 'Add', ['s/v/read']], ['t/u/Mul', 'Mul']]);
    expect(kinds(explain(nodes, 's/block/inner/Add'))).toEqual(['variables', 'ops', 'ops']);
    expect(kinds(explain(nodes, 't/u/Mul'))).toEqual(['ops', 'ops']);
  });

  it('V holds every home and every prefix of one: a scope above the homes holds variables too', () => {
    const nodes = withVariables(['a/b/c/v'], [['a/Mul', 'Mul'], ['a/b/Add', 'Add']]);
    expect(kinds(explain(nodes, 'a/Mul'))).toEqual(['variables']);
    expect(kinds(explain(nodes, 'a/b/Add'))).toEqual(['variables', 'variables']);
  });

  it('the variable part starts at the smallest j and runs as long as the path stays in V', () => {
    // `x/a/b/y/Op`: c2 = a is in V, a/b too, a/b/y is not; a later `y` in V does not extend it.
    const nodes = withVariables(['a/b/v', 'y/w'], [['x/a/b/y/Op', 'Add']]);
    expect(kinds(explain(nodes, 'x/a/b/y/Op'))).toEqual(['outer', 'variables', 'variables', 'ops']);
  });
});

describe('re-entries', () => {
  it('`S_N` beside a sibling scope `S` carries reentryOf, and its canonical form finds the variable part', () => {
    const nodes = withVariables(['discriminator/w'], [['discriminator/MatMul', 'MatMul', ['discriminator/w/read']], ['discriminator_1/MatMul', 'MatMul', ['discriminator/w/read']]]);
    const a = explain(nodes, 'discriminator_1/MatMul');
    expect(kinds(a)).toEqual(['variables^discriminator']);
    expect(a.sentences[0]).toBe('`discriminator_1`: `discriminator` entered again; its variables are those of `discriminator`');
  });

  it('no sibling `S`, no re-entry: `layer_1` alone is a name of its own', () => {
    expect(kinds(explain([['layer_1/Add', 'Add']], 'layer_1/Add'))).toEqual(['ops']);
  });

  it('sibling is read on the name as written: `a_1/b_2` has base `b` when `a_1/b` is a scope', () => {
    const nodes: NodeSpec[] = [['a/b/Op', 'Add'], ['a_1/b/Op', 'Add'], ['a_1/b_2/Op', 'Add']];
    expect(kinds(explain(nodes, 'a_1/b_2/Op'))).toEqual(['ops^a', 'ops^b']);
    // `b` exists under `a` but not under `a_1`: no re-entry for `a_1/b_3`.
    const other: NodeSpec[] = [['a/b/Op', 'Add'], ['a_1/b_3/Op', 'Add']];
    expect(kinds(explain(other, 'a_1/b_3/Op'))).toEqual(['ops^a', 'ops']);
  });

  it('a re-entry that made variables of its own says so', () => {
    const nodes = withVariables(['V1/a1', 'V1_1/a1'], [['V1_1/mul', 'Mul', ['V1/a1/read', 'V1_1/a1/read']]]);
    const a = explain(nodes, 'V1_1/mul');
    expect(kinds(a)).toEqual(['variables^V1']);
    expect(a.sentences[0]).toBe('`V1_1`: `V1` entered again; variables live here too (a `variable_scope`, or `tf.Variable` inside a `name_scope`)');
  });
});

describe('gradients', () => {
  const nodes = withVariables(['a/b/w'], [
    ['x', 'Placeholder'],
    ['a/b/MatMul', 'MatMul', ['x', 'a/b/w/read']],
    ['gradients/a/b/MatMul_grad/MatMul', 'MatMul'],
    ['train/gradients_1/a/b/MatMul_grad/MatMul', 'MatMul'],
    ['train/gradients/a/MatMul_grad/MatMul', 'MatMul'],
    ['a/gradients/x', 'Add'],
  ]);

  it('the first `gradients(_N)?` segment is `gradients`, every segment after it `gradient-of`', () => {
    const a = explain(nodes, 'gradients/a/b/MatMul_grad/MatMul');
    expect(kinds(a)).toEqual(['gradients', 'gradient-of', 'gradient-of', 'gradient-of']);
    expect(a.sentences.slice(0, 4)).toEqual([
      '`gradients`: the name scope of `tf.gradients`',
      '`a`: repeats `a`, the path of the forward op',
      '`b`: repeats `a/b`, the path of the forward op',
      '`MatMul_grad`: the gradient of `a/b/MatMul`',
    ]);
  });

  it('segments before it follow the rules on those segments only; `gradients_1` is a re-entry', () => {
    expect(kinds(explain(nodes, 'train/gradients_1/a/b/MatMul_grad/MatMul'))).toEqual(['ops', 'gradients^gradients', 'gradient-of', 'gradient-of', 'gradient-of']);
    expect(kinds(explain(nodes, 'a/gradients/x'))).toEqual(['variables', 'gradients']);
  });
});

describe('the leaf', () => {
  const nodes: NodeSpec[] = [['s/Add', 'Add'], ['s/Add_3', 'Add'], ['s/Mul_2', 'Mul'], ['t/block', 'Add'], ['t/block_1', 'Add'], ['x_1', 'Placeholder']];

  it('`B_N` beside a sibling `B` in the same scope is uniquifiedFrom `B`', () => {
    const a = explain(nodes, 's/Add_3');
    expect(a.leaf).toEqual({ name: 'Add_3', kind: 'op', uniquifiedFrom: 'Add' });
    expect(a.sentences[1]).toBe('`Add_3`: TensorFlow appended `_3` because `Add` was taken');
    expect(explain(nodes, 't/block_1').leaf.uniquifiedFrom).toBe('block');
  });

  it('no sibling `B`: not uniquified', () => {
    expect(explain(nodes, 's/Mul_2').leaf.uniquifiedFrom).toBeNull();
    expect(explain(nodes, 'x_1').leaf.uniquifiedFrom).toBeNull();
  });

  it('a uniquified variable is a `variable` leaf that says both', () => {
    const a = explain([['a2', 'VariableV2'], ['a2_1', 'VariableV2']], 'a2_1');
    expect(a.leaf).toEqual({ name: 'a2_1', kind: 'variable', uniquifiedFrom: 'a2' });
    expect(a.sentences).toEqual(['`a2_1`: the variable itself; TensorFlow appended `_1` because `a2` was taken']);
  });
});

describe('reads and captured handles', () => {
  it('reads lists the variables the op reads with their homes, as the scope analysis finds readers', () => {
    const nodes = withVariables(['s/w', 'b'], [['s/MatMul', 'MatMul', ['s/w/read', 'b/read']], ['s/w/Assign', 'Assign', ['s/w', 'x']], ['x', 'Const']]);
    expect(explain(nodes, 's/MatMul').reads).toEqual([{ variable: 's/w', home: 's' }, { variable: 'b', home: '' }]);
    expect(explain(nodes, 's/w/read').reads).toEqual([]);
    expect(explain(nodes, 's/w/Assign').reads).toEqual([]);
  });

  it('a captured resource handle adds no home but is still read', () => {
    const nodes: NodeSpec[] = [
      ['dense/MatMul/ReadVariableOp/resource', 'Placeholder'],
      ['dense/MatMul/ReadVariableOp', 'ReadVariableOp', ['dense/MatMul/ReadVariableOp/resource']],
      ['dense/MatMul', 'MatMul', ['x', 'dense/MatMul/ReadVariableOp']],
      ['x', 'Placeholder'],
    ];
    const a = explain(nodes, 'dense/MatMul');
    expect(kinds(a)).toEqual(['ops']);
    expect(a.reads).toEqual([{ variable: 'dense/MatMul/ReadVariableOp/resource', home: 'dense/MatMul/ReadVariableOp' }]);
    // A VarHandleOp is made here: its home counts.
    const made: NodeSpec[] = [['dense/kernel', 'VarHandleOp'], ['dense/MatMul/ReadVariableOp', 'ReadVariableOp', ['dense/kernel']], ['dense/MatMul', 'MatMul', ['dense/MatMul/ReadVariableOp']]];
    expect(kinds(explain(made, 'dense/MatMul'))).toEqual(['variables']);
  });
});

describe('paths and scope kinds', () => {
  it('a scope box takes the kind of its last segment, with its re-entry', () => {
    const g = makeGraph(withVariables(['d/w'], [['d_1/MatMul', 'MatMul', ['d/w/read']], ['n/d/add', 'Add', ['d/w/read']]]));
    const a = new NameAnatomy(g);
    expect(a.scopeKind('d_1')).toEqual({ kind: 'variables', reentryOf: 'd' });
    expect(a.scopeKind('n')).toEqual({ kind: 'outer', reentryOf: null });
    expect(a.scopeKind('d/w')).toEqual({ kind: 'variable', reentryOf: null });
    expect(a.scopeKind('')).toBeNull();
  });

  it('an embedded op whose parent path makes no scope is explained on its name as written', () => {
    const g = makeGraph([['Mul_10/y', 'Const'], ['Mul_10', 'Mul', ['x', 'Mul_10/y']], ['Mul', 'Mul'], ['x', 'Placeholder']]);
    const a = new NameAnatomy(g).explain(g.indexOf('Mul_10/y'));
    expect(a.segments).toEqual([{ name: 'Mul_10', kind: 'ops', reentryOf: null }]);
  });
});

// ---- an independent, string-only reading of the rules, for random graphs ----

const GRAD = /^gradients(_\d+)?$/;
const SUFFIX = /^(.+)_(\d+)$/;

function naive(names: readonly string[], ops: readonly string[], name: string): { kinds: string[]; leafKind: string; from: string | null } {
  const scopes = new Set<string>();
  for (const n of names) {
    const parts = n.split('/');
    for (let k = 1; k < parts.length; k++) scopes.add(parts.slice(0, k).join('/'));
  }
  const vars = names.filter((_, i) => ['VariableV2', 'Variable', 'VarHandleOp', 'AutoReloadVariable'].includes(ops[i] as string));
  const homes = new Set<string>();
  for (const v of vars) {
    const parts = v.split('/');
    for (let k = 1; k < parts.length; k++) homes.add(parts.slice(0, k).join('/'));
  }
  const parts = name.split('/');
  const segs = parts.slice(0, -1);
  const leaf = parts[parts.length - 1] as string;
  const canon = segs.map((s, i) => {
    const m = SUFFIX.exec(s);
    return m && scopes.has([...segs.slice(0, i), m[1]].join('/')) ? (m[1] as string) : s;
  });
  const out = segs.map(() => 'ops');
  const g = segs.findIndex((s) => GRAD.test(s));
  const end = g < 0 ? segs.length : g;
  if (g >= 0) for (let i = g; i < segs.length; i++) out[i] = i === g ? 'gradients' : 'gradient-of';
  const j = canon.slice(0, end).findIndex((c) => homes.has(c));
  if (j >= 0) {
    let m = j;
    for (let t = j; t < end; t++) if (homes.has(canon.slice(j, t + 1).join('/'))) m = t;
    for (let i = 0; i < j; i++) out[i] = 'outer';
    for (let i = j; i <= m; i++) out[i] = 'variables';
    if (m + 1 < end && vars.includes(canon.slice(j, m + 2).join('/'))) out[m + 1] = 'variable';
  }
  const mm = SUFFIX.exec(leaf);
  const sib = mm ? [...segs, mm[1]].join('/') : '';
  const from = mm && (names.includes(sib) || scopes.has(sib)) ? (mm[1] as string) : null;
  const i = names.indexOf(name);
  return { kinds: out.map((k, t) => (canon[t] !== segs[t] ? `${k}^${canon[t] as string}` : k)), leafKind: vars.includes(name) && i >= 0 ? 'variable' : 'op', from };
}

describe('random graphs against a naive reading of the rules', () => {
  const segment = fc.constantFrom('a', 'a_1', 'b', 'b_2', 'gradients', 'gradients_1', 'v', 'v_1', 'read');
  const node = fc.record({ path: fc.array(segment, { minLength: 1, maxLength: 5 }), variable: fc.boolean() });

  it('kinds, re-entries, leaves', () => {
    fc.assert(
      fc.property(fc.array(node, { minLength: 1, maxLength: 25 }), (spec) => {
        const seen = new Set<string>();
        const nodes: NodeSpec[] = [];
        for (const { path, variable } of spec) {
          const name = path.join('/');
          if (seen.has(name)) continue;
          seen.add(name);
          nodes.push([name, variable ? 'VariableV2' : 'Add']);
        }
        const g = makeGraph(nodes);
        const anatomy = new NameAnatomy(g);
        const names = nodes.map((n) => n[0]);
        const ops = nodes.map((n) => n[1]);
        for (let i = 0; i < g.nodeCount; i++) {
          const a = anatomy.explain(i);
          const want = naive(names, ops, a.name);
          expect(kinds(a)).toEqual(want.kinds);
          expect([a.leaf.kind, a.leaf.uniquifiedFrom]).toEqual([want.leafKind, want.from]);
          expect(a.sentences).toHaveLength(a.segments.length + 1);
        }
      }),
      { numRuns: 150 },
    );
  });
});
