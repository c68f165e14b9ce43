// Layouts shared between scopes of the same structure: keys that ignore ids and nothing else,
// layouts taken under the right ids, valid geometry, and requests that go stale while another
// scope waits for their layout.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memorySource } from '../io/byte-source';
import { loadSource } from '../io/load';
import type { Graph } from '../graph/graph';
import { analyzeHierarchy } from '../scope/scope-engine';
import { layoutProblems } from '../test-support/layout-invariants';
import { assemble } from './assemble';
import { expandedBySpec } from './expand-spec';
import { DEFAULT_SETTINGS, LayoutEngine } from './layout-engine';
import { inlineExecutor } from './local-layout';
import { NumberHash, relabel, structureKey } from './shared-layouts';
import type { ScopeInput } from './types';
import { LayoutCancelled, type LayoutExecutor } from './worker-pool';

const now = (): number => performance.now();

async function demo() {
  const file = join(import.meta.dirname, '../../fixtures/generated/demo.pb');
  const r = await loadSource(memorySource('demo.pb', new Uint8Array(readFileSync(file))));
  const model = analyzeHierarchy((r.graphs[0] as { graph: Graph }).graph);
  return { model, all: expandedBySpec(model.hierarchy, 'all') as Set<number> };
}

/** Lays out inline and records every input it was given. */
function recording(into: ScopeInput[]): LayoutExecutor {
  const inner = inlineExecutor(now);
  return { run: (input, stale) => (into.push(input), inner.run(input, stale)) };
}

describe('structure keys', () => {
  it('equal for conv1 and conv2 of the demo, different once a size differs', async () => {
    const { model, all } = await demo();
    const h = model.hierarchy;
    const inputs: ScopeInput[] = [];
    await new LayoutEngine(model, recording(inputs), DEFAULT_SETTINGS, undefined, now, false).layout(all);
    const of = (name: string): ScopeInput => inputs.find((i) => i.scope === h.find(name)) as ScopeInput;
    const [a, b] = [of('conv1'), of('conv2')];
    expect(structureKey(a)).toBe(structureKey(b));
    const wider = { ...b, nodes: b.nodes.map((n, i) => (i === 0 ? { ...n, width: n.width + 1 } : n)) };
    expect(structureKey(wider)).not.toBe(structureKey(a));
    const otherHeader = { ...b, header: b.header + 1 };
    expect(structureKey(otherHeader)).not.toBe(structureKey(a));
  });

  it('tell apart ends whose numbers differ only in sign or a power of two', () => {
    const ports = [{ key: 10, x: 0, y: 0 }, { key: 12, x: 30, y: 0 }];
    const node = (id: number): ScopeInput['nodes'][number] => ({ id, width: 60, height: 20, ports });
    const edge = (from: [number, number], to: [number, number]): ScopeInput['edges'][number] =>
      ({ from: { node: from[0], port: from[1] }, to: { node: to[0], port: to[1] }, data: 1, control: 0, ref: 0, elements: 1 });
    const scope = (edges: ScopeInput['edges']): ScopeInput =>
      ({ scope: 1, settings: DEFAULT_SETTINGS, header: 20, nodes: [node(100), node(101), node(102)], aux: [], ownPorts: [4, 6], edges });
    const keys = [
      scope([edge([100, -1], [101, -1])]), // child 0's box ...
      scope([edge([100, 12], [101, -1])]), // ... or its second port (position 1)
      scope([edge([-1, 6], [100, -1])]), // own port 1 ...
      scope([edge([101, -1], [100, -1])]), // ... or child 1's box
      scope([edge([102, -1], [100, -1])]), // child 2
      scope([edge([100, -1], [102, -1])]),
    ].map(structureKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('hash number sequences apart unless they are equal (small integers, signs, powers of two, fractions)', () => {
    const value = fc.oneof(fc.integer({ min: -4, max: 8 }), fc.constantFrom(0.5, 1024, 2048, -0, 13.25));
    const key = (vs: number[]): string => {
      const h = new NumberHash();
      for (const v of vs) h.add(v);
      return h.digest();
    };
    // The other sequence is the first with one value changed: near misses are where a weak mix collides.
    fc.assert(fc.property(fc.array(value, { minLength: 1, maxLength: 8 }), fc.nat(), value, (a, i, v) => {
      const b = a.map((x, k) => (k === i % a.length ? v : x));
      expect(key(a) === key(b)).toBe(Object.is(a[i % a.length], v));
    }), { numRuns: 3000, seed: 23 });
  });

  it('relabel puts a layout under the other scope\u2019s ids and keeps its geometry', async () => {
    const { model, all } = await demo();
    const h = model.hierarchy;
    const inputs: ScopeInput[] = [];
    const engine = new LayoutEngine(model, recording(inputs), DEFAULT_SETTINGS, undefined, now, false);
    const visible = await engine.layout(all);
    const [a, b] = ['conv1', 'conv2'].map((n) => h.find(n)) as [number, number];
    const la = visible.layouts.get(a);
    const inputB = inputs.find((i) => i.scope === b) as ScopeInput;
    if (!la) throw new Error('conv1 is not laid out');
    const moved = relabel(la, inputB);
    expect(moved.scope).toBe(b);
    expect([...moved.nodeIds].sort()).toEqual([...h.children(b)].sort());
    expect(moved.nodeBoxes).toEqual(la.nodeBoxes);
    expect(moved.edgeFrom.length).toBe(la.edgeFrom.length);
  });
});

describe('the engine shares layouts', () => {
  it('lays out each structure once when everything is open; geometry stays valid', async () => {
    const { model, all } = await demo();
    const engine = new LayoutEngine(model, inlineExecutor(now));
    const visible = await engine.layout(all);
    const reused = engine.shared?.reused ?? 0;
    expect(reused).toBeGreaterThan(10);
    expect(visible.laidOut + reused).toBe(all.size + 1);
    expect(layoutProblems(assemble(model, visible), visible)).toEqual([]);
    const h = model.hierarchy;
    for (const [s, l] of visible.layouts) {
      expect(l.scope).toBe(s);
      expect([...l.nodeIds].sort()).toEqual([...h.children(s)].sort());
    }
  });

  it('a scope waiting for a layout of a request that went stale lays out itself', async () => {
    const { model, all } = await demo();
    const engine = new LayoutEngine(model, inlineExecutor(now));
    const older = engine.layout(all);
    const newer = engine.layout(all);
    await expect(older).rejects.toBeInstanceOf(LayoutCancelled);
    const visible = await newer;
    expect(visible.layouts.size).toBe(all.size + 1);
    expect(layoutProblems(assemble(model, visible), visible)).toEqual([]);
  });
});
