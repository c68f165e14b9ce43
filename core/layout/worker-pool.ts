// A pool of layout workers behind one `run` call: jobs queue until a worker is free, a job whose
// request went stale is dropped before it starts, and results come back as typed arrays. The
// workers themselves are host objects (Web Workers in the app, worker_threads or in-process
// endpoints elsewhere) seen through the small LayoutWorker interface, so this stays platform-free.
import { SCOPE_LAYOUT_ARRAYS, type ScopeInput, type ScopeLayout } from './types';

export type LayoutRequest = { readonly type: 'layout'; readonly id: number; readonly input: ScopeInput };
export type LayoutResponse =
  | { readonly type: 'done'; readonly id: number; readonly layout: ScopeLayout }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };

/** The buffers of a layout's typed arrays: what a worker transfers with its answer instead of copying. */
export function layoutBuffers(l: ScopeLayout): ArrayBuffer[] {
  return SCOPE_LAYOUT_ARRAYS.map(([f]) => l[f].buffer as ArrayBuffer);
}

export interface LayoutWorker {
  post(request: LayoutRequest): void;
  /** Registers the single response handler. */
  listen(onResponse: (response: LayoutResponse) => void): void;
  terminate(): void;
}

export class LayoutCancelled extends Error {
  constructor() {
    super('layout request superseded');
    this.name = 'LayoutCancelled';
  }
}

/** Runs scope layouts; `isStale` is polled before a queued job starts. */
export interface LayoutExecutor {
  run(input: ScopeInput, isStale: () => boolean): Promise<ScopeLayout>;
}

interface Job {
  readonly input: ScopeInput;
  readonly isStale: () => boolean;
  readonly resolve: (l: ScopeLayout) => void;
  readonly reject: (e: Error) => void;
}

export class WorkerPool implements LayoutExecutor {
  private readonly idle: LayoutWorker[] = [];
  private readonly queue: Job[] = [];
  private readonly running = new Map<number, { job: Job; worker: LayoutWorker }>();
  private nextId = 1;

  constructor(workers: readonly LayoutWorker[]) {
    if (workers.length === 0) throw new Error('WorkerPool needs at least one worker');
    for (const w of workers) {
      w.listen((res) => this.settle(w, res));
      this.idle.push(w);
    }
  }

  get pending(): number {
    return this.queue.length + this.running.size;
  }

  run(input: ScopeInput, isStale: () => boolean): Promise<ScopeLayout> {
    return new Promise((resolve, reject) => {
      this.queue.push({ input, isStale, resolve, reject });
      this.pump();
    });
  }

  terminate(): void {
    for (const { job, worker } of this.running.values()) {
      job.reject(new LayoutCancelled());
      worker.terminate();
    }
    for (const w of this.idle) w.terminate();
    for (const job of this.queue.splice(0)) job.reject(new LayoutCancelled());
    this.running.clear();
    this.idle.length = 0;
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const job = this.queue.shift() as Job;
      if (job.isStale()) {
        job.reject(new LayoutCancelled());
        continue;
      }
      const worker = this.idle.pop() as LayoutWorker;
      const id = this.nextId++;
      this.running.set(id, { job, worker });
      worker.post({ type: 'layout', id, input: job.input });
    }
  }

  private settle(worker: LayoutWorker, res: LayoutResponse): void {
    const entry = this.running.get(res.id);
    if (!entry) return;
    this.running.delete(res.id);
    this.idle.push(worker);
    if (res.type === 'done') entry.job.resolve(res.layout);
    else entry.job.reject(new Error(`layout of scope ${entry.job.input.scope} failed: ${res.message}`));
    this.pump();
  }
}
