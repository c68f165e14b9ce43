// The worker pool: jobs are posted ahead to the least busy worker up to a cost in flight (one of
// any cost to a worker holding none), queue beyond it, background jobs yield to requests, stale
// jobs are dropped before they are posted, answers settle their own jobs in any order, failures
// reject, and terminate() rejects what is left. Workers here answer when the test says so: nothing depends on timing.
import { describe, expect, it } from 'vitest';
import { answerLayoutRequest } from './local-layout';
import { IN_FLIGHT_COST, layoutCost, LayoutCancelled, WorkerPool, type LayoutRequest, type LayoutResponse, type LayoutWorker } from './worker-pool';
import { DEFAULT_SETTINGS } from './layout-engine';
import type { ScopeInput } from './types';

const input = (scope: number, n = 2): ScopeInput => ({
  scope, settings: DEFAULT_SETTINGS, header: 0, aux: [], ownPorts: [],
  nodes: Array.from({ length: n }, (_, i) => ({ id: 100 + i, width: 40, height: 20, ports: [] })),
  edges: n > 1 ? [{ from: { node: 100, port: -1 }, to: { node: 101, port: -1 }, data: 1, control: 0, ref: 0, elements: 1 }] : [],
});
/** A job over the bound: a worker holding one takes no other. */
const big = (scope: number): ScopeInput => input(scope, IN_FLIGHT_COST);

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
    this.respond(await answerLayoutRequest(req, () => 0));
  }
  respond(r: LayoutResponse): void {
    (this.handler as (r: LayoutResponse) => void)(r);
  }
  get scopes(): number[] {
    return this.received.map((r) => r.input.scope);
  }
}

describe('WorkerPool', () => {
  it('runs independent jobs on different workers at once, and queues the rest', async () => {
    const workers = [new ManualWorker(), new ManualWorker()];
    const pool = new WorkerPool(workers);
    const jobs = [1, 2, 3].map((s) => pool.run(big(s), () => false));
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
    const first = pool.run(big(1), () => false);
    const second = pool.run(big(2), () => stale);
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

  it('posts jobs ahead to a worker while their summed cost stays within the bound', async () => {
    const w = new ManualWorker();
    const pool = new WorkerPool([w], 10);
    expect(layoutCost(input(1))).toBe(3); // two children, one edge
    const jobs = [1, 2, 3, 4].map((s) => pool.run(input(s), () => false));
    expect(w.scopes).toEqual([1, 2, 3]); // 9 in flight; a fourth would make 12
    expect(pool.pending).toBe(4);
    await w.answer(0);
    expect(w.scopes).toEqual([1, 2, 3, 4]);
    for (const k of [1, 2, 3]) await w.answer(k);
    expect((await Promise.all(jobs)).map((l) => l.scope)).toEqual([1, 2, 3, 4]);
    expect(pool.pending).toBe(0);
  });

  it('bounds the default pipeline by IN_FLIGHT_COST', () => {
    const w = new ManualWorker();
    const pool = new WorkerPool([w]);
    const quarter = (s: number): ScopeInput => input(s, IN_FLIGHT_COST / 4 - 1); // cost IN_FLIGHT_COST / 4
    for (const s of [1, 2, 3, 4, 5]) void pool.run(quarter(s), () => false).catch(() => undefined);
    expect(w.scopes).toEqual([1, 2, 3, 4]);
    pool.terminate();
  });

  it('gives a worker with nothing in flight a job of any cost, and nothing more until it answers', async () => {
    const w = new ManualWorker();
    const pool = new WorkerPool([w], 10);
    const huge = pool.run(input(1, 100), () => false);
    const small = pool.run(input(2), () => false);
    expect(w.scopes).toEqual([1]);
    await w.answer(0);
    expect((await huge).scope).toBe(1);
    expect(w.scopes).toEqual([1, 2]);
    await w.answer(1);
    expect((await small).scope).toBe(2);
  });

  it('hands each job, in queue order, to the worker with the least cost in flight', () => {
    const workers = [new ManualWorker(), new ManualWorker()];
    const pool = new WorkerPool(workers, 100);
    for (const [s, n] of [[1, 50], [2, 2], [3, 2], [4, 50], [5, 2]] as const) void pool.run(input(s, n), () => false).catch(() => undefined);
    // Costs 51, 3, 3, 51, 3: the first 51 to one worker, the next ones to the other until it holds more.
    expect(workers.map((w) => w.scopes)).toEqual([[2, 3, 4], [1, 5]]);
    pool.terminate();
  });

  it('never posts a job that went stale while queued, nor one stale when asked for', async () => {
    const w = new ManualWorker();
    const pool = new WorkerPool([w], 3);
    let stale = false;
    const first = pool.run(input(1), () => false);
    const second = pool.run(input(2), () => stale);
    const third = pool.run(input(3), () => false);
    expect(w.scopes).toEqual([1]);
    stale = true;
    await w.answer(0);
    await first;
    await expect(second).rejects.toBeInstanceOf(LayoutCancelled);
    expect(w.scopes).toEqual([1, 3]);
    await expect(pool.run(input(4), () => true)).rejects.toBeInstanceOf(LayoutCancelled);
    expect(w.scopes).toEqual([1, 3]);
    await w.answer(1);
    expect((await third).scope).toBe(3);
  });

  it('delivers the answer of a posted job even if its request went stale meanwhile', async () => {
    const w = new ManualWorker();
    const pool = new WorkerPool([w]);
    let stale = false;
    const posted = pool.run(input(1), () => stale);
    const alsoPosted = pool.run(input(2), () => stale);
    expect(w.scopes).toEqual([1, 2]);
    stale = true;
    await w.answer(0);
    await w.answer(1);
    expect((await posted).scope).toBe(1);
    expect((await alsoPosted).scope).toBe(2);
  });

  it('settles the right jobs when answers come back out of order, across workers and within one', async () => {
    const workers = [new ManualWorker(), new ManualWorker()];
    const pool = new WorkerPool(workers);
    const jobs = [1, 2, 3, 4, 5].map((s) => pool.run(input(s), () => false));
    expect(workers.map((w) => w.scopes)).toEqual([[2, 4], [1, 3, 5]]);
    const [w0, w1] = workers as [ManualWorker, ManualWorker];
    await w1.answer(2);
    await w0.answer(1);
    await w1.answer(0);
    await w0.answer(0);
    await w1.answer(1);
    expect((await Promise.all(jobs)).map((l) => l.scope)).toEqual([1, 2, 3, 4, 5]);
    expect(pool.pending).toBe(0);
  });

  it('rejects only the failed job and frees its cost', async () => {
    const w = new ManualWorker();
    const pool = new WorkerPool([w], 3);
    const failing = pool.run(input(1), () => false);
    const next = pool.run(input(2), () => false);
    w.respond({ type: 'failed', id: (w.received[0] as LayoutRequest).id, message: 'no room' });
    await expect(failing).rejects.toThrow('layout of scope 1 failed: no room');
    expect(w.scopes).toEqual([1, 2]);
    await w.answer(1);
    expect((await next).scope).toBe(2);
  });

  it('terminate() rejects every job in flight and queued, ignores late answers and takes no more', async () => {
    const w = new ManualWorker();
    const pool = new WorkerPool([w], 6);
    const jobs = [1, 2, 3].map((s) => pool.run(input(s), () => false));
    expect(w.scopes).toEqual([1, 2]);
    pool.terminate();
    for (const job of jobs) await expect(job).rejects.toBeInstanceOf(LayoutCancelled);
    expect(w.terminated).toBe(true);
    await w.answer(0); // a worker may still answer: nothing to settle
    expect(pool.pending).toBe(0);
    await expect(pool.run(input(4), () => false)).rejects.toBeInstanceOf(LayoutCancelled);
    expect(w.scopes).toEqual([1, 2]);
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

  it('posts background jobs only to a worker holding nothing, and never ahead of a request job', async () => {
    const worker = new ManualWorker();
    const pool = new WorkerPool([worker]);
    const background = [1, 2, 3].map((s) => pool.run(input(s), () => false, 'background'));
    // One at a time, even though small jobs of a request would be posted ahead together.
    expect(worker.scopes).toEqual([1]);
    const request = [10, 11].map((s) => pool.run(input(s), () => false));
    expect(worker.scopes).toEqual([1, 10, 11]);
    await worker.answer(0);
    await worker.answer(1);
    // A request job is still in flight: the background waits.
    expect(worker.scopes).toEqual([1, 10, 11]);
    await worker.answer(2);
    expect(worker.scopes).toEqual([1, 10, 11, 2]);
    // A request job queued now goes before background job 3, still queued.
    const late = pool.run(input(12), () => false);
    expect(worker.scopes).toEqual([1, 10, 11, 2, 12]);
    await worker.answer(3);
    await worker.answer(4);
    expect(worker.scopes).toEqual([1, 10, 11, 2, 12, 3]);
    await worker.answer(5);
    expect((await Promise.all([...background, ...request, late])).map((l) => l.scope)).toEqual([1, 2, 3, 10, 11, 12]);
  });

  it('drops stale background jobs before posting them, and rejects queued ones on terminate', async () => {
    const worker = new ManualWorker();
    const pool = new WorkerPool([worker]);
    let stale = false;
    const first = pool.run(input(1), () => false, 'background');
    const dropped = pool.run(input(2), () => stale, 'background');
    const queued = pool.run(input(3), () => false, 'background');
    stale = true;
    await worker.answer(0);
    await first;
    await expect(dropped).rejects.toBeInstanceOf(LayoutCancelled);
    expect(worker.scopes).toEqual([1, 3]);
    const last = pool.run(input(4), () => false, 'background');
    pool.terminate();
    await expect(queued).rejects.toBeInstanceOf(LayoutCancelled);
    await expect(last).rejects.toBeInstanceOf(LayoutCancelled);
  });
});
