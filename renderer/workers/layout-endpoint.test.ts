// A nested layout worker seen by the pool: answers pass through by id, and a crash of the worker
// script fails every request the worker holds (several, since the pool posts ahead), after which the
// worker takes requests again. A stand-in for the Web Worker lets the test crash it.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../core/layout/layout-engine';
import { answerLayoutRequest } from '../../core/layout/local-layout';
import type { ScopeInput } from '../../core/layout/types';
import { WorkerPool, type LayoutRequest, type LayoutResponse } from '../../core/layout/worker-pool';
import { layoutEndpoint, type LayoutWorkerPort } from './layout-endpoint';

const input = (scope: number): ScopeInput => ({
  scope, settings: DEFAULT_SETTINGS, header: 0, aux: [], ownPorts: [], edges: [],
  nodes: [{ id: 100, width: 40, height: 20, ports: [] }],
});

class FakeWorker implements LayoutWorkerPort {
  onmessage: ((ev: MessageEvent<LayoutResponse>) => void) | null = null;
  onerror: ((ev: ErrorEvent) => void) | null = null;
  readonly received: LayoutRequest[] = [];
  prevented = 0;
  postMessage(message: LayoutRequest): void {
    this.received.push(message);
  }
  terminate(): void {}
  async answer(k: number): Promise<void> {
    const data = await answerLayoutRequest(this.received[k] as LayoutRequest, () => 0);
    this.onmessage?.({ data } as MessageEvent<LayoutResponse>);
  }
  crash(message: string): void {
    this.onerror?.({ message, preventDefault: () => void this.prevented++ } as unknown as ErrorEvent);
  }
}

describe('layout endpoint', () => {
  it('fails every request in flight when the worker crashes, and only those', async () => {
    const w = new FakeWorker();
    const pool = new WorkerPool([layoutEndpoint(w)]);
    const jobs = [1, 2, 3].map((s) => pool.run(input(s), () => false));
    expect(w.received.map((r) => r.input.scope)).toEqual([1, 2, 3]);
    await w.answer(0);
    expect((await jobs[0])?.scope).toBe(1);
    w.crash('out of memory');
    expect(w.prevented).toBe(1);
    for (const job of jobs.slice(1)) await expect(job).rejects.toThrow('the layout worker failed: out of memory');
    expect(pool.pending).toBe(0);
    // A late answer to a failed request settles nothing; the worker takes the next request.
    await w.answer(1);
    const next = pool.run(input(4), () => false);
    expect(w.received.map((r) => r.input.scope)).toEqual([1, 2, 3, 4]);
    await w.answer(3);
    expect((await next).scope).toBe(4);
  });

  it('says the worker could not start when the error has no message', async () => {
    const w = new FakeWorker();
    const pool = new WorkerPool([layoutEndpoint(w)]);
    const job = pool.run(input(1), () => false);
    w.crash('');
    await expect(job).rejects.toThrow('the layout worker failed: it could not start');
    w.crash('again'); // nothing in flight: nothing to fail
    expect(pool.pending).toBe(0);
  });
});
