import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Graph } from '../../graph/graph';
import { dtypeName } from '../../graph/attrs';
import { memorySource } from '../../io/byte-source';
import { tensorflow } from '../../proto/generated/proto.js';
import { loadSource } from '../../io/load';
import { corpusBytes, HAVE_CORPUS } from '../../test-support/corpus';
import { makeGraph, type NodeSpec } from '../../test-support/graphs';
import { buildHierarchy } from '../build-hierarchy';
import { SearchIndex, type SearchResult } from './search';
import { parseQuery } from './search-query';

const F = tensorflow.DataType.DT_FLOAT;
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

const NODES: NodeSpec[] = [
  ['input', 'Placeholder', [], { dtype: { type: F }, shape: { shape: { dim: [{ size: 2 }, { size: 3 }] } } }],
  ['a', 'VariableV2', [], { dtype: { type: F }, _class: { list: { s: [utf8('loc:@a')] } } }],
  ['a/b', 'Identity', ['a'], { T: { type: F } }],
  ['a/b/Conv2D', 'Conv2D', ['input', 'a/b'], { T: { type: F }, padding: { s: utf8('SAME') }, strides: { list: { i: [1, 2, 2, 1] } }, use_cudnn_on_gpu: { b: true } }],
  ['a/b/conv_1', 'Conv2DBackpropInput', ['a/b/Conv2D']],
  ['k', 'Const', [], { value: { tensor: { dtype: F, tensorShape: { dim: [{ size: 4 }, { size: 5 }] }, stringVal: [utf8('secret')] } }, dtype: { type: F } }],
  ['model/dense/MatMul', 'MatMul', ['a/b/conv_1', 'k'], { transpose_a: { b: false } }],
  ['model/Relu', 'Relu', ['model/dense/MatMul']],
  ['call', 'PartitionedCall', ['model/Relu'], { f: { func: { name: 'my_fn' } }, alpha: { f: 0.2 } }],
  ['reshape', 'Reshape', ['call'], { shape: { shape: { dim: [{ size: -1 }, { size: 4 }] } }, axis: { i: -1 }, Tshape: { type: tensorflow.DataType.DT_INT32 } }],
];

const graph = makeGraph(NODES);
const plain = SearchIndex.build(graph);

function nodes(r: SearchResult): string[] {
  return r.hits.map((h) => h.name);
}

describe('SearchIndex queries', () => {
  it('substring: names and op types, ignoring case, a node once', () => {
    const r = plain.query('CONV');
    expect(nodes(r)).toEqual(['a/b/Conv2D', 'a/b/conv_1']);
    expect(r.hits.map((h) => h.field)).toEqual(['name', 'name']);
    expect(plain.query('placeholder').hits).toEqual([{ node: 0, name: 'input', op: 'Placeholder', scopePath: [], field: 'op' }]);
    expect(plain.query('backprop').hits.map((h) => [h.name, h.field])).toEqual([['a/b/conv_1', 'op']]);
    expect(plain.query('  matmul ').hits.map((h) => [h.name, h.field])).toEqual([['model/dense/MatMul', 'name']]);
    expect(plain.query('/b/c')).toMatchObject({ total: 2, error: null });
    expect(plain.query('nothing here')).toEqual({ hits: [], total: 0, truncated: false, error: null });
    // Past 30 slashes the query is matched name by name.
    const deep = SearchIndex.build(makeGraph([[`${'x/'.repeat(40)}y`, 'Op'], ['x', 'Op']]));
    expect(deep.query(`${'/x'.repeat(35)}/y`).hits.map((h) => h.node)).toEqual([0]);
    expect(plain.query('   ')).toEqual({ hits: [], total: 0, truncated: false, error: null });
  });

  it('op: equality ignoring case, with * wildcards', () => {
    expect(nodes(plain.query('op:conv2d'))).toEqual(['a/b/Conv2D']);
    expect(nodes(plain.query('OP: Conv*'))).toEqual(['a/b/Conv2D', 'a/b/conv_1']);
    expect(nodes(plain.query('op:*Input'))).toEqual(['a/b/conv_1']);
    expect(plain.query('op:*').total).toBe(NODES.length);
    expect(plain.query('op:Conv').total).toBe(0);
    expect(plain.query('op:C.nst').total).toBe(0);
    expect(plain.query('op:Conv2D').hits[0]?.field).toBe('op');
    expect(plain.query('op:').error).toMatch(/op type/);
  });

  it('regex over names: case-sensitive unless i, anchored at name ends', () => {
    expect(nodes(plain.query('/conv/'))).toEqual(['a/b/conv_1']);
    expect(nodes(plain.query('/conv/i'))).toEqual(['a/b/Conv2D', 'a/b/conv_1']);
    expect(nodes(plain.query('/^a\\/b/'))).toEqual(['a/b', 'a/b/Conv2D', 'a/b/conv_1']);
    expect(nodes(plain.query('/a$/gm'))).toEqual(['a']);
    // The Const `k` comes last: constants rank below every other hit.
    expect(nodes(plain.query('/^[a-z]+$/'))).toEqual(['input', 'a', 'call', 'reshape', 'k']);
    // Would match across names in the joined text ('…conv_1\nk\nmodel…').
    expect(plain.query('/1[^x]*model/').total).toBe(0);
    expect(plain.query('/_1\\nk/').total).toBe(0);
    // Lookarounds are tested name by name.
    expect(nodes(plain.query('/^a(?=\\/b\\/C)/'))).toEqual(['a/b/Conv2D']);
    expect(plain.query('/(?<!a)$/').total).toBe(NODES.length - 1);
    expect(plain.query('/Relu/').hits[0]).toMatchObject({ name: 'model/Relu', field: 'name' });
  });

  it('an invalid regex is an error, not an exception', () => {
    const r = plain.query('/(unclosed/');
    expect(r.hits).toEqual([]);
    expect(r.total).toBe(0);
    expect(r.error).toMatch(/Invalid regular expression/);
    expect(plain.query('/a/uv').error).not.toBeNull();
    // Not a regex literal: the ending is no flag list, so it is a substring.
    expect(parseQuery('/conv2d/kernel')).toEqual({ kind: 'text', needle: '/conv2d/kernel' });
    expect(parseQuery('//').kind).toBe('text');
  });

  it('attr: keys and rendered values, tensors by dtype and shape only', () => {
    const index = SearchIndex.build(graph);
    expect(index.attributesReady).toBe(false);
    const attr = (q: string): [string, string | undefined][] => index.query(`attr:${q}`).hits.map((h) => [h.name, h.attrKey]);
    expect(attr('float')).toEqual([['input', 'dtype'], ['a', 'dtype'], ['a/b', 'T'], ['a/b/Conv2D', 'T'], ['k', 'value']]);
    expect(index.attributesReady).toBe(true);
    expect(attr('(2, 3)')).toEqual([['input', 'shape']]);
    expect(attr('same')).toEqual([['a/b/Conv2D', 'padding']]);
    expect(attr('[1, 2, 2, 1]')).toEqual([['a/b/Conv2D', 'strides']]);
    expect(attr('STRIDES')).toEqual([['a/b/Conv2D', 'strides']]);
    expect(attr('true')).toEqual([['a/b/Conv2D', 'use_cudnn_on_gpu']]);
    expect(attr('false')).toEqual([['model/dense/MatMul', 'transpose_a']]);
    expect(attr('my_fn')).toEqual([['call', 'f']]);
    expect(attr('0.2')).toEqual([['call', 'alpha']]);
    expect(attr('(?, 4)')).toEqual([['reshape', 'shape']]);
    expect(attr('-1')).toEqual([['reshape', 'axis']]);
    expect(attr('int32')).toEqual([['reshape', 'Tshape']]);
    expect(attr('loc:@a')).toEqual([['a', '_class']]);
    expect(attr('float (4, 5)')).toEqual([['k', 'value']]);
    expect(attr('secret')).toEqual([]);
    // Key and value are separate texts: no match across them.
    expect(attr('paddingsame')).toEqual([]);
    expect(attr('padding\nsame')).toEqual([]);
    expect(index.query('attr:float').hits.every((h) => h.field === 'attr')).toBe(true);
    expect(index.query('attr:').error).toMatch(/attr:/);
  });

  it('limit truncates hits, total counts every match, hits come ranked', () => {
    const r = plain.query('a', 3);
    const all = NODES.filter(([n, op]) => n.toLowerCase().includes('a') || op.toLowerCase().includes('a'));
    expect(r.total).toBe(all.length);
    expect(r.truncated).toBe(true);
    // Own-name hits (a, MatMul, call) before op-type hits (input: Placeholder) and in-scope hits (a/b).
    expect(nodes(r)).toEqual(['a', 'model/dense/MatMul', 'call']);
    expect(nodes(plain.query('a', 100))).toEqual(['a', 'model/dense/MatMul', 'call', 'reshape', 'input', 'a/b/conv_1', 'a/b', 'a/b/Conv2D']);
    expect(plain.query('a', 0)).toMatchObject({ hits: [], total: all.length, truncated: true });
    expect(plain.query('a', 100)).toMatchObject({ total: all.length, truncated: false });
    expect(plain.query('op:*', 2).hits.map((h) => h.node)).toEqual([0, 1]);
    expect(plain.query('/./', 4)).toMatchObject({ total: NODES.length, truncated: true });
    expect(plain.query('attr:float', 2)).toMatchObject({ total: 5, truncated: true });
    expect(plain.query('attr:float', 2).hits).toHaveLength(2);
  });

  it('applies the default limit of 200', () => {
    const big = SearchIndex.build(makeGraph(Array.from({ length: 250 }, (_, i): NodeSpec => [`n${i}`, i % 2 ? 'Add' : 'Mul'])));
    expect(big.query('n')).toMatchObject({ total: 250, truncated: true });
    expect(big.query('n').hits).toHaveLength(200);
    const add = big.query('op:add');
    expect(add.total).toBe(125);
    expect(add.hits.map((h) => h.node)).toEqual(Array.from({ length: 125 }, (_, k) => 2 * k + 1));
    // Nodes matching by op and by name interleave in graph order.
    const mixed = big.query('mul', 3);
    expect(mixed.hits.map((h) => [h.node, h.field])).toEqual([[0, 'op'], [2, 'op'], [4, 'op']]);
  });
});

describe('scope paths', () => {
  it('come from the `/`s in names without a hierarchy', () => {
    expect(plain.query('op:Conv2D').hits[0]?.scopePath).toEqual(['a', 'a/b']);
    expect(plain.query('op:VariableV2').hits[0]?.scopePath).toEqual([]);
    expect(plain.query('op:MatMul').hits[0]?.scopePath).toEqual(['model', 'model/dense']);
  });

  it('follow the hierarchy: strict-renamed ops sit in their own scope, embedded nodes in their host', () => {
    const h = buildHierarchy(graph);
    const index = SearchIndex.build(graph, h);
    expect(h.name(h.hnodeOf[1]!)).toBe('a/(a)');
    expect(index.query('op:VariableV2').hits[0]?.scopePath).toEqual(['a']);
    expect(index.query('op:Identity').hits[0]?.scopePath).toEqual(['a', 'a/b']);
    expect(index.query('op:Conv2D').hits[0]?.scopePath).toEqual(['a', 'a/b']);
    // `k` is a Const with one consumer: embedded in model/dense/MatMul.
    expect(h.hnodeOf[5]).toBe(-1);
    expect(index.query('op:Const').hits[0]?.scopePath).toEqual(['model', 'model/dense']);
    expect(index.query('op:Placeholder').hits[0]?.scopePath).toEqual([]);
  });

  it('include a series when the node is grouped in one', () => {
    const g = makeGraph(Array.from({ length: 6 }, (_, i): NodeSpec => [`s/add_${i + 1}`, 'Add']));
    const h = buildHierarchy(g);
    expect(SearchIndex.build(g, h).query('add_3').hits[0]?.scopePath).toEqual(['s', 's/add_[1-6]']);
    expect(() => SearchIndex.build(graph, h)).toThrow(/another graph/);
  });
});

/** Whether a match of `needle` (lowercase) in `name` ends in its last segment, segments lowercased apart. */
function leafHolds(name: string, needle: string): boolean {
  const segs = name.split('/').map((x) => x.toLowerCase());
  const parts = needle.split('/');
  const k = parts.length - 1;
  const last = segs.length - 1;
  if (k === 0) return (segs[last] as string).includes(needle);
  if (last < k) return false;
  return (segs[last - k] as string).endsWith(parts[0] as string) && parts.slice(1, k).every((p, j) => segs[last - k + 1 + j] === p) && (segs[last] as string).startsWith(parts[k] as string);
}

/** What a query should return, by brute force over the graph. */
function naive(g: Graph, test: (i: number) => boolean): number[] {
  return Array.from({ length: g.nodeCount }, (_, i) => i).filter(test);
}

describe('search properties', () => {
  const char = fc.constantFrom('a', 'B', 'c', '/', '_', '1', 'İ', 'Σ', '\n', ' ');
  const name = fc.string({ unit: char, maxLength: 8 });
  const op = fc.constantFrom('Add', 'BiasAdd', 'Const', 'c1', 'İd');

  it('substring search returns exactly the nodes whose name or op contains the query', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(name, op), { maxLength: 40 }), fc.string({ unit: char, minLength: 1, maxLength: 3 }), fc.integer({ min: 0, max: 50 }), (specs, q, limit) => {
        fc.pre(parseQuery(q).kind === 'text');
        const g = makeGraph(specs.map(([n, o]): NodeSpec => [n, o]));
        const needle = q.trim().toLowerCase();
        const expected = naive(g, (i) => g.name(i).toLowerCase().includes(needle) || g.op(i).toLowerCase().includes(needle));
        const r = SearchIndex.build(g).query(q, limit);
        expect(r.total).toBe(expected.length);
        // Ranked (search-rank.ts): Const-like ops last, then own-name hits before op-type hits before in-scope hits.
        const rank = (i: number): number => {
          if (g.op(i).includes('Const')) return 4;
          if (leafHolds(g.name(i), needle)) return 1;
          return g.op(i).toLowerCase().includes(needle) ? 2 : 3;
        };
        const ranked = [...expected].sort((a, b) => rank(a) - rank(b) || a - b);
        expect(r.hits.map((h) => h.node)).toEqual(ranked.slice(0, limit));
        expect(r.truncated).toBe(expected.length > limit);
        for (const h of r.hits) expect(h.field).toBe(g.name(h.node).toLowerCase().includes(needle) ? 'name' : 'op');
      }),
      { numRuns: 400 },
    );
  });

  it('regex search returns exactly the nodes whose name matches', () => {
    const patterns = ['^a', 'b$', 'a.*c', '^$', '[^/]*/', 'a\\n', '(?<=/)c', '^a(?!b)', 'b|1', '\\bc'];
    fc.assert(
      fc.property(fc.array(name, { maxLength: 40 }), fc.constantFrom(...patterns), fc.constantFrom('', 'i'), (names, src, flags) => {
        const g = makeGraph(names.map((n): NodeSpec => [n, 'Op']));
        const re = new RegExp(src, flags);
        const expected = naive(g, (i) => re.test(g.name(i)));
        const r = SearchIndex.build(g).query(`/${src}/${flags}`, 1000);
        expect(r.hits.map((h) => h.node)).toEqual(expected);
        expect(r.total).toBe(expected.length);
      }),
      { numRuns: 400 },
    );
  });
});

describe.skipIf(!HAVE_CORPUS)('search on a corpus graph', () => {
  it('pix2pix: op:, substring, regex and attr: agree with brute force', async () => {
    const rel = 'pix2pix_gan_reuse/1/events.out.tfevents.1573068136.neuromancer-lab';
    const r = await loadSource(memorySource(rel, corpusBytes(rel)));
    const g = r.graphs[0]?.graph as Graph;
    const index = SearchIndex.build(g, buildHierarchy(g));
    const conv = naive(g, (i) => g.op(i) === 'Conv2D');
    expect(conv.length).toBeGreaterThan(0);
    const res = index.query('op:Conv2D', Infinity);
    expect(res.total).toBe(conv.length);
    expect(res.hits.map((h) => h.node)).toEqual(conv);
    const h = buildHierarchy(g);
    const gradScopes = Array.from({ length: h.count }, (_, x) => x).filter((x) => h.kind[x] === 0 && x !== h.root && (h.name(x).split('/').pop() as string).toLowerCase().includes('gradients'));
    expect(gradScopes.length).toBeGreaterThan(0);
    const grads = index.query('gradients', Infinity);
    expect(grads.total).toBe(gradScopes.length + naive(g, (i) => g.name(i).toLowerCase().includes('gradients') || g.op(i).toLowerCase().includes('gradients')).length);
    // Scopes named after the text come first, but those inside tf.gradients' own scope only after the ops named after it.
    expect(grads.hits.filter((x) => x.field === 'scope').map((x) => x.scope).sort((a, b) => (a as number) - (b as number))).toEqual(gradScopes);
    const outer = gradScopes.filter((x) => !/(^|\/)gradients(_\d+)?\//.test(h.name(x)));
    expect(outer.length).toBeGreaterThan(0);
    expect(grads.hits.slice(0, outer.length).map((x) => x.scope)).toEqual(outer);
    const firstInner = grads.hits.findIndex((x) => x.field === 'scope' && !outer.includes(x.scope as number));
    expect(grads.hits.slice(outer.length, firstInner).some((x) => x.field === 'name')).toBe(true);
    expect(index.query('/^discriminator\\/layer_\\d+\\/conv2d\\/Conv2D$/').total).toBe(naive(g, (i) => /^discriminator\/layer_\d+\/conv2d\/Conv2D$/.test(g.name(i))).length);
    const text = (b: Uint8Array): string => new TextDecoder().decode(b).toLowerCase();
    const padded = naive(g, (i) =>
      [...g.attrs(i)].some(([k, v]) => k.toLowerCase().includes('padding') || [v.s, ...(v.list?.s ?? [])].some((b) => b && text(b).includes('padding')) || (v.func?.name ?? '').toLowerCase().includes('padding')),
    );
    expect(padded.length).toBeGreaterThan(0);
    expect(index.query('attr:padding', Infinity).hits.map((h) => h.node)).toEqual(padded);
    const floats = naive(g, (i) => g.attrKeys(i).some((k) => g.attr(i, k)?.type === F));
    const floatHits = index.query('attr:float', Infinity).hits.map((h) => h.node);
    expect(floatHits.filter((i) => floats.includes(i))).toEqual(floats);
    expect(dtypeName(F)).toBe('float');
    // Scope paths end with the scope holding the node's hierarchy node.
    for (const h of res.hits) expect(h.scopePath.at(-1)).toBe(h.name.slice(0, h.name.lastIndexOf('/')));
  });
});
