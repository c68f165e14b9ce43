// Properties of the diff on random graphs and random perturbations of them (renamed scopes,
// dropped, added and changed nodes, shuffled node order): pairs are consistent both ways, counts
// add up on both sides, statuses agree with the names, diff(b, a) mirrors diff(a, b), and the
// result does not depend on node order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Graph } from '../graph/graph';
import { makeGraph, type NodeSpec } from '../test-support/graphs';
import { diffGraphs, type GraphDiff } from './diff';
import { scopeOf } from './match';
import { STATUS_ADDED, STATUS_ATTR_CHANGED, STATUS_MOVED, STATUS_REMOVED, STATUS_RENAMED, STATUS_SAME } from './classify';

const SCOPES = ['s', 't', 'layer', 'layer_1', 'dense'];
const LEAVES = ['a', 'b', 'read', 'Relu', 'add', 'add_1', 'w', 'w_1'];
const OPS = ['Const', 'Relu', 'Add', 'MatMul', 'Identity', 'NoOp'];

const nodeArb = fc.record({
  path: fc.array(fc.constantFrom(...SCOPES), { maxLength: 2 }),
  leaf: fc.constantFrom(...LEAVES),
  op: fc.constantFrom(...OPS),
  inputs: fc.array(fc.record({ back: fc.nat(), control: fc.boolean(), slot: fc.constantFrom(0, 0, 1) }), { maxLength: 3 }),
  dtype: fc.constantFrom(1, 1, 3),
});

/** A DAG of unique names (inputs point to earlier nodes). */
const graphArb = fc.array(nodeArb, { minLength: 1, maxLength: 30 }).map((nodes) => {
  const names: string[] = [];
  const used = new Set<string>();
  return nodes.map((n, i): NodeSpec => {
    let name = [...n.path, n.leaf].join('/');
    if (used.has(name)) name = `${name}_${i + 2}`;
    used.add(name);
    names.push(name);
    const inputs = i === 0 ? [] : n.inputs.map((x) => `${x.control ? '^' : ''}${names[x.back % i]}${!x.control && x.slot ? `:${x.slot}` : ''}`);
    return [name, n.op, inputs, { T: { type: n.dtype } }];
  });
});

const editsArb = fc.record({
  renameTop: fc.dictionary(fc.constantFrom(...SCOPES), fc.constantFrom('s2', 'moved', 'layer_2', 'outer/s'), { maxKeys: 2 }),
  drop: fc.array(fc.nat(), { maxLength: 4 }),
  retype: fc.array(fc.nat(), { maxLength: 4 }),
  added: fc.array(fc.tuple(fc.constantFrom(...LEAVES), fc.constantFrom(...OPS), fc.nat()), { maxLength: 3 }),
  order: fc.array(fc.nat(), { maxLength: 40 }),
});
type Edits = typeof editsArb extends fc.Arbitrary<infer T> ? T : never;

function renameNode(name: string, renameTop: Readonly<Record<string, string>>): string {
  const slash = name.indexOf('/');
  const top = renameTop[slash < 0 ? '' : name.slice(0, slash)];
  return slash < 0 || top === undefined ? name : `${top}${name.slice(slash)}`;
}

/** The perturbed copy: renamed top-level scopes, dropped and retyped nodes, new nodes, shuffled order. */
function perturb(spec: readonly NodeSpec[], e: Edits): NodeSpec[] {
  const drop = new Set(e.drop.map((k) => k % spec.length));
  const retype = new Set(e.retype.map((k) => k % spec.length));
  const out: NodeSpec[] = [];
  const taken = new Set<string>();
  spec.forEach(([name, op, inputs = [], attrs], k) => {
    if (drop.has(k)) return;
    const renamed = renameNode(name, e.renameTop);
    // Two scopes renamed to one name can collide (t/read and dense/read both → s2/read). TensorFlow
    // rejects duplicate names and inputs naming them are ambiguous, so the later node is dropped.
    if (taken.has(renamed)) return;
    taken.add(renamed);
    const renamedInputs = inputs.map((x) => x.replace(/^(\^?)([^:]+)/, (_, c: string, n: string) => c + renameNode(n, e.renameTop)));
    out.push([renamed, op, renamedInputs, retype.has(k) ? { T: { type: 9 } } : attrs]);
  });
  e.added.forEach(([leaf, op, src], k) => {
    const name = `new/${leaf}_${k}`;
    if (!taken.has(name)) out.push([name, op, [spec[src % spec.length]?.[0] ?? 'nothing']]);
  });
  return shuffle(out, e.order);
}

function shuffle<T>(xs: readonly T[], order: readonly number[]): T[] {
  const out = [...xs];
  order.forEach((r, k) => {
    const i = k % out.length;
    const j = r % out.length;
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  });
  return out;
}

function checkInvariants(d: GraphDiff, a: Graph, b: Graph): void {
  const nA = a.nodeCount;
  const nB = b.nodeCount;
  for (let i = 0; i < nA; i++) {
    const j = d.a.match[i] as number;
    const s = d.a.status[i] as number;
    if (j < 0) {
      expect(s).toBe(STATUS_REMOVED);
      continue;
    }
    expect([d.b.match[j], d.b.status[j], d.b.pass[j]]).toEqual([i, s, d.a.pass[i]]);
    const [na, nb] = [a.name(i), b.name(j)];
    const fields = d.fields.get(i) ?? [];
    if (s === STATUS_SAME) expect([na, fields]).toEqual([nb, []]);
    if (s === STATUS_ATTR_CHANGED) expect(na === nb && fields.length > 0).toBe(true);
    if (s === STATUS_MOVED) expect(scopeOf(na)).not.toBe(scopeOf(nb));
    if (s === STATUS_RENAMED) expect(scopeOf(na) === scopeOf(nb) && na !== nb).toBe(true);
  }
  for (let j = 0; j < nB; j++) if ((d.b.match[j] as number) < 0) expect(d.b.status[j]).toBe(STATUS_ADDED);
  const s = d.summary;
  expect(s.same + s.attrChanged + s.moved + s.renamed + s.removed).toBe(nA);
  expect(s.same + s.attrChanged + s.moved + s.renamed + s.added).toBe(nB);
  expect(d.a.rollup.get('')).toEqual({ ...s, added: 0 });
  expect(d.b.rollup.get('')).toEqual({ ...s, removed: 0 });
}

/** Matched pairs as "A name → B name", and statuses by name, to compare diffs of reordered graphs. */
function byName(d: GraphDiff, a: Graph, b: Graph): string[] {
  const out: string[] = [];
  for (let i = 0; i < a.nodeCount; i++) {
    const j = d.a.match[i] as number;
    out.push(`${a.name(i)} → ${j < 0 ? '-' : b.name(j)} ${d.a.status[i]} ${(d.fields.get(i) ?? []).join(',')}`);
  }
  for (let j = 0; j < b.nodeCount; j++) if ((d.b.match[j] as number) < 0) out.push(`- → ${b.name(j)}`);
  return out.sort();
}

/** Runs `check` on random graphs against random perturbations of them (and a random permutation to use). */
function forPerturbations(check: (a: Graph, b: Graph, specA: NodeSpec[], specB: NodeSpec[], order: number[]) => void): void {
  fc.assert(
    fc.property(graphArb, editsArb, fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), (spec, edits, order) => {
      const specB = perturb(spec, edits);
      check(makeGraph(spec), makeGraph(specB), spec, specB, order);
    }),
    { numRuns: 300 },
  );
}

describe('diffGraphs properties', () => {
  it('a graph against itself is all same', () => {
    fc.assert(
      fc.property(graphArb, (spec) => {
        const g = makeGraph(spec);
        expect(diffGraphs(g, g).summary.same).toBe(g.nodeCount);
      }),
      { numRuns: 200 },
    );
  });

  it('a graph wrapped in a new top-level scope is all moved, each node to its own copy', () => {
    fc.assert(
      fc.property(graphArb, (spec) => {
        const a = makeGraph(spec);
        const b = makeGraph(spec.map(([n, op, inputs = [], attrs]) => [`outer/${n}`, op, inputs.map((x) => x.replace(/^(\^?)/, '$1outer/')), attrs]));
        const d = diffGraphs(a, b);
        expect(d.summary.moved).toBe(a.nodeCount);
        expect([...d.a.match]).toEqual([...a.columns.names.keys()]);
      }),
      { numRuns: 200 },
    );
  });

  it('against a random perturbation: consistent pairs, counts that add up, statuses that fit the names', () => {
    forPerturbations((a, b) => checkInvariants(diffGraphs(a, b), a, b));
  });

  it('diff(b, a) mirrors diff(a, b)', () => {
    forPerturbations((a, b) => {
      const ab = diffGraphs(a, b);
      const ba = diffGraphs(b, a);
      const flip = (s: number): number => (s === STATUS_ADDED ? STATUS_REMOVED : s === STATUS_REMOVED ? STATUS_ADDED : s);
      expect([...ba.a.match]).toEqual([...ab.b.match]);
      expect([...ba.b.match]).toEqual([...ab.a.match]);
      expect([...ba.a.status]).toEqual([...ab.b.status].map(flip));
      expect([...ba.a.pass]).toEqual([...ab.b.pass]);
      for (const [i, fields] of ab.fields) expect(ba.fields.get(ab.a.match[i] as number)).toEqual(fields);
      expect(ba.fields.size).toBe(ab.fields.size);
      expect(ba.summary).toEqual({ ...ab.summary, added: ab.summary.removed, removed: ab.summary.added });
    });
  });

  it('does not depend on node order', () => {
    forPerturbations((a, b, specA, specB, order) => {
      const a2 = makeGraph(shuffle(specA, order));
      const b2 = makeGraph(shuffle(specB, [...order].reverse()));
      expect(byName(diffGraphs(a2, b2), a2, b2)).toEqual(byName(diffGraphs(a, b), a, b));
    });
  });
});
