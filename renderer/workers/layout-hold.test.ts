// The test build's layout hold, in front of the real layout engine on the demo graph: it parks
// layouts after the ones it lets through, finishes them on release, and a request superseded while
// parked is dropped rather than laid out. In front of the worker pool (as in the session worker),
// parked layouts never reach a worker, and on release the fresh ones are posted ahead together.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { memorySource } from '../../core/io/byte-source';
import { loadSource } from '../../core/io/load';
import type { Graph } from '../../core/graph/graph';
import { expandedBySpec } from '../../core/layout/expand-spec';
import { DEFAULT_SETTINGS, LayoutEngine } from '../../core/layout/layout-engine';
import { inlineExecutor } from '../../core/layout/local-layout';
import type { ScopeInput } from '../../core/layout/types';
import { LayoutCancelled, WorkerPool, type LayoutRequest, type LayoutResponse, type LayoutWorker } from '../../core/layout/worker-pool';
import { analyzeHierarchy, type ScopedHierarchy } from '../../core/scope/scope-engine';
import { isHoldMessage, LayoutHold } from './layout-hold';

const now = (): number => performance.now();
const DEMO = join(import.meta.dirname, '../../fixtures/generated/demo.pb');
// Parking is reached through awaits, not timers: generous bounds, never a measure of speed.
const PARKED = { timeout: 30_000, interval: 5 };

async function demo(): Promise<ScopedHierarchy> {
  const r = await loadSource(memorySource(DEMO, new Uint8Array(readFileSync(DEMO))));
  return analyzeHierarchy((r.graphs[0] as { graph: Graph }).graph);
}

function engineWithHold(model: ScopedHierarchy): { engine: LayoutEngine; hold: LayoutHold; ran: () => number } {
  const inner = inlineExecutor(now);
  let runs = 0;
  const counting = { run: (...a: Parameters<typeof inner.run>) => (runs++, inner.run(...a)) };
  const hold = new LayoutHold(counting);
  // Structure sharing off: every open scope is one request through the executor.
  return { engine: new LayoutEngine(model, hold, DEFAULT_SETTINGS, undefined, now, false), hold, ran: () => runs };
}

describe('layout hold (test build)', () => {
  it('lets `pass` layouts through, parks the rest until released, then finishes the request', async () => {
    const model = await demo();
    const all = expandedBySpec(model.hierarchy, 'all') as Set<number>;
    const { engine, hold, ran } = engineWithHold(model);
    hold.hold(2);
    const progress: number[] = [];
    let settled = false;
    const request = engine.layout(all, (done) => progress.push(done)).finally(() => { settled = true; });
    await vi.waitFor(() => expect(hold.waiting).toBeGreaterThan(0), PARKED);
    await vi.waitFor(() => expect(progress).toEqual([1, 2]), PARKED);
    expect(ran()).toBe(2);
    expect(settled).toBe(false);
    hold.release();
    const visible = await request;
    expect(visible.layouts.size).toBe(all.size + 1);
    expect(hold.waiting).toBe(0);
    expect(ran()).toBe(all.size + 1);
  });

  it('drops a request superseded while parked: the newer one is laid out after release', async () => {
    const model = await demo();
    const { engine, hold } = engineWithHold(model);
    hold.hold();
    const older = engine.layout(expandedBySpec(model.hierarchy, 'all') as Set<number>);
    older.catch(() => undefined);
    await vi.waitFor(() => expect(hold.waiting).toBeGreaterThan(0), PARKED);
    const newer = engine.layout(new Set());
    hold.release();
    await expect(older).rejects.toBeInstanceOf(LayoutCancelled);
    expect((await newer).layouts.size).toBe(1);
  });

  it('in front of the pool: parked layouts reach no worker; released fresh ones are posted ahead', async () => {
    const received: LayoutRequest[] = [];
    let respond: (r: LayoutResponse) => void = () => undefined;
    const worker: LayoutWorker = { post: (r) => void received.push(r), listen: (on) => void (respond = on), terminate: () => undefined };
    const hold = new LayoutHold(new WorkerPool([worker]));
    const input = (scope: number): ScopeInput => ({ scope, settings: DEFAULT_SETTINGS, header: 0, aux: [], ownPorts: [], edges: [], nodes: [{ id: 1, width: 40, height: 20, ports: [] }] });
    let stale = false;
    hold.hold(1);
    const jobs = [1, 2, 3].map((s) => hold.run(input(s), () => false));
    const superseded = hold.run(input(4), () => stale);
    await vi.waitFor(() => expect(hold.waiting).toBe(3), PARKED);
    expect(received.map((r) => r.input.scope)).toEqual([1]);
    stale = true;
    hold.release();
    await expect(superseded).rejects.toBeInstanceOf(LayoutCancelled);
    expect(received.map((r) => r.input.scope)).toEqual([1, 2, 3]);
    for (const r of received) respond({ type: 'failed', id: r.id, message: 'stand-in' });
    for (const job of jobs) await expect(job).rejects.toThrow('stand-in');
  });

  it('recognises only its own message', () => {
    expect(isHoldMessage({ type: 'test-layout-hold', hold: true, pass: 0 })).toBe(true);
    expect(isHoldMessage({ type: 'layout', id: 1 })).toBe(false);
    expect(isHoldMessage(null)).toBe(false);
  });
});
