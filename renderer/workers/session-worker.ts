// The session worker: everything but drawing happens here — parsing files, the scope engine,
// search, variable analysis, and layout (farmed out to a pool of nested layout workers). It
// answers the protocol of core/pipeline/protocol.ts; scenes travel back as transferred buffers.
import type { ByteSource } from '../../core/io/byte-source';
import type { LayoutWorker } from '../../core/layout/worker-pool';
import { LayoutCancelled, WorkerPool } from '../../core/layout/worker-pool';
import type { Pane, Replies, Request, RequestType, Response, ViewAnswer, ViewChoice } from '../../core/pipeline/protocol';
import { Comparison } from '../../core/pipeline/compare';
import { drawSceneBuffers } from '../../core/pipeline/draw/draw-scene';
import { gatedProgress, type ProgressListener } from '../../core/pipeline/progress-gate';
import { Session } from '../../core/pipeline/session';
import { fileSource, type HostFile } from '../host/file-source';
import { openLayoutStore } from './idb-layout-store';
import { layoutEndpoint } from './layout-endpoint';
import { isHoldMessage, LayoutHold } from './layout-hold';
import { workerScope } from './worker-scope';

const scope = workerScope;
const now = (): number => performance.now();

/** A nested Web Worker behind the pool's LayoutWorker interface (layout-endpoint.ts). */
function layoutWorker(): LayoutWorker {
  return layoutEndpoint(new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module', name: 'scopeview-layout' }));
}

// One layout worker per core but one: this worker assembles what they lay out and the UI thread
// draws it, and on two cores a second layout worker (then warming ELK again, sharing a core with both)
// made "Expand all" slower: pix2pix 7.3-10.3 s with two against 6.0-8.5 s with one, alternated.
const cores = Math.max(1, Math.min(8, navigator.hardwareConcurrency || 2));
const pool = new WorkerPool(Array.from({ length: Math.max(1, cores - 1) }, layoutWorker));
// Only the test build can park layouts (docs/TESTING.md); a user build compiles this to `null`.
const hold = __SCOPEVIEW_TEST_BUILD__ ? new LayoutHold(pool) : null;
// The store opens asynchronously; requests wait for it rather than racing it. Pane 0 is the
// explorer's session; compare mode adds pane 1 and diffs the two (core/pipeline/compare.ts).
const ready = openLayoutStore((w) => send({ type: 'store-writes', ...w })).then((store) => {
  const make = (): Session<HostFile> => new Session<HostFile>({
    source: (f): ByteSource => fileSource(f.file, f.path),
    executor: hold ?? pool,
    // Background preparation goes past the test build's hold: tests hold requests, not it.
    background: pool,
    store,
    now,
  });
  const sessions: [Session<HostFile>, Session<HostFile>] = [make(), make()];
  return { sessions, comparison: new Comparison(sessions, now) };
});

function send(msg: Response, transfer: ArrayBuffer[] = []): void {
  scope.postMessage(msg, transfer);
}

function reply<K extends RequestType>(id: number, kind: K, value: Replies[K], transfer: ArrayBuffer[] = []): void {
  send({ type: 'reply', id, kind, value } as Response, transfer);
}

/** Progress of request `id`, gated at the source (core/pipeline/progress-gate.ts). */
function progressOf(id: number): ProgressListener {
  return gatedProgress((stage, done, total) => send({ type: 'progress', id, stage, done, total }), now);
}

/**
 * Once the page has drawn a pane's graph, its top-level scopes are laid out in the background
 * (Session.prepare); the page hears how far it got, under the selection it asked for.
 */
function prepare(session: Session<HostFile>, pane: Pane, selection: number): void {
  session.prepare((done, total) => {
    if (done === total || done % 32 === 0) send({ type: 'prepared', pane, selection, done, total });
  }).catch(() => undefined); // background work: a request that needs the layouts reports any failure
}

/** Views waiting for the page's answer to their `opened` message, by request id. */
const answers = new Map<number, (choice: ViewChoice | null) => void>();

function answerOf(id: number): Promise<ViewChoice | null> {
  return new Promise((resolve) => answers.set(id, resolve));
}

async function handle(req: Request<HostFile>): Promise<void> {
  const { sessions, comparison } = await ready;
  const pane = req.pane ?? 0;
  const session = sessions[pane];
  switch (req.type) {
    case 'view': {
      const stage = (s: string): void => send({ type: 'progress', id: req.id, stage: s, done: 0, total: 0 });
      const value = await session.view(req.name, req.files, req.folder, req, {
        load: { onProgress: progressOf(req.id) },
        ...(req.preview ? { onPreview: (scene) => send({ type: 'scene', id: req.id, scene }, drawSceneBuffers(scene)) } : {}),
        onOpened: (summary) => {
          const answer = answerOf(req.id);
          send({ type: 'opened', id: req.id, summary });
          return answer;
        },
        onStage: stage,
      });
      return reply(req.id, 'view', value, value.scene ? drawSceneBuffers(value.scene) : []);
    }
    case 'select':
      return reply(req.id, 'select', session.select(req.graph, req.fn, req.options, (stage) => send({ type: 'progress', id: req.id, stage, done: 0, total: 0 }), req.metrics));
    case 'preview': {
      const scene = session.preview(req.graph);
      return reply(req.id, 'preview', scene, drawSceneBuffers(scene));
    }
    case 'layout': {
      const progress = progressOf(req.id);
      const scene = await session.layout(req.expanded, req.xla, (done, total) => progress('Laying out scopes', done, total), req.kinds === true, req.labels === true);
      return reply(req.id, 'layout', scene, drawSceneBuffers(scene));
    }
    case 'expansion':
      return reply(req.id, 'expansion', session.expansion(req.depth));
    case 'search':
      return reply(req.id, 'search', session.search(req.query, req.limit));
    case 'inspect':
      return reply(req.id, 'inspect', session.inspect(req.node, req.embedded));
    case 'trace':
      return reply(req.id, 'trace', session.trace(req.node, req.direction));
    case 'variables':
      return reply(req.id, 'variables', session.variables());
    case 'locate':
      return reply(req.id, 'locate', session.locate(req.name));
    case 'diff':
      return reply(req.id, 'diff', comparison.diff());
    case 'counterpart':
      return reply(req.id, 'counterpart', comparison.locateCounterpart(pane, req.name));
    case 'compareVariables':
      return reply(req.id, 'compareVariables', comparison.variables());
    case 'prepare':
      reply(req.id, 'prepare', null);
      return prepare(session, pane, req.selection);
  }
}

scope.onmessage = (ev: MessageEvent<Request<HostFile> | ViewAnswer>): void => {
  if (hold && isHoldMessage(ev.data)) return hold.apply(ev.data);
  if (ev.data.type === 'view-answer') {
    answers.get(ev.data.id)?.(ev.data.choice);
    answers.delete(ev.data.id);
    return;
  }
  const req = ev.data;
  handle(req)
    .catch((err: unknown) => {
      send({ type: 'failed', id: req.id, message: err instanceof Error ? err.message : String(err), cancelled: err instanceof LayoutCancelled });
    });
};
