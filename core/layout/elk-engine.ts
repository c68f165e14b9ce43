// ELK's layout engine called directly and synchronously. elkjs's promise API reaches its engine
// through a stand-in worker that hops through `setTimeout` twice per call (posting, then
// answering): where scopes are laid out one after another (a layout worker, a CLI thread) each call
// waited those hops out, 3-5 ms a scope, a quarter of ELK's time on small scopes. The stand-in's
// dispatcher (elkjs/lib/elk-worker.min.js, the same engine the bundled API wraps) answers at once.
// elk-engine.test.ts checks that it lays out exactly as the promise API does.
import elkWorker from 'elkjs/lib/elk-worker.min.js';
import type { ElkNode } from 'elkjs/lib/elk-api';

/** The algorithms elkjs's API registers by default; 'fixed' (our wrapper graphs) is always there. */
const ALGORITHMS = ['layered', 'stress', 'mrtree', 'radial', 'force', 'disco', 'sporeOverlap', 'sporeCompaction', 'rectpacking'];

interface Answer {
  readonly id: number;
  readonly data?: unknown;
  readonly error?: unknown;
}

let engine: import('elkjs/lib/elk-worker.min.js').ElkStandIn | null = null;
let nextId = 1;

function call(message: Record<string, unknown>): unknown {
  if (!engine) {
    const created = new elkWorker.Worker();
    if (typeof created.dispatcher?.saveDispatch !== 'function') throw new Error('this elkjs has no synchronous dispatcher (elk-engine.ts)');
    engine = created;
    engine.onmessage = null;
    call({ cmd: 'register', algorithms: ALGORITHMS });
  }
  const id = nextId++;
  let answer: Answer | null = null;
  engine.onmessage = (ev) => {
    answer = ev.data as Answer;
  };
  try {
    engine.dispatcher.saveDispatch({ data: { ...message, id } });
  } finally {
    engine.onmessage = null;
  }
  const got = answer as Answer | null;
  if (!got) throw new Error('ELK gave no answer');
  if (got.error !== undefined) {
    const e = got.error as { message?: unknown };
    throw new Error(typeof e?.message === 'string' ? e.message : String(got.error));
  }
  return got.data;
}

/** Lays out `graph` (ELK's JSON graph) in place and returns it, as `elk.layout` does. */
export function elkLayoutSync(graph: ElkNode): ElkNode {
  return call({ cmd: 'layout', graph, layoutOptions: {}, options: {} }) as ElkNode;
}
