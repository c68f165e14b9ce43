// A layout worker: runs one scope's layout per request (run-layout.ts) and transfers the result's
// typed arrays back to the session worker's pool.
import { answerLayoutRequest } from '../../core/layout/local-layout';
import { layoutBuffers, type LayoutRequest } from '../../core/layout/worker-pool';
import { workerScope as scope } from './worker-scope';

const now = (): number => performance.now();

scope.addEventListener('message', (ev: MessageEvent<LayoutRequest>): void => {
  void answerLayoutRequest(ev.data, now).then((res) => {
    scope.postMessage(res, res.type === 'done' ? layoutBuffers(res.layout) : []);
  });
});
