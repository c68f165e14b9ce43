// The synchronous call into ELK's engine lays out exactly as elkjs's promise API, on real scopes of
// a fixture graph in both of the shapes we hand ELK (with ports, and bundled), and fails as it does.
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { memorySource } from '../io/byte-source';
import { loadSource } from '../io/load';
import { analyzeHierarchy } from '../scope/scope-engine';
import { expandedBySpec } from './expand-spec';
import { elkLayoutSync } from './elk-engine';
import { elkGraph } from './elk-layout';
import { DEFAULT_SETTINGS, LayoutEngine } from './layout-engine';
import { inlineExecutor } from './local-layout';
import type { ScopeInput } from './types';

const wrap = (i: ScopeInput): ElkNode => {
  const g = elkGraph(i);
  return g.ports?.length ? { id: 'top', layoutOptions: { 'elk.algorithm': 'fixed' }, children: [g] } : g;
};

/** The graph without `$H`, the identity hash ELK's runtime stamps on objects (it counts up per process). */
const geometry = (g: ElkNode): unknown => JSON.parse(JSON.stringify(g, (k, v: unknown) => (k === '$H' ? undefined : v)));

describe('elkLayoutSync', () => {
  it('gives the promise API\'s layout for every scope of a fixture graph', async () => {
    const file = join(import.meta.dirname, '../../fixtures/generated/demo.pb');
    const loaded = await loadSource(memorySource('demo.pb', new Uint8Array(readFileSync(file))));
    const model = analyzeHierarchy((loaded.graphs[0] as (typeof loaded.graphs)[number]).graph);
    const expanded = expandedBySpec(model.hierarchy, 'all');
    if ('error' in expanded) throw new Error(expanded.error);
    const inputs: ScopeInput[] = [];
    const inner = inlineExecutor(() => 0);
    await new LayoutEngine(model, { run: (i, stale) => (inputs.push(i), inner.run(i, stale)) }, DEFAULT_SETTINGS, undefined, () => 0, true).layout(expanded);
    const elk = new ELK();
    const laid = inputs.filter((i) => i.edges.some((e) => e.from.node >= 0 && e.to.node >= 0));
    expect(laid.length).toBeGreaterThan(3);
    for (const input of laid) expect(geometry(elkLayoutSync(wrap(input)))).toEqual(geometry(await elk.layout(wrap(input))));
  });

  it('throws where the promise API rejects (an edge to a node that does not exist)', async () => {
    const bad = (): ElkNode => ({ id: 'g', children: [{ id: 'a', width: 10, height: 10 }], edges: [{ id: 'e', sources: ['a'], targets: ['nowhere'] }] });
    await expect(new ELK().layout(bad())).rejects.toBeTruthy();
    expect(() => elkLayoutSync(bad())).toThrow(Error);
  });
});
