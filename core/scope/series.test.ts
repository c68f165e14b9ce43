import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Graph } from '../graph/graph';
import { makeGraph } from '../test-support/graphs';
import { H_OP, H_SCOPE } from './hierarchy';
import { groupSeries, type SeriesRun } from './series';

interface Draft {
  kind: number[];
  parent: number[];
  names: string[];
  opNode: number[];
  count: number;
}

/** TensorBoard's rule written the obvious way (a regex per leaf), to check the hand-written scan against. */
function referenceSeries(t: Draft, ops: readonly string[], minSize: number): string[] {
  const groups = new Map<string, { scope: number; prefix: string; members: { id: number; h: number }[] }>();
  for (let h = 0; h < t.kind.length; h++) {
    if (t.kind[h] !== H_OP) continue;
    const name = t.names[h] as string;
    const m = /^(\D*)(\d+)$/.exec(name.slice(name.lastIndexOf('/') + 1));
    if (!m || (m[2] as string).length > 15) continue;
    const key = `${t.parent[h]}\u0000${ops[t.opNode[h] as number]}\u0000${m[1]}`;
    const g = groups.get(key) ?? { scope: t.parent[h] as number, prefix: m[1] as string, members: [] };
    groups.set(key, g);
    g.members.push({ id: Number(m[2]), h });
  }
  const out: string[] = [];
  for (const g of groups.values()) {
    g.members.sort((a, b) => a.id - b.id || a.h - b.h);
    let run: { id: number; h: number }[] = [];
    const flush = (): void => {
      if (run.length >= minSize) out.push(`${t.names[g.scope] ? `${t.names[g.scope]}/` : ''}${g.prefix}[${run[0]!.id}-${run[run.length - 1]!.id}]:${run.map((r) => r.h).sort((a, b) => a - b).join(',')}`);
      run = [];
    };
    for (const m of g.members) {
      const prev = run[run.length - 1];
      if (prev && m.id === prev.id) continue;
      if (prev && m.id !== prev.id + 1) flush();
      run.push(m);
    }
    flush();
  }
  return out;
}

/** A root, scope `s`, and ops with the given leaves under either; the graph holds the same names. */
function hierarchyOf(leaves: readonly [string, boolean, number][]): { t: Draft; ops: string[]; graph: Graph } {
  const t: Draft = { kind: [H_SCOPE, H_SCOPE], parent: [-1, 0], names: ['', 's'], opNode: [-1, -1], count: 2 };
  const ops = leaves.map(([, , op]) => ['Add', 'Mul'][op] as string);
  leaves.forEach(([leaf, inScope], i) => {
    t.kind.push(H_OP);
    t.parent.push(inScope ? 1 : 0);
    t.names.push(inScope ? `s/${leaf}` : leaf);
    t.opNode.push(i);
    t.count++;
  });
  return { t, ops, graph: makeGraph(t.names.slice(2).map((name, i) => [name, ops[i] as string])) };
}

function seriesOf(runs: readonly SeriesRun[]): string[] {
  return runs.map((r) => `${r.name}:${[...r.members].sort((a, b) => a - b).join(',')}`);
}

describe('groupSeries', () => {
  it('skips digits inside the leaf and non-digit endings, and lets the first of equal numbers (x_01, x_1) join', () => {
    const { t, graph } = hierarchyOf(['a1b2', 'a1b3', 'a1b4', 'a1b5', 'a1b6', 'x_01', 'x_1', 'x_2', 'x_3', 'x_4', 'x_5', '7', '8', '9', '10', '11', 'y1', 'y2', 'y3', 'y4', 'y5x'].map((l) => [l, true, 0] as [string, boolean, number]));
    expect(seriesOf(groupSeries(t, graph, 4))).toEqual(['s/x_[1-5]:7,9,10,11,12', 's/[7-11]:13,14,15,16,17', 's/y[1-4]:18,19,20,21']);
  });

  it('groups the same series as a regex-per-leaf reference on random names', () => {
    const leaf = fc.string({ unit: fc.constantFrom('a', '_', '0', '1', '2', '3', 'é', '\n'), maxLength: 6 });
    const arb = fc.array(fc.tuple(leaf, fc.boolean(), fc.integer({ min: 0, max: 1 })), { maxLength: 60 });
    fc.assert(fc.property(arb, fc.integer({ min: 1, max: 5 }), (leaves, minSize) => {
      const { t, ops, graph } = hierarchyOf(leaves);
      const expected = referenceSeries(t, ops, minSize);
      expect(seriesOf(groupSeries(t, graph, minSize))).toEqual(expected);
    }), { numRuns: 300 });
  });
});
