// Layout engine: geometry invariants on the seed fixtures, on every corpus graph (fully and partly
// expanded) and on random graphs; determinism; caching and persistence; cancellation; huge scopes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memorySource } from '../io/byte-source';
import { loadSource } from '../io/load';
import type { Graph } from '../graph/graph';
import { analyzeHierarchy, type ScopedHierarchy } from '../scope/scope-engine';
import { H_SCOPE } from '../scope/hierarchy';
import { corpusBytes, HAVE_CORPUS, readManifest } from '../test-support/corpus';
import { makeGraph, type NodeSpec } from '../test-support/graphs';
import { layoutProblems } from '../test-support/layout-invariants';
import { assemble } from './assemble';
import { expandedBySpec } from './expand-spec';
import { LayoutCache, type LayoutStore } from './layout-cache';
import { DEFAULT_SETTINGS, LayoutEngine } from './layout-engine';
import { inlineExecutor } from './local-layout';
import { LayoutCancelled } from './worker-pool';

const now = (): number => performance.now();
const FIXTURES = join(import.meta.dirname, '../../fixtures/generated');

async function fixtureGraph(file: string): Promise<Graph> {
  const r = await loadSource(memorySource(file, new Uint8Array(readFileSync(join(FIXTURES, file)))));
  return (r.graphs[0] as { graph: Graph }).graph;
}

async function laidOut(model: ScopedHierarchy, expanded: ReadonlySet<number>, engine = new LayoutEngine(model, inlineExecutor(now))) {
  const visible = await engine.layout(expanded);
  return { visible, placed: assemble(model, visible) };
}

const allScopes = (model: ScopedHierarchy): Set<number> => expandedBySpec(model.hierarchy, 'all') as Set<number>;

describe('layout of the seed examples', () => {
  it('fully expanded: every scope is open, geometry is valid, b sits outside scope_name', async () => {
    const model = analyzeHierarchy(await fixtureGraph('scoping-name-scope.pb'));
    const { visible, placed } = await laidOut(model, allScopes(model));
    expect(layoutProblems(placed, visible)).toEqual([]);
    const h = model.hierarchy;
    const box = (name: string) => placed.nodes.find((n) => h.name(n.id) === name);
    expect(box('b')?.expanded).toBe(true);
    expect(box('b/(b)')?.parent).toBe(h.find('b'));
    const outer = box('scope_name');
    const b = box('b');
    // b is a sibling of scope_name, not inside it.
    expect(b && outer && (b.y >= outer.y + outer.height || b.y + b.height <= outer.y || b.x >= outer.x + outer.width || b.x + b.width <= outer.x)).toBe(true);
    // The edge from b's read into scope_name/res crosses both borders through ports.
    const crossing = placed.edges.filter((e) => e.fromPort >= 0 || e.toPort >= 0);
    expect(crossing.length).toBeGreaterThan(0);
  });

  it('collapsed: the root shows the top-level scopes as boxes sized by their labels', async () => {
    const model = analyzeHierarchy(await fixtureGraph('scoping-name-scope.pb'));
    const { visible, placed } = await laidOut(model, new Set());
    expect(layoutProblems(placed, visible)).toEqual([]);
    expect(placed.nodes.map((n) => [model.hierarchy.name(n.id), n.type, n.expanded]).sort()).toEqual([['b', 'scope', false], ['scope_name', 'scope', false]]);
    expect(placed.edges).toHaveLength(1);
    expect(placed.edges[0]?.data).toBe(1);
  });

  it('is deterministic: two engines give identical geometry', async () => {
    const model = analyzeHierarchy(await fixtureGraph('demo.pb'));
    const a = await laidOut(model, allScopes(model));
    const b = await laidOut(model, allScopes(model));
    expect(a.placed).toEqual(b.placed);
  });
});

describe('caching and cancellation', () => {
  it('re-expanding comes from the cache; expanding one scope re-lays out only it and its ancestors', async () => {
    const model = analyzeHierarchy(await fixtureGraph('demo.pb'));
    // Structure sharing off: these counts are the cache's work alone (shared-layouts.test.ts has the rest).
    const engine = new LayoutEngine(model, inlineExecutor(now), DEFAULT_SETTINGS, undefined, now, false);
    const all = allScopes(model);
    const first = await engine.layout(all);
    expect(first.laidOut).toBe(all.size + 1);
    expect((await engine.layout(all)).laidOut).toBe(0);
    // Collapse one deep scope: it disappears as an open layout; only its ancestors are redone.
    const h = model.hierarchy;
    const deep = [...all].sort((a, b) => (h.depth[b] as number) - (h.depth[a] as number))[0] as number;
    const fewer = new Set(all);
    fewer.delete(deep);
    let ancestors = 0;
    for (let a = h.parent[deep] as number; a >= 0; a = h.parent[a] as number) ancestors++;
    expect((await engine.layout(fewer)).laidOut).toBe(ancestors);
  });

  it('persists layouts under the content namespace: a new engine with the same store lays out nothing', async () => {
    const model = analyzeHierarchy(await fixtureGraph('demo.pb'));
    const saved = new Map<string, Uint8Array>();
    const store: LayoutStore = {
      getMany: async (keys) => keys.map((k) => saved.get(k) ?? null),
      put: async (k, v) => void saved.set(k, v),
      keysUnder: async (prefix) => [...saved.keys()].filter((k) => k.startsWith(prefix)),
    };
    const all = allScopes(model);
    const a = await new LayoutEngine(model, inlineExecutor(now), DEFAULT_SETTINGS, new LayoutCache(100, store, 'demo')).layout(all);
    expect(saved.size).toBe(all.size + 1);
    const engine = new LayoutEngine(model, inlineExecutor(now), DEFAULT_SETTINGS, new LayoutCache(100, store, 'demo'));
    const b = await engine.layout(all);
    expect(b.laidOut).toBe(0);
    expect(assemble(model, b)).toEqual(assemble(model, a));
    // Another namespace (another file) shares nothing.
    const other = new LayoutEngine(model, inlineExecutor(now), DEFAULT_SETTINGS, new LayoutCache(100, store, 'other'));
    const c = await other.layout(all);
    expect(c.laidOut + (other.shared?.reused ?? 0)).toBe(all.size + 1);
  });

  it('reads the store once per request, not once per scope, and not at all when it holds none of the keys', async () => {
    const model = analyzeHierarchy(await fixtureGraph('demo.pb'));
    const saved = new Map<string, Uint8Array>();
    const reads: number[] = [];
    const store: LayoutStore = {
      getMany: async (keys) => (reads.push(keys.length), keys.map((k) => saved.get(k) ?? null)),
      put: async (k, v) => void saved.set(k, v),
      keysUnder: async (prefix) => [...saved.keys()].filter((k) => k.startsWith(prefix)),
    };
    const all = allScopes(model);
    await new LayoutEngine(model, inlineExecutor(now), DEFAULT_SETTINGS, new LayoutCache(100, store, 'demo')).layout(all);
    expect(reads).toEqual([]);
    // A second engine finds every layout in that one read and lays out nothing.
    reads.length = 0;
    const b = await new LayoutEngine(model, inlineExecutor(now), DEFAULT_SETTINGS, new LayoutCache(100, store, 'demo')).layout(all);
    expect(reads).toEqual([all.size + 1]);
    expect(b.laidOut).toBe(0);
  });

  it('a newer request cancels the older one instead of waiting for it', async () => {
    const model = analyzeHierarchy(await fixtureGraph('demo.pb'));
    const engine = new LayoutEngine(model, inlineExecutor(now));
    const older = engine.layout(allScopes(model));
    const newer = engine.layout(new Set());
    await expect(older).rejects.toBeInstanceOf(LayoutCancelled);
    expect((await newer).layouts.size).toBe(1);
  });
});

describe('huge flat scopes', () => {
  it('more children than flatLimit get the fast layout, valid geometry and a notice for the user', async () => {
    const nodes: NodeSpec[] = [['x', 'Placeholder']];
    for (let i = 0; i < 3000; i++) nodes.push([`flat/op_${i}`, i % 2 ? 'Add' : 'Mul', i < 50 ? ['x'] : [`flat/op_${i - 50}`, `flat/op_${(i * 7) % (i - 1)}`]]);
    const model = analyzeHierarchy(makeGraph(nodes), { extraction: false });
    const flat = model.hierarchy.find('flat');
    const { visible, placed } = await laidOut(model, new Set([flat]));
    expect(layoutProblems(placed, visible)).toEqual([]);
    expect(visible.notices).toEqual([{ scope: flat, message: expect.stringMatching(/^3000 children: drawn with the fast layered layout/) }]);
    // Data flows up: every op sits above the ops feeding it.
    const y = new Map(placed.nodes.map((n) => [n.id, n.y]));
    const h = model.hierarchy;
    expect(y.get(h.find('flat/op_100')) as number).toBeLessThan(y.get(h.find('flat/op_50')) as number);
  });
});

describe('random graphs', () => {
  const arbGraph = fc.array(fc.tuple(fc.constantFrom('a', 'a/b', 'a/b/c', 'd', 'd/e', 'a_1'), fc.constantFrom('Add', 'MatMul', 'NoOp', 'Const'), fc.array(fc.nat(), { maxLength: 3 }), fc.boolean()), { minLength: 1, maxLength: 40 });
  it('valid geometry for any expansion state', async () => {
    await fc.assert(fc.asyncProperty(arbGraph, fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), async (specs, open) => {
      const nodes: NodeSpec[] = specs.map(([scope, op, ins, control], i) => [`${scope}/n${i}`, op, ins.filter((k) => k < i).map((k) => `${control ? '^' : ''}${specs[k]?.[0]}/n${k}`)]);
      const model = analyzeHierarchy(makeGraph(nodes));
      const h = model.hierarchy;
      const scopes = [...allScopes(model)];
      const expanded = new Set(scopes.filter((_, k) => open[k % open.length]));
      const { visible, placed } = await laidOut(model, expanded);
      expect(layoutProblems(placed, visible)).toEqual([]);
      // Every node of an open scope is placed exactly once.
      const ids = placed.nodes.map((n) => n.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const s of visible.layouts.keys()) for (const c of h.children(s)) expect(ids).toContain(c);
    }), { numRuns: 40 });
  }, 60_000);
});

describe.skipIf(!HAVE_CORPUS)('corpus', () => {
  it('every corpus graph, collapsed, top level open and fully expanded: valid geometry', async () => {
    for (const rel of Object.keys(readManifest())) {
      const loaded = await loadSource(memorySource(rel, corpusBytes(rel)));
      for (const { graph } of loaded.graphs) {
        const model = analyzeHierarchy(graph);
        const h = model.hierarchy;
        const top = new Set(Array.from(h.children(h.root)).filter((c) => h.kind[c] === H_SCOPE));
        for (const expanded of [new Set<number>(), top, allScopes(model)]) {
          const { visible, placed } = await laidOut(model, expanded);
          expect(layoutProblems(placed, visible), `${rel} with ${expanded.size} open scopes`).toEqual([]);
        }
      }
    }
  }, 600_000);
});
