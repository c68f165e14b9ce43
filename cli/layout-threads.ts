// Where the CLI's scope layouts run: a pool of layout threads when the built thread script sits
// beside the bundle (dist/cli-layout-thread.mjs), else the calling thread (running from source).
// The threads are started by `startLayoutThreads` before the graph is read, so that loading ELK
// overlaps with parsing; `close` ends them so the process can exit.
import { existsSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { WorkerPool, type LayoutExecutor, type LayoutResponse, type LayoutWorker } from '../core/layout/worker-pool';

export interface LayoutThreads {
  readonly executor: () => Promise<LayoutExecutor>;
  close(): Promise<void>;
}

const THREAD_SCRIPT = new URL('./cli-layout-thread.mjs', import.meta.url);

function threadWorker(w: Worker): LayoutWorker {
  return {
    post: (request) => w.postMessage(request),
    listen: (onResponse) => w.on('message', (res: LayoutResponse) => onResponse(res)),
    terminate: () => void w.terminate(),
  };
}

/**
 * Threads beside the main one: one per core but one (the main thread keeps building scope inputs
 * and assembling), at least one. `SCOPEVIEW_LAYOUT_THREADS=0` lays out on the calling thread.
 */
export function startLayoutThreads(count = threadCount()): LayoutThreads {
  const path = fileURLToPath(THREAD_SCRIPT);
  if (count === 0 || !existsSync(path)) {
    return {
      executor: async () => (await import('../core/layout/local-layout')).inlineExecutor(() => performance.now()),
      close: async () => undefined,
    };
  }
  const workers = Array.from({ length: count }, () => new Worker(path));
  const pool = new WorkerPool(workers.map(threadWorker));
  return {
    executor: async () => pool,
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

function threadCount(): number {
  const asked = process.env['SCOPEVIEW_LAYOUT_THREADS'];
  if (asked !== undefined && /^\d+$/.test(asked)) return Number(asked);
  return Math.max(1, os.availableParallelism() - 1);
}
