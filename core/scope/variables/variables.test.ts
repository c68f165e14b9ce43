// The variable report: exact names and flags on the seed examples, the reading rules on small
// graphs, reuse in real graphs (ALBERT, pix2pix), and random graphs checked against a naive oracle.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tensorflow } from '../../proto/generated/proto.js';
import { memorySource } from '../../io/byte-source';
import { readGraphDef } from '../../io/graph-def-reader';
import { loadSource } from '../../io/load';
import type { Graph } from '../../graph/graph';
import { corpusBytes, HAVE_CORPUS, readManifest } from '../../test-support/corpus';
import { makeGraph, type NodeSpec } from '../../test-support/graphs';
import { nestedScopes, reentrySiblings, reuseExample, scopingExample, uniquifiedTwins } from '../../../fixtures/seed-examples';
import { analyzeVariables, type ScopesReport, type VariableReport } from './variables';

const fromDef = (def: tensorflow.GraphDef.$Properties): Graph => readGraphDef(tensorflow.GraphDef.encode(def).finish(), 'seed.pb');

function byName(r: ScopesReport): Map<string, VariableReport> {
  return new Map(r.variables.map((v) => [v.name, v]));
}

/** name → [scope, readerScopes, outside, shared] */
function flags(r: ScopesReport): Record<string, [string, string[], boolean, boolean]> {
  return Object.fromEntries(r.variables.map((v) => [v.name, [v.scope, v.readerScopes, v.outsideReaderScopes, v.shared]]));
}

describe('seed examples', () => {
  it('name_scope scoping example: get_variable b stays at the root, outside its reader scope', () => {
    expect(flags(analyzeVariables(fromDef(scopingExample('name_scope'))))).toEqual({
      'scope_name/a': ['scope_name', ['scope_name/res'], false, false],
      b: ['', ['scope_name/res'], true, false],
    });
  });

  it('variable_scope scoping example: everything inside scope_vars', () => {
    expect(flags(analyzeVariables(fromDef(scopingExample('variable_scope'))))).toEqual({
      'scope_vars/a': ['scope_vars', ['scope_vars/res'], false, false],
      'scope_vars/b': ['scope_vars', ['scope_vars/res'], false, false],
    });
  });

  it('nested name_scope + variable_scope: vs/v1 sits outside ns/vs', () => {
    const r = analyzeVariables(fromDef(nestedScopes()));
    expect(flags(r)).toEqual({
      'vs/v1': ['vs', ['ns/vs'], true, false],
      'ns/vs/v2': ['ns/vs', ['ns/vs'], false, false],
    });
    expect(r.variables.map((v) => v.op)).toEqual(['VariableV2', 'VariableV2']);
  });

  it('reuse=True: layer/w and layer/b are read from layer and layer_1, so shared', () => {
    const r = analyzeVariables(fromDef(reuseExample(true)));
    expect(flags(r)).toEqual({
      'layer/w': ['layer', ['layer', 'layer_1'], false, true],
      'layer/b': ['layer', ['layer', 'layer_1'], false, true],
    });
    expect(r.reentrySiblings).toEqual([['layer', 'layer_1']]);
  });

  it('reuse=False: each layer reads its own variables, none shared', () => {
    expect(flags(analyzeVariables(fromDef(reuseExample(false))))).toEqual({
      'layer/w': ['layer', ['layer'], false, false],
      'layer/b': ['layer', ['layer'], false, false],
      'layer_1/w': ['layer_1', ['layer_1'], false, false],
      'layer_1/b': ['layer_1', ['layer_1'], false, false],
    });
  });

  it('uniquified twins a2 / a2_1', () => {
    const r = analyzeVariables(fromDef(uniquifiedTwins()));
    expect(r.variables.map((v) => [v.name, v.twins, v.readerScopes])).toEqual([
      ['a2', ['a2_1'], ['']],
      ['a2_1', ['a2'], ['']],
    ]);
    expect(r.reentrySiblings).toEqual([['a2', 'a2_1']]);
  });

  it('re-entry siblings dense / dense_1 share dense/kernel and dense/bias', () => {
    const r = analyzeVariables(fromDef(reentrySiblings()));
    expect(r.reentrySiblings).toEqual([['dense', 'dense_1']]);
    expect(flags(r)).toEqual({
      'dense/kernel': ['dense', ['dense', 'dense_1'], false, true],
      'dense/bias': ['dense', ['dense', 'dense_1'], false, true],
    });
    expect(r.variables.every((v) => v.twins.length === 0)).toBe(true);
  });
});

describe('readers', () => {
  it('follows read Identities (any chain) and skips writes, init checks, savers, gradients, summaries', () => {
    const g = makeGraph([
      ['x', 'Placeholder'], ['w', 'VariableV2'], ['w/Assign', 'Assign', ['w', 'x']], ['w/read', 'Identity', ['w']],
      ['a/MatMul', 'MatMul', ['x', 'w/read']], ['b/id', 'Identity', ['w/read']], ['b/id2', 'Identity', ['b/id']], ['b/c/use', 'Neg', ['b/id2:0']],
      ['v2', 'VariableV2'], ['copy/Assign', 'Assign', ['v2', 'w/read']],
      ['save/SaveV2', 'SaveV2', ['x', 'w']], ['save_1/Identity', 'Identity', ['w']], ['save_1/use', 'Neg', ['save_1/Identity']],
      ['report_uninitialized_variables_1/IsVariableInitialized', 'IsVariableInitialized', ['w']], ['w/IsVariableInitialized', 'IsVariableInitialized', ['w']],
      ['gradients/MatMul_grad/MatMul', 'MatMul', ['x', 'w/read']], ['tower/gradients_2/g', 'MatMul', ['x', 'w/read']],
      ['gradient_tape/g', 'MatMul', ['x', 'w/read']], ['loss/w/Regularizer/L2Loss', 'L2Loss', ['w/read']],
      ['Adam/update_w/ApplyAdam', 'ApplyAdam', ['w', 'x']], ['s/ScatterAdd', 'ScatterAdd', ['w', 'x', 'x']],
      ['hist/w', 'HistogramSummary', ['x', 'w/read']], ['dep/NoOp', 'NoOp', ['^w/read', '^w']],
    ]);
    const r = byName(analyzeVariables(g));
    expect([...r.keys()]).toEqual(['w', 'v2']);
    expect(r.get('w')?.readerScopes).toEqual(['a', 'b/c', 'copy']);
    expect(r.get('v2')?.readerScopes).toEqual([]);
    expect(r.get('v2')?.outsideReaderScopes).toBe(false);
  });

  it('finds resource variables: VarHandleOp, and Placeholder/_Arg handles behind ReadVariableOp or VariableShape', () => {
    const g = makeGraph([
      ['x', 'Placeholder'], ['m/v', 'VarHandleOp'], ['m/v/Read/ReadVariableOp', 'ReadVariableOp', ['m/v']], ['m/v/IsInitialized/VarIsInitializedOp', 'VarIsInitializedOp', ['m/v']],
      ['l/MatMul', 'MatMul', ['x', 'm/v/Read/ReadVariableOp']], ['m/v/Assign', 'AssignVariableOp', ['m/v', 'x']], ['opt/ResourceApplyAdam', 'ResourceApplyAdam', ['m/v', 'x']],
      ['e/ResourceGather', 'ResourceGather', ['m/v', 'x']],
      ['p', 'Placeholder'], ['f/ReadVariableOp', 'ReadVariableOp', ['p']], ['f/mul', 'Mul', ['f/ReadVariableOp', 'x']],
      ['q', '_Arg'], ['q/Identity', 'Identity', ['q']], ['g/ReadVariableOp', 'ReadVariableOp', ['q/Identity']], ['g/add', 'AddV2', ['g/ReadVariableOp', 'x']],
      ['r', '_Arg'], ['s/VariableShape', 'VariableShape', ['r']], ['orphan/ReadVariableOp', 'ReadVariableOp', ['missing']],
    ]);
    const r = analyzeVariables(g);
    expect(r.variables.map((v) => [v.name, v.op, v.readerScopes])).toEqual([
      ['m/v', 'VarHandleOp', ['e', 'l']],
      ['p', 'Placeholder', ['f']],
      ['q', '_Arg', ['g']],
      ['r', '_Arg', ['s']],
    ]);
    // `e` and `l` are no instances of `m`: reading from elsewhere is not reuse.
    expect(r.variables.map((v) => v.shared)).toEqual([false, false, false, false]);
    // Placeholder / _Arg handles are captured: made outside this graph, never outside their readers.
    expect(r.variables.map((v) => [v.captured, v.outsideReaderScopes])).toEqual([[false, true], [true, false], [true, false], [true, false]]);
  });

  it('outsideReaderScopes: readers, and none in the scope or a re-entry of it', () => {
    const read = (v: string, ...readers: string[]): NodeSpec[] => [[v, 'VariableV2'], ...readers.map((s, i): NodeSpec => [`${s ? `${s}/` : ''}r${v.replace(/\//g, '_')}${i}`, 'Neg', [v]])];
    const r = byName(analyzeVariables(makeGraph([
      ...read('a/w1', 'b/x', 'c/y'), ...read('a/w2', 'b/x', 'a/z/q'), ...read('a/w3', 'b/x', ''), ...read('w4', 'k'), ...read('w5', ''), ...read('a/w6'),
      ...read('s/w7', 's_1/x'), ...read('t/w8', 'ns/t'),
    ])));
    expect([...r.values()].map((v) => [v.name, v.outsideReaderScopes])).toEqual([
      ['a/w1', true], ['a/w2', false], ['a/w3', true], ['w4', true], ['w5', false], ['a/w6', false], ['s/w7', false], ['t/w8', true],
    ]);
    expect(r.get('t/w8')?.reasons).toEqual(["`get_variable` ignored `name_scope('ns')`: `t/w8` lives in `t`, its readers in `ns/t`"]);
    expect(r.get('w4')?.reasons).toEqual(["`get_variable` ignored `name_scope('k')`: `w4` lives at the root, its readers in `k`"]);
    expect(r.get('a/w2')?.reasons).toEqual([]);
  });

  it('shared: two instances of the scope, or one re-entry without its own variable; other readers never count', () => {
    const read = (v: string, ...readers: string[]): NodeSpec[] => [[v, 'VariableV2'], ...readers.map((s, i): NodeSpec => [`${s}/r${v.replace(/\//g, '_')}${i}`, 'Neg', [v]])];
    const r = byName(analyzeVariables(makeGraph([
      ...read('m/w1', 'm', 'm/a', 'm/b/c'), ...read('m/w2', 'x/a', 'x/a/b'), ...read('m/w3', 'm/a', 'y'), ...read('d/w4', 'real/d', 'fake/d/c'),
      ...read('m/w5', 'mm'), ...read('m/w6', 'm-x', 'm/q'), ...read('m/w7', 'm_1'), ['m_1/w8', 'VariableV2'], ...read('m/w8', 'm_1'),
      ...read('w9', 'a', 'b'), ...read('k/w10', 'weight_decay', 'k', 'ExponentialMovingAverage'), ...read('k/w11', 'k_1', 'k_2/z'),
    ])));
    expect([...r.values()].map((v) => [v.name, v.shared])).toEqual([
      ['m/w1', false], ['m/w2', false], ['m/w3', false], ['d/w4', true], ['m/w5', false], ['m/w6', false], ['m/w7', true], ['m_1/w8', false], ['m/w8', false],
      ['w9', false], ['k/w10', false], ['k/w11', true],
    ]);
    expect(r.get('m/w7')?.reasons).toEqual(["`variable_scope('m', reuse=True)` re-entered as `m_1`"]);
    expect(r.get('k/w11')?.reasons).toEqual(["`variable_scope('k', reuse=True)` re-entered as `k_1` and `k_2`"]);
    expect(r.get('d/w4')?.reasons).toEqual([
      "`get_variable` ignored `name_scope('fake')` and `name_scope('real')`: `d/w4` lives in `d`, its readers in `fake/d/c` and `real/d`",
      "`variable_scope('d', reuse=True)` entered under `name_scope('fake')` and `name_scope('real')`",
    ]);
  });
});

describe('uniquified names', () => {
  it('twins share a parent and a base; groups nest for x_1 / x_1_1', () => {
    const r = analyzeVariables(makeGraph(['x', 'x_1', 'x_2', 's/x', 'y_1', 'y_2', 'x_1_1', 's/x_3', 'x_b'].map((n): NodeSpec => [n, 'VariableV2'])));
    expect(Object.fromEntries(r.variables.map((v) => [v.name, v.twins]))).toEqual({
      x: ['x_1', 'x_2'], x_1: ['x', 'x_1_1', 'x_2'], x_2: ['x', 'x_1'], 's/x': ['s/x_3'], y_1: [], y_2: [], x_1_1: ['x_1'], 's/x_3': ['s/x'], x_b: [],
    });
  });

  it('re-entry groups need the base scope, order suffixes numerically, and ignore ops', () => {
    const ops = ['p/s/a', 'p/s_10/a', 'p/s_2/a', 'p/s_1/a/b', 'q/s_1/a', 'q/s_2/a', 't', 't_1/a', 'u/v', 'u_1'];
    expect(analyzeVariables(makeGraph(ops.map((n): NodeSpec => [n, 'Neg']))).reentrySiblings).toEqual([['p/s', 'p/s_1', 'p/s_2', 'p/s_10']]);
  });
});

it('scales: 20,000 variables read from 100 scopes are all reported', () => {
  const nodes: NodeSpec[] = [['x', 'Placeholder']];
  for (let i = 0; i < 20_000; i++) nodes.push([`v${i}`, 'VariableV2'], [`v${i}/read`, 'Identity', [`v${i}`]], [`s${i % 100}/op${i}`, 'MatMul', ['x', `v${i}/read`]]);
  const g = makeGraph(nodes);
  void g.edges;
  const r = analyzeVariables(g);
  expect(r.variables).toHaveLength(20_000);
  expect(r.variables[123]?.readerScopes).toEqual(['s23']);
});

async function corpusGraph(rel: string, index = 0): Promise<Graph> {
  const r = await loadSource(memorySource(rel, corpusBytes(rel)));
  const g = r.graphs[index]?.graph;
  if (!g) throw new Error(`${rel} has no graph ${index}`);
  return g;
}

describe.skipIf(!HAVE_CORPUS)('corpus', () => {
  it('ALBERT: the layer_shared variables are shared by the 12 layer_shared_N scopes; tied embeddings are not reuse', async () => {
    const r = analyzeVariables(await corpusGraph('albert_cls/albert_model.ckpt.meta'));
    const v = byName(r);
    const layers = ['', ...Array.from({ length: 11 }, (_, i) => `_${i + 1}`)].map((s) => `bert/encoder/layer_shared${s}/attention/self/query`);
    expect(v.get('bert/encoder/layer_shared/attention/self/query/kernel')?.readerScopes).toEqual(layers.sort());
    const shared = r.variables.filter((x) => x.shared).map((x) => x.name);
    expect(shared).toHaveLength(16);
    expect(shared.filter((n) => n.startsWith('bert/encoder/layer_shared/'))).toHaveLength(16);
    expect(v.get('bert/encoder/layer_shared/attention/self/query/kernel')?.reasons).toEqual([
      "`variable_scope('layer_shared', reuse=True)` re-entered as `bert/encoder/layer_shared_1`, `bert/encoder/layer_shared_2`, `bert/encoder/layer_shared_3` and 8 more",
    ]);
    // The output layer reads the word embeddings from `cls/predictions`, no instance of `bert/embeddings`.
    expect(v.get('bert/embeddings/word_embeddings')?.readerScopes).toEqual(['bert/embeddings', 'cls/predictions']);
    for (const n of ['bert/embeddings/word_embeddings', 'bert/embeddings/position_embeddings', 'bert/embeddings/LayerNorm/gamma', 'bert/pooler/dense/kernel', 'cls/seq_relationship/output_weights']) {
      expect(v.get(n)?.shared, n).toBe(false);
    }
    expect(r.variables.some((x) => x.outsideReaderScopes)).toBe(false);
  });

  it('pix2pix: discriminator variables are shared by real_ and fake_discriminator, generator ones are not', async () => {
    const r = analyzeVariables(await corpusGraph('pix2pix_gan_reuse/1/events.out.tfevents.1573068136.neuromancer-lab'));
    const v = byName(r);
    expect(v.get('discriminator/layer_1/conv2d/kernel')).toEqual({
      name: 'discriminator/layer_1/conv2d/kernel', op: 'VariableV2', scope: 'discriminator/layer_1/conv2d',
      readerScopes: ['fake_discriminator/discriminator/layer_1/conv2d', 'real_discriminator/discriminator/layer_1/conv2d'],
      captured: false, outsideReaderScopes: true, shared: true, twins: [],
      reasons: [
        "`get_variable` ignored `name_scope('fake_discriminator')` and `name_scope('real_discriminator')`: `discriminator/layer_1/conv2d/kernel` lives in `discriminator/layer_1/conv2d`, its readers in `fake_discriminator/discriminator/layer_1/conv2d` and `real_discriminator/discriminator/layer_1/conv2d`",
        "`variable_scope('discriminator', reuse=True)` entered under `name_scope('fake_discriminator')` and `name_scope('real_discriminator')`",
      ],
      bookkeeping: null, slotOf: null,
    });
    const model = r.variables.filter((x) => /^discriminator\/layer_\d\/\w+\/\w+$/.test(x.name));
    expect(model).toHaveLength(22);
    expect(r.variables.filter((x) => x.shared).map((x) => x.name)).toEqual(model.map((x) => x.name));
    expect(v.get('generator/encoder_1/conv2d/kernel')).toMatchObject({ readerScopes: ['generator/encoder_1/conv2d'], shared: false, outsideReaderScopes: false });
    expect(v.get('discriminator/layer_1/conv2d/kernel/Adam')).toMatchObject({ readerScopes: [], shared: false, twins: ['discriminator/layer_1/conv2d/kernel/Adam_1'] });
    expect(v.get('discriminator_loss/Mean/ExponentialMovingAverage')?.shared).toBe(false);
    expect(r.variables).toHaveLength(270);
  });

  it('plain TF1 graphs share nothing', async () => {
    const r = analyzeVariables(await corpusGraph('stanford_tf_tutorials/linear_reg/events.out.tfevents.1499786822.MacBook-Pro'));
    expect(flags(r)).toEqual({ weights: ['', [''], false, false], bias: ['', [''], false, false] });
    const m = analyzeVariables(await corpusGraph('morvan_tutorials/tf15_tensorboard/events.out.tfevents.1494075549.Morvan'));
    expect(m.variables).toHaveLength(4);
    expect(m.variables.filter((x) => x.shared)).toEqual([]);
  });

  it('every corpus graph: reader scopes are real scopes, twins are variables', async () => {
    for (const rel of Object.keys(readManifest())) {
      const loaded = await loadSource(memorySource(rel, corpusBytes(rel)));
      for (const { graph } of loaded.graphs) checkInvariants(graph, analyzeVariables(graph));
    }
  });
});

/** '' or a proper '/'-prefix of some node name. */
function scopeSet(g: Graph): Set<string> {
  const s = new Set(['']);
  for (let i = 0; i < g.nodeCount; i++) {
    const parts = g.name(i).split('/');
    for (let k = 1; k < parts.length; k++) s.add(parts.slice(0, k).join('/'));
  }
  return s;
}

function checkInvariants(g: Graph, r: ScopesReport): void {
  const scopes = scopeSet(g);
  const names = new Set(r.variables.map((v) => v.name));
  for (const v of r.variables) {
    for (const s of v.readerScopes) expect(scopes.has(s), `${v.name} <- ${s}`).toBe(true);
    expect([...v.readerScopes].sort()).toEqual(v.readerScopes);
    for (const t of v.twins) expect(names.has(t) && t !== v.name).toBe(true);
    if (v.outsideReaderScopes) expect(v.readerScopes.length > 0 && !v.readerScopes.includes(v.scope)).toBe(true);
    if (v.shared) expect(v.scope).not.toBe('');
    expect(v.reasons).toHaveLength(Number(v.outsideReaderScopes) + Number(v.shared));
  }
  for (const group of r.reentrySiblings) for (const s of group) expect(scopes.has(s) && s !== '').toBe(true);
}

const OPS = ['VariableV2', 'VarHandleOp', 'Placeholder', 'Identity', 'ReadVariableOp', 'VariableShape', 'Assign', 'AssignVariableOp', 'ApplyAdam', 'MatMul', 'Neg', 'SaveV2', 'IsVariableInitialized', 'HistogramSummary', 'NoOp'];
const SKIP = new Set(['SaveV2', 'IsVariableInitialized', 'HistogramSummary']);
const WRITES = new Set(['Assign', 'AssignVariableOp', 'ApplyAdam']);
const PASS = new Set(['Identity', 'ReadVariableOp']);

interface Input { k: number; control: boolean; src: number }

/** Inputs as (index, control, source node) from the strings; the first node of a name wins. */
function parseInputs(nodes: readonly NodeSpec[]): Input[][] {
  const first = new Map<string, number>();
  nodes.forEach(([n], i) => { if (!first.has(n)) first.set(n, i); });
  return nodes.map(([, , ins = []]) => ins.map((s, k) => ({ k, control: s.startsWith('^'), src: first.get(s.replace(/^\^/, '').split(':')[0] ?? '') ?? -1 })).filter((x) => x.src >= 0));
}

const input0 = (inputs: Input[][], d: number): number => inputs[d]?.find((x) => x.k === 0 && !x.control)?.src ?? -1;

/** A cycle of Identities through input 0 (the chain root is then ambiguous: skip the oracle). */
function hasIdentityCycle(nodes: readonly NodeSpec[]): boolean {
  const inputs = parseInputs(nodes);
  return nodes.some(([, op], i) => {
    if (op !== 'Identity') return false;
    for (let s = input0(inputs, i), steps = 0; s >= 0 && nodes[s]?.[1] === 'Identity' && steps <= nodes.length; s = input0(inputs, s), steps++) if (s === i) return true;
    return false;
  });
}

/** The reading rules restated naively (quadratic, from the input strings): variable → reader scopes. */
function oracle(nodes: readonly NodeSpec[]): Map<string, string[]> {
  const inputs = parseInputs(nodes);
  const isVar = nodes.map(([, op]) => ['VariableV2', 'VarHandleOp'].includes(op));
  nodes.forEach(([, op], i) => {
    if (op !== 'ReadVariableOp' && op !== 'VariableShape') return;
    let s = input0(inputs, i);
    while (s >= 0 && nodes[s]?.[1] === 'Identity' && input0(inputs, s) >= 0) s = input0(inputs, s);
    if (s >= 0) isVar[s] = true;
  });
  const skipped = (d: number) => SKIP.has(nodes[d]?.[1] ?? '') || /(^|\/)(save|gradients)(_\d+)?\//.test(nodes[d]?.[0] ?? '');
  const out = new Map<string, string[]>();
  nodes.forEach(([name], v) => {
    if (!isVar[v] || out.has(name)) return;
    const closure = new Set([v]);
    const readers = new Set<string>();
    for (let grew = true; grew; ) {
      grew = false;
      nodes.forEach(([dn, op], d) => {
        if (isVar[d] || skipped(d)) return;
        for (const { k, control, src } of inputs[d] ?? []) {
          if (control || !closure.has(src) || (src === v && WRITES.has(op))) continue;
          if (k === 0 && PASS.has(op)) { if (!closure.has(d)) { closure.add(d); grew = true; } } else readers.add(dn.includes('/') ? dn.slice(0, dn.lastIndexOf('/')) : '');
        }
      });
    }
    out.set(name, [...readers].sort());
  });
  return out;
}

describe('random graphs', () => {
  const name = fc.array(fc.constantFrom('a', 'a_1', 'b', 'save', 'gradients', 's_2'), { minLength: 1, maxLength: 3 }).map((p) => p.join('/'));
  const input = (names: string[]) => fc.tuple(fc.constantFrom(...names, 'missing'), fc.constantFrom('', '^', ':1')).map(([n, m]) => (m === '^' ? `^${n}` : `${n}${m}`));
  const graphArb = fc.array(name, { minLength: 1, maxLength: 14 }).chain((names) =>
    fc.array(fc.tuple(fc.constantFrom(...OPS), fc.array(input(names), { maxLength: 3 })), { minLength: names.length, maxLength: names.length })
      .map((rest) => names.map((n, i): NodeSpec => [n, rest[i]?.[0] ?? 'NoOp', rest[i]?.[1] ?? []])),
  );

  it('never throws, reports real scopes, and reads exactly what the naive oracle reads', () => {
    fc.assert(fc.property(graphArb, (nodes) => {
      const g = makeGraph(nodes);
      const r = analyzeVariables(g);
      checkInvariants(g, r);
      if (hasIdentityCycle(nodes)) return;
      const expected = oracle(nodes);
      expect(new Map(r.variables.filter((v, i, all) => all.findIndex((w) => w.name === v.name) === i).map((v) => [v.name, v.readerScopes]))).toEqual(expected);
    }), { numRuns: 400 });
  });
});
