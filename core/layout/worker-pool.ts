// A pool of layout workers behind one `run` call: jobs queue in order and are posted ahead to the
// least busy worker, up to a cost in flight per worker; background jobs wait while any request job
// does; a job whose request went stale is dropped before it is posted, and results come back as
// typed arrays. The workers themselves are host objects (Web Workers in the app, in-process
// endpoints in tests) seen through the small LayoutWorker interface, so this stays platform-free.
import { SCOPE_LAYOUT_ARRAYS, type ScopeInput, type ScopeLayout } from './types';

export type LayoutRequest = { readonly type: 'layout'; readonly id: number; readonly input: ScopeInput };
export type LayoutResponse =
  | { readonly type: 'done'; readonly id: number; readonly layout: ScopeLayout }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };

/** The buffers of a layout's typed arrays: what a worker transfers with its answer instead of copying. */
export function layoutBuffers(l: ScopeLayout): ArrayBuffer[] {
  return SCOPE_LAYOUT_ARRAYS.map(([f]) => l[f].buffer as ArrayBuffer);
}

export interface LayoutWorker {
  post(request: LayoutRequest): void;
  /** Registers the single response handler. */
  listen(onResponse: (response: LayoutResponse) => void): void;
  terminate(): void;
}

export class LayoutCancelled extends Error {
  constructor() {
    super('layout request superseded');
    this.name = 'LayoutCancelled';
  }
}

/** A layout asked for by a request (what the user waits for), or background work that yields to requests. */
export type LayoutPriority = 'request' | 'background';

/** Runs scope layouts; `isStale` is polled before a queued job is handed on. */
export interface LayoutExecutor {
  run(input: ScopeInput, isStale: () => boolean, priority?: LayoutPriority): Promise<ScopeLayout>;
}

/**
 * What one worker may hold posted and unanswered, in the units of `layoutCost`. A worker answers its
 * requests in turn; with the next one already in its message queue it starts on it at once instead
 * of idling for a round trip through this thread (about 2 ms a scope, a third of the wall time when
 * one worker lays out the hundred scopes of "Expand the top level"). A couple of typical scopes
 * (tens to hundreds of children and edges) cover that round trip. What is posted cannot be recalled,
 * so the bound caps the work a superseded request still costs and what one worker holds back from
 * the others: 4,000 is about one large scope (the fast layout takes over at 1,500 children), and a
 * worker with nothing in flight takes a job of any cost.
 */
export const IN_FLIGHT_COST = 4000;

/** A layout's cost as the pool counts it: children, edges and own ports, what its time grows with. */
export function layoutCost(input: ScopeInput): number {
  return Math.max(1, input.nodes.length + input.aux.length + input.edges.length + input.ownPorts.length);
}

interface Job {
  readonly input: ScopeInput;
  readonly cost: number;
  readonly isStale: () => boolean;
  readonly resolve: (l: ScopeLayout) => void;
  readonly reject: (e: Error) => void;
}

interface Slot {
  readonly worker: LayoutWorker;
  /** Summed cost of the jobs posted to the worker and not answered. */
  cost: number;
  /** When the worker last answered (a count); before any answer, later workers rank higher. */
  lastAnswer: number;
}

export class WorkerPool implements LayoutExecutor {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  /** Background jobs: posted only while no request job waits, one at a time to a worker holding nothing. */
  private readonly backlog: Job[] = [];
  private readonly running = new Map<number, { readonly job: Job; readonly slot: Slot }>();
  private nextId = 1;
  private answers = 0;
  private terminated = false;

  /** `maxCost`: the cost a worker may hold in flight (IN_FLIGHT_COST; 0 posts one job at a time). */
  constructor(workers: readonly LayoutWorker[], private readonly maxCost = IN_FLIGHT_COST) {
    if (workers.length === 0) throw new Error('WorkerPool needs at least one worker');
    this.slots = workers.map((worker, i) => ({ worker, cost: 0, lastAnswer: i - workers.length }));
    for (const slot of this.slots) slot.worker.listen((res) => this.settle(res));
  }

  get pending(): number {
    return this.queue.length + this.backlog.length + this.running.size;
  }

  run(input: ScopeInput, isStale: () => boolean, priority: LayoutPriority = 'request'): Promise<ScopeLayout> {
    if (this.terminated) return Promise.reject(new LayoutCancelled());
    return new Promise((resolve, reject) => {
      (priority === 'background' ? this.backlog : this.queue).push({ input, cost: layoutCost(input), isStale, resolve, reject });
      this.pump();
    });
  }

  /** Rejects every job, posted or queued, and stops the workers. */
  terminate(): void {
    this.terminated = true;
    for (const { job } of this.running.values()) job.reject(new LayoutCancelled());
    this.running.clear();
    for (const job of [...this.queue.splice(0), ...this.backlog.splice(0)]) job.reject(new LayoutCancelled());
    for (const slot of this.slots) slot.worker.terminate();
  }

  /**
   * Posts queued jobs in order while the least busy worker has room for the next one. Ties go to the
   * worker that answered last, as the pool of idle workers did before: when jobs come one at a time,
   * one worker, its code compiled and warm, takes them all.
   */
  private pump(): void {
    for (const queue of [this.queue, this.backlog]) {
      while (queue.length > 0) {
        const job = queue[0] as Job;
        if (job.isStale()) {
          queue.shift();
          job.reject(new LayoutCancelled());
          continue;
        }
        // A request waiting keeps the background queued; a worker gets background work only when it holds nothing.
        if (queue === this.backlog && this.queue.length > 0) return;
        let slot = this.slots[0] as Slot;
        for (const s of this.slots) if (s.cost < slot.cost || (s.cost === slot.cost && s.lastAnswer > slot.lastAnswer)) slot = s;
        if (slot.cost > 0 && (queue === this.backlog || slot.cost + job.cost > this.maxCost)) break;
        queue.shift();
        this.post(job, slot);
      }
    }
  }

  private post(job: Job, slot: Slot): void {
    const id = this.nextId++;
    slot.cost += job.cost;
    this.running.set(id, { job, slot });
    slot.worker.post({ type: 'layout', id, input: job.input });
  }

  /** An answer settles its job whichever worker sent it and in whatever order; unknown ids are ignored. */
  private settle(res: LayoutResponse): void {
    const entry = this.running.get(res.id);
    if (!entry) return;
    this.running.delete(res.id);
    entry.slot.cost -= entry.job.cost;
    if (res.type === 'done') {
      // Only a layout made counts as an answer: a worker that crashed must not become the favourite.
      entry.slot.lastAnswer = ++this.answers;
      entry.job.resolve(res.layout);
    } else entry.job.reject(new Error(`layout of scope ${entry.job.input.scope} failed: ${res.message}`));
    this.pump();
  }
}
