// The worker pool: jobs spread over idle workers, queue when all are busy, stale jobs are dropped
// before they start, failures reject, and terminate() rejects what is left.
import { describe, expect, it } from 'vitest';
import { answerLayoutRequest } from './local-layout';
import { LayoutCancelled, WorkerPool, type LayoutRequest, type LayoutResponse, type LayoutWorker } from './worker-pool';
import { DEFAULT_SETTINGS } from './layout-engine';
import type { ScopeInput } from './types';

const input = (scope: number, n = 2): ScopeInput => ({
  scope, settings: DEFAULT_SETTINGS, header: 0, aux: [], ownPorts: [],
  nodes: Array.from({ length: n }, (_, i) => ({ id: 100 + i, width: 40, height: 20, ports: [] })),
  edges: n > 1 ? [{ from: { node: 100, port: -1 }, to: { node: 101, port: -1 }, data: 1, control: 0, ref: 0, elements: 1 }] : [],
});

/** An in-process worker that answers when the test says so, like a real worker busy with ELK. */
class ManualWorker implements LayoutWorker {
  readonly received: LayoutRequest[] = [];
  terminated = false;
  private handler: ((r: LayoutResponse) => void) | null = null;
  post(request: LayoutRequest): void {
    this.received.push(request);
  }
  listen(on: (r: LayoutResponse) => void): void {
    this.handler = on;
  }
  terminate(): void {
    this.terminated = true;
  }
  async answer(k = 0): Promise<void> {
    const req = this.received[k] as LayoutRequest;
    (this.handler as (r: LayoutResponse) => void)(await answerLayoutRequest(req, () => 0));
  }
}

describe('WorkerPool', () => {
  it('runs independent jobs on different workers at once, and queues the rest', async () => {
    const workers = [new ManualWorker(), new ManualWorker()];
    const pool = new WorkerPool(workers);
    const jobs = [1, 2, 3].map((s) => pool.run(input(s), () => false));
    expect(workers.map((w) => w.received.map((r) => r.input.scope))).toEqual([[2], [1]]);
    expect(pool.pending).toBe(3);
    await workers[1]?.answer(0);
    expect((await jobs[0])?.scope).toBe(1);
    // The freed worker takes the queued job.
    expect(workers[1]?.received.map((r) => r.input.scope)).toEqual([1, 3]);
    await workers[0]?.answer(0);
    await workers[1]?.answer(1);
    expect((await Promise.all(jobs)).map((l) => l.scope)).toEqual([1, 2, 3]);
    expect(pool.pending).toBe(0);
  });

  it('drops a queued job whose request went stale before a worker picks it up', async () => {
    const w = new ManualWorker();
    const pool = new WorkerPool([w]);
    let stale = false;
    const first = pool.run(input(1), () => false);
    const second = pool.run(input(2), () => stale);
    stale = true;
    await w.answer(0);
    await first;
    await expect(second).rejects.toBeInstanceOf(LayoutCancelled);
    expect(w.received).toHaveLength(1);
  });

  it('terminate() rejects running and queued jobs and stops the workers', async () => {
    const w = new ManualWorker();
    const pool = new WorkerPool([w]);
    const failing = pool.run(input(7), () => false);
    const queued = pool.run(input(8), () => false);
    w.listen(() => undefined);
    pool.terminate();
    await expect(failing).rejects.toBeInstanceOf(LayoutCancelled);
    await expect(queued).rejects.toBeInstanceOf(LayoutCancelled);
    expect(w.terminated).toBe(true);
  });

  it('answerLayoutRequest lays out and reports typed-array results', async () => {
    const res = await answerLayoutRequest({ type: 'layout', id: 5, input: input(3) }, () => 0);
    expect(res.type).toBe('done');
    if (res.type !== 'done') return;
    expect(res.id).toBe(5);
    expect(res.layout.nodeBoxes).toBeInstanceOf(Float64Array);
    expect(res.layout.nodeIds).toEqual(Int32Array.from([100, 101]));
    expect(res.layout.pointStart[1]).toBeGreaterThanOrEqual(2);
  });
});
