// The UI thread's side of the session worker: one promise per request, progress callbacks, and
// termination (how long work is cancelled). Nothing here parses or lays out; it only posts messages and routes replies.
import type { OpenSummary, Pane, Replies, Request, RequestType, Response, ViewAnswer, ViewChoice } from '../../core/pipeline/protocol';
import type { DrawScene } from '../../core/pipeline/draw/draw-scene';
import type { HostFile } from '../host/file-source';
import { adoptWorker } from './test-hooks';

export class Cancelled extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Cancelled';
  }
}

export type ProgressCallback = (stage: string, done: number, total: number) => void;
/** A request without its id (the client numbers requests) and pane (an argument), distributed over the union. */
export type Body = Request<HostFile> extends infer R ? (R extends unknown ? Omit<R, 'id' | 'pane'> : never) : never;
export type ReplyTo<B extends Body> = B['type'] extends RequestType ? Replies[B['type']] : never;

/** A view's early messages: a first frame, and the open summary, answered with what to show. */
export interface ViewCallbacks {
  readonly scene?: (s: DrawScene) => void;
  readonly opened?: (summary: OpenSummary) => ViewChoice | null;
}

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
  progress: ProgressCallback | undefined;
  view: ViewCallbacks;
}

/** The clients whose worker runs: a stopped worker's unwritten layouts are lost, not pending. */
const running = new Set<SessionClient>();

/** Layout-store writes asked for and ended over every running session worker (tests wait on equal counts). */
export function layoutStoreWrites(): { queued: number; ended: number } {
  let queued = 0;
  let ended = 0;
  for (const c of running) {
    queued += c.storeWrites.queued;
    ended += c.storeWrites.ended;
  }
  return { queued, ended };
}

/**
 * Top-level scopes prepared in the background (Session.prepare) and to prepare, over every running
 * session worker's panes: equal, the background work of the graphs shown is done (tests wait on it
 * before counting layouts).
 */
export function layoutsPrepared(): { done: number; total: number } {
  let done = 0;
  let total = 0;
  for (const c of running) {
    for (const p of c.prepared) {
      done += p.done;
      total += p.total;
    }
  }
  return { done, total };
}

export class SessionClient {
  /** As the worker last said (it says so when a write batch starts and when one ends). */
  storeWrites = { queued: 0, ended: 0 };
  /** Per pane, as the worker last said: top-level scopes prepared and to prepare. */
  readonly prepared = [{ done: 0, total: 0 }, { done: 0, total: 0 }];
  /** Per pane, the request that made its selection: counts of older selections are dropped. */
  private readonly selections = [0, 0];
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private terminated = false;

  constructor() {
    this.worker = new Worker(new URL('../workers/session-worker.ts', import.meta.url), { type: 'module', name: 'scopeview-session' });
    this.worker.onmessage = (ev: MessageEvent<Response>) => this.route(ev.data);
    if (__SCOPEVIEW_TEST_BUILD__) adoptWorker(this.worker);
    running.add(this);
    this.worker.onerror = (ev) => {
      const err = new Error(`the session worker failed: ${ev.message || 'unknown error'}`);
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
  }

  /** The request (view or select) that made a pane's selection, as sent last. */
  selectionOf(pane: Pane): number {
    return this.selections[pane] as number;
  }

  /** Starts a request for a pane's session (compare mode has two); `id` identifies its progress messages. */
  start<B extends Body>(body: B, progress?: ProgressCallback, pane: Pane = 0, view: ViewCallbacks = {}): { id: number; result: Promise<ReplyTo<B>> } {
    const id = this.nextId++;
    // A stopped worker answers nothing: a request made after terminate() fails at once instead of hanging.
    if (this.terminated) return { id, result: Promise.reject(new Cancelled('the session was stopped')) };
    const result = new Promise<ReplyTo<B>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, progress, view });
    });
    // A new graph or selection: its own preparation follows, not the previous one's.
    if (body.type === 'view' || body.type === 'select') {
      this.prepared[pane] = { done: 0, total: 0 };
      this.selections[pane] = id;
    }
    this.worker.postMessage({ ...body, id, pane });
    return { id, result };
  }

  request<B extends Body>(body: B, progress?: ProgressCallback, pane: Pane = 0): Promise<ReplyTo<B>> {
    return this.start(body, progress, pane).result;
  }

  /** Stops the worker at once (work in progress is lost); pending requests reject as cancelled. */
  terminate(): void {
    this.terminated = true;
    this.worker.terminate();
    running.delete(this);
    for (const p of this.pending.values()) p.reject(new Cancelled('the session was stopped'));
    this.pending.clear();
  }

  private route(msg: Response): void {
    if (msg.type === 'store-writes') {
      this.storeWrites = { queued: msg.queued, ended: msg.ended };
      return;
    }
    if (msg.type === 'prepared') {
      if (msg.selection === this.selections[msg.pane]) this.prepared[msg.pane] = { done: msg.done, total: msg.total };
      return;
    }
    const p = this.pending.get(msg.id);
    if (!p) return;
    if (msg.type === 'progress') {
      p.progress?.(msg.stage, msg.done, msg.total);
      return;
    }
    if (msg.type === 'scene') {
      p.view.scene?.(msg.scene);
      return;
    }
    if (msg.type === 'opened') {
      // The worker waits for this answer, so it is sent even when nobody chooses (null: show nothing).
      let choice: ViewChoice | null = null;
      try {
        choice = p.view.opened?.(msg.summary) ?? null;
      } finally {
        const answer: ViewAnswer = { type: 'view-answer', id: msg.id, choice };
        this.worker.postMessage(answer);
      }
      return;
    }
    this.pending.delete(msg.id);
    if (msg.type === 'reply') p.resolve(msg.value);
    else p.reject(msg.cancelled ? new Cancelled(msg.message) : new Error(msg.message));
  }
}
