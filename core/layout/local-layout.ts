// Layouts run on the calling thread: the worker side of the pool's protocol (a layout worker
// script answers each request with this) and the inline executor (CLI, tests, benchmarks). Kept
// apart from worker-pool.ts so that a thread that only dispatches layouts does not load ELK.
import { runLayout } from './run-layout';
import { LayoutCancelled, type LayoutExecutor, type LayoutRequest, type LayoutResponse } from './worker-pool';

/** The worker side: answers one request (a worker script wires its message events to this). */
export async function answerLayoutRequest(req: LayoutRequest, now: () => number): Promise<LayoutResponse> {
  try {
    return { type: 'done', id: req.id, layout: await runLayout(req.input, now) };
  } catch (err) {
    return { type: 'failed', id: req.id, message: err instanceof Error ? err.message : String(err) };
  }
}

/** Lays out on the calling thread (CLI, tests, benchmarks of a single scope). */
export function inlineExecutor(now: () => number): LayoutExecutor {
  return {
    run: async (input, isStale) => {
      if (isStale()) throw new LayoutCancelled();
      return runLayout(input, now);
    },
  };
}
