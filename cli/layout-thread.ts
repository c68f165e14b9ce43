// The CLI's layout thread (a worker_threads worker, built as dist/cli-layout-thread.mjs): answers
// the layout pool's requests with the same code as the app's layout worker. Started before the
// graph is read, it loads ELK and runs it once on a small scope (elk-warm-up.ts) while the main
// thread parses the file and builds the hierarchy.
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { warmUpElk } from '../core/layout/elk-warm-up';
import { answerLayoutRequest } from '../core/layout/local-layout';
import { layoutBuffers, type LayoutRequest } from '../core/layout/worker-pool';

const port = parentPort;
if (!port) throw new Error('cli/layout-thread.ts runs as a worker thread');
const now = (): number => performance.now();
// Requests that arrive while ELK warms up wait for it (a failed warm-up only means a cold start).
const warm = warmUpElk(now).catch(() => undefined);
port.on('message', (req: LayoutRequest) => {
  void warm.then(() => answerLayoutRequest(req, now)).then((res) => {
    port.postMessage(res, res.type === 'done' ? layoutBuffers(res.layout) : []);
  });
});
