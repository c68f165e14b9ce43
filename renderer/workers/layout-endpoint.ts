// The pool's side of one nested layout worker: posts requests, hands answers to the pool, and turns
// a crash of the worker script into failed answers for every request the worker holds, so that none
// of them hangs. Apart from session-worker.ts, which starts the workers, to be tested with a stand-in.
import type { LayoutRequest, LayoutResponse, LayoutWorker } from '../../core/layout/worker-pool';

/** The part of a Web Worker used here. */
export interface LayoutWorkerPort {
  postMessage(message: LayoutRequest): void;
  onmessage: ((ev: MessageEvent<LayoutResponse>) => void) | null;
  onerror: ((ev: ErrorEvent) => void) | null;
  terminate(): void;
}

/**
 * A crash (the script failed to load, ran out of memory) fails every request posted and not yet
 * answered: the error does not say which one was running, and the pool posts several ahead. The
 * worker stays in the pool, as it did when it held one request: an answer that still comes for a
 * failed request is ignored by the pool.
 */
export function layoutEndpoint(w: LayoutWorkerPort): LayoutWorker {
  const inFlight = new Set<number>();
  let respond: ((r: LayoutResponse) => void) | null = null;
  w.onerror = (ev) => {
    ev.preventDefault();
    const message = `the layout worker failed: ${ev.message || 'it could not start'}`;
    const failed = [...inFlight];
    inFlight.clear();
    if (respond) for (const id of failed) respond({ type: 'failed', id, message });
  };
  return {
    post: (req) => {
      inFlight.add(req.id);
      w.postMessage(req);
    },
    listen: (on) => {
      respond = on;
      w.onmessage = (ev) => {
        inFlight.delete(ev.data.id);
        on(ev.data);
      };
    },
    terminate: () => w.terminate(),
  };
}
