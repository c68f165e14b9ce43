// A layout worker: runs one scope's ELK (or fast) layout per request and transfers the result's
// typed arrays back to the session worker's pool. It starts with the page, long before the first
// file is read, and spends that time running ELK once on a small scope (elk-warm-up.ts), so the
// first real layouts do not run ELK's code cold.
import { warmUpElk } from '../../core/layout/elk-warm-up';
import { answerLayoutRequest } from '../../core/layout/local-layout';
import { layoutBuffers, type LayoutRequest } from '../../core/layout/worker-pool';
import { workerScope as scope } from './worker-scope';

const now = (): number => performance.now();

try {
  warmUpElk(now);
} catch {
  // A failed warm-up only means a cold start.
}
// elkjs's engine module, once loaded (the warm-up loads it), installs itself as the worker's
// `onmessage` (it expects to be the whole worker script). Clearing it keeps ELK's dispatcher from
// seeing our requests; our handler is an event listener, which that does not touch.
scope.onmessage = null;

scope.addEventListener('message', (ev: MessageEvent<LayoutRequest>): void => {
  void answerLayoutRequest(ev.data, now).then((res) => {
    scope.postMessage(res, res.type === 'done' ? layoutBuffers(res.layout) : []);
  });
});
