// A layout worker: runs one scope's ELK (or fast) layout per request and transfers the result's
// typed arrays back to the session worker's pool.
import { answerLayoutRequest } from '../../core/layout/local-layout';
import { layoutBuffers, type LayoutRequest } from '../../core/layout/worker-pool';
import { workerScope as scope } from './worker-scope';

// elkjs, on its first use inside a worker, installs itself as the worker's `onmessage` (it expects
// to be the whole worker script). Listening with addEventListener keeps our handler, and clearing
// `onmessage` after each layout keeps ELK's dispatcher from seeing our requests.
scope.addEventListener('message', (ev: MessageEvent<LayoutRequest>): void => {
  void answerLayoutRequest(ev.data, () => performance.now()).then((res) => {
    scope.onmessage = null;
    scope.postMessage(res, res.type === 'done' ? layoutBuffers(res.layout) : []);
  });
});
