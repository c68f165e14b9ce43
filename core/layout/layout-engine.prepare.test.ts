// Layout engine: background preparation of scopes (LayoutEngine.prepare) and how it yields to requests.
import { describe, expect, it } from 'vitest';
import { analyzeHierarchy, type ScopedHierarchy } from '../scope/scope-engine';
import { H_SCOPE } from '../scope/hierarchy';
import { makeGraph, type NodeSpec } from '../test-support/graphs';
import { LayoutEngine } from './layout-engine';
import { inlineExecutor } from './local-layout';
import type { ScopeInput, ScopeLayout } from './types';
import { LayoutCancelled, type LayoutExecutor } from './worker-pool';

const now = (): number => performance.now();

/** Eight top-level scopes of a few ops each, chained from one to the next, and an op at the top. */
function model(): ScopedHierarchy {
  const nodes: NodeSpec[] = [['x', 'Placeholder']];
  for (let s = 0; s < 8; s++) {
    nodes.push([`s${s}/a`, 'Identity', [s === 0 ? 'x' : `s${s - 1}/c`]], [`s${s}/b`, 'Relu', [`s${s}/a`]], [`s${s}/c`, 'Add', [`s${s}/a`, `s${s}/b`]]);
  }
  return analyzeHierarchy(makeGraph(nodes));
}

const topScopes = (m: ScopedHierarchy): number[] => Array.from(m.hierarchy.children(m.hierarchy.root)).filter((c) => m.hierarchy.kind[c] === H_SCOPE);

/** An executor whose jobs wait until released: what it was asked for, in order. */
function parkingExecutor(): LayoutExecutor & { jobs: { input: ScopeInput; isStale: () => boolean; go: () => void }[] } {
  const inline = inlineExecutor(now);
  const jobs: { input: ScopeInput; isStale: () => boolean; go: () => void }[] = [];
  return {
    jobs,
    run: (input, isStale) => new Promise<ScopeLayout>((resolve, reject) => {
      jobs.push({ input, isStale, go: () => (isStale() ? reject(new LayoutCancelled()) : resolve(inline.run(input, isStale))) });
    }),
  };
}

const flush = async (): Promise<void> => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

const plain = (l: ScopeLayout): string => JSON.stringify(l, (k, v: unknown) => (k === 'ms' ? 0 : ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v));

describe('LayoutEngine.prepare', () => {
  it('lays out each scope alone, so that opening them all then lays out only the root, with the same layouts', async () => {
    const m = model();
    const scopes = topScopes(m);
    expect(scopes).toHaveLength(8);
    const engine = new LayoutEngine(m, inlineExecutor(now), undefined, undefined, now, false);
    const progress: number[] = [];
    await engine.prepare(scopes, inlineExecutor(now), (done, total) => {
      expect(total).toBe(8);
      progress.push(done);
    });
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const visible = await engine.layout(new Set(scopes));
    expect(visible.laidOut).toBe(1);
    const fresh = await new LayoutEngine(m, inlineExecutor(now), undefined, undefined, now, false).layout(new Set(scopes));
    expect(fresh.laidOut).toBe(9);
    for (const s of [...scopes, m.hierarchy.root]) expect(plain(visible.layouts.get(s) as ScopeLayout)).toBe(plain(fresh.layouts.get(s) as ScopeLayout));
    // Prepared again: everything comes from the cache.
    let again = 0;
    await engine.prepare(scopes, { run: () => Promise.reject(new Error('laid out twice')) }, (done) => (again = done));
    expect(again).toBe(8);
  });

  it('submits nothing while a request runs, and goes on once it has finished', async () => {
    const m = model();
    const scopes = topScopes(m);
    const requests = parkingExecutor();
    const background = parkingExecutor();
    const engine = new LayoutEngine(m, requests, undefined, undefined, now, false);
    const request = engine.layout(new Set([scopes[0] as number]));
    await flush();
    expect(requests.jobs).toHaveLength(1);
    const prepared = engine.prepare(scopes, background);
    await flush();
    expect(background.jobs).toHaveLength(0);
    // The request's scope, then its root.
    requests.jobs[0]?.go();
    await flush();
    requests.jobs[1]?.go();
    expect((await request).laidOut).toBe(2);
    await flush();
    // s0 was laid out by the request: the preparation takes it from the cache and keeps four in flight.
    expect(background.jobs.map((j) => j.input.scope)).toEqual(scopes.slice(1, 5));
    while (background.jobs.some((j) => j.go !== noop)) {
      for (const j of background.jobs) {
        const go = j.go;
        j.go = noop;
        go();
      }
      await flush();
    }
    await prepared;
    expect(background.jobs.map((j) => j.input.scope)).toEqual(scopes.slice(1));
  });

  it('stops when told to: what is in flight goes stale and nothing more is asked for', async () => {
    const m = model();
    const scopes = topScopes(m);
    const background = parkingExecutor();
    const engine = new LayoutEngine(m, inlineExecutor(now), undefined, undefined, now, false);
    const prepared = engine.prepare(scopes, background);
    await flush();
    expect(background.jobs).toHaveLength(4);
    engine.stopPreparing();
    expect(background.jobs.every((j) => j.isStale())).toBe(true);
    for (const j of background.jobs) j.go();
    await prepared;
    expect(background.jobs).toHaveLength(4);
    // Nothing of it reached the cache: opening the scopes lays them out.
    expect((await engine.layout(new Set(scopes))).laidOut).toBe(9);
  });
});

function noop(): void {}
