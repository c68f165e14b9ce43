// A layout worker: runs one scope's layout per request (run-layout.ts) and transfers the result's
// typed arrays back to the session worker's pool. The pool posts several requests ahead; the layered
// and fast layouts run within the message event, so they are answered in turn, but ELK's first use
// awaits its code and a later request may overtake it: answers are matched by id, not by order.
import { answerLayoutRequest } from '../../core/layout/local-layout';
import { layoutBuffers, type LayoutRequest } from '../../core/layout/worker-pool';
import { workerScope as scope } from './worker-scope';

const now = (): number => performance.now();

scope.addEventListener('message', (ev: MessageEvent<LayoutRequest>): void => {
  void answerLayoutRequest(ev.data, now).then((res) => {
    scope.postMessage(res, res.type === 'done' ? layoutBuffers(res.layout) : []);
  });
});
