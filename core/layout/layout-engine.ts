// The layout engine: lays out the open part of the hierarchy bottom-up, one layout per open scope
// (independent scopes in parallel on the executor's workers), reusing cached layouts; a
// newer request makes older ones stale, so their queued scopes are dropped. Between requests it
// can prepare layouts in the background (`prepare`), which a later request takes from the cache.
import type { ScopedHierarchy } from '../scope/scope-engine';
import { LayoutCache, scopeKey } from './layout-cache';
import { isOpen, scopeInput } from './scope-input';
import { SharedLayouts } from './shared-layouts';
import type { LayoutSettings, ScopeLayout } from './types';
import { LayoutCancelled, type LayoutExecutor } from './worker-pool';
import { LABEL_METRICS } from './text-metrics';

/**
 * Version of the layout's output for the same input. Persisted layouts are keyed by it, so a change
 * to the geometry (2: scopes with many ports bundled at their border; 3: large scopes drawn by the
 * layered layout; 4: every scope drawn by it, own ports ordered with the layers; 5: deep layouts and
 * auxiliary areas wrapped into columns; all issue 23) must
 * bump it, or a reopened file would get layouts from the code before.
 */
export const LAYOUT_ENGINE_VERSION = 5;

export const DEFAULT_SETTINGS: LayoutSettings = { direction: 'UP', metrics: LABEL_METRICS, flatLimit: 1500, algorithm: 'layered' };

export interface VisibleLayout {
  readonly root: number;
  /** Layout of every open scope (the root included). */
  readonly layouts: ReadonlyMap<number, ScopeLayout>;
  /** Wall time of this request, and how many scopes were laid out rather than taken from the cache. */
  readonly ms: number;
  readonly laidOut: number;
  /** Messages for the user (a huge scope drawn with the fast layout). */
  readonly notices: readonly { readonly scope: number; readonly message: string }[];
}

/** Open scopes (the root and expanded scopes whose ancestors are all open), children before parents. */
export function openScopes(model: ScopedHierarchy, expanded: ReadonlySet<number>): number[] {
  const h = model.hierarchy;
  const out: number[] = [];
  const visit = (s: number): void => {
    for (const c of h.children(s)) if (isOpen(model, c, expanded)) visit(c);
    out.push(s);
  };
  visit(h.root);
  return out;
}

/** Background layouts a preparation hands the executor at once (the pool posts them only to idle workers, after any request's). */
const PREPARE_IN_FLIGHT = 4;

export class LayoutEngine {
  private generation = 0;
  /** Requests (`layout` calls) not yet finished, and what waits for there to be none. */
  private active = 0;
  private readonly idleWaiters: (() => void)[] = [];
  private preparing: { cancelled: boolean } | null = null;
  /** Layouts of scopes with the same structure, laid out once; null when `shareStructures` is off (benchmarks compare). */
  readonly shared: SharedLayouts | null;

  constructor(
    private readonly model: ScopedHierarchy,
    private readonly executor: LayoutExecutor,
    readonly settings: LayoutSettings = DEFAULT_SETTINGS,
    readonly cache: LayoutCache = new LayoutCache(),
    private readonly now: () => number = () => Date.now(),
    shareStructures = true,
  ) {
    this.shared = shareStructures ? new SharedLayouts() : null;
  }

  /**
   * Lays out what `expanded` opens. Rejects with LayoutCancelled when a newer request supersedes it.
   * `onProgress` hears of every open scope finished (from the cache or laid out) out of all of them.
   */
  async layout(expanded: ReadonlySet<number>, onProgress?: (done: number, total: number) => void): Promise<VisibleLayout> {
    this.active++;
    try {
      return await this.layoutNow(expanded, onProgress);
    } finally {
      if (--this.active === 0) for (const go of this.idleWaiters.splice(0)) go();
    }
  }

  /**
   * Lays out each of `scopes` open on its own (its children closed) while no request of this engine
   * runs, on `executor` at background priority, into the cache: a later request that opens them
   * (View → Expand the top level, a double-click) lays out only what contains them. A request waits
   * for at most the background layouts already posted to a worker (one each with the pool); a
   * later call or `stopPreparing` ends it.
   * `onProgress` hears of every scope prepared (found in the cache or laid out).
   */
  async prepare(scopes: readonly number[], executor: LayoutExecutor, onProgress?: (done: number, total: number) => void): Promise<void> {
    this.stopPreparing();
    const token = { cancelled: false };
    this.preparing = token;
    const stale = (): boolean => token.cancelled;
    let done = 0;
    const finished = (): void => {
      if (!stale()) onProgress?.(++done, scopes.length);
    };
    const inFlight = new Set<Promise<void>>();
    for (const s of scopes) {
      while (inFlight.size >= PREPARE_IN_FLIGHT) await Promise.race(inFlight);
      while (this.active > 0) await new Promise<void>((go) => this.idleWaiters.push(go));
      const key = scopeKey(s, []);
      // Cached, or stored (not read: a request reads what it opens), or laid out by a request meanwhile.
      const have = await this.cache.has(key);
      if (stale()) return;
      if (have) {
        finished();
        continue;
      }
      const input = scopeInput(this.model, s, new Set([s]), this.settings, new Map());
      const run = (): Promise<ScopeLayout> => executor.run(input, stale, 'background');
      const job = (this.shared ? this.shared.get(input, stale, run) : run()).then((layout) => {
        if (stale()) return;
        this.cache.put(key, layout);
        finished();
      }, () => {
        // Failed: a request that opens the scope lays it out again and reports why.
        finished();
      });
      const tracked: Promise<void> = job.finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
    }
    await Promise.all(inFlight);
  }

  /** Ends a preparation in progress: what it has in flight is dropped (or finishes unused). */
  stopPreparing(): void {
    if (this.preparing) this.preparing.cancelled = true;
    this.preparing = null;
  }

  private async layoutNow(expanded: ReadonlySet<number>, onProgress?: (done: number, total: number) => void): Promise<VisibleLayout> {
    const gen = ++this.generation;
    const stale = (): boolean => gen !== this.generation;
    const t0 = this.now();
    const h = this.model.hierarchy;
    const order = openScopes(this.model, expanded);
    const keys = new Map<number, string>();
    const openKids = new Map<number, number[]>();
    for (const s of order) {
      const kids = Array.from(h.children(s)).filter((c) => isOpen(this.model, c, expanded));
      openKids.set(s, kids);
      keys.set(s, scopeKey(s, kids.map((c) => keys.get(c) as string)));
    }
    const known = await this.cache.getMany([...keys.values()]);
    if (stale()) throw new LayoutCancelled();
    const promises = new Map<number, Promise<ScopeLayout>>();
    let laidOut = 0;
    let done = 0;
    const finished = (): void => onProgress?.(++done, order.length);
    for (const s of order) {
      const kids = openKids.get(s) as number[];
      const p = (async (): Promise<ScopeLayout> => {
        const key = keys.get(s) as string;
        const cached = known.get(key);
        if (cached) {
          finished();
          return cached;
        }
        const childLayouts = new Map<number, ScopeLayout>();
        for (const c of kids) childLayouts.set(c, await (promises.get(c) as Promise<ScopeLayout>));
        if (stale()) throw new LayoutCancelled();
        const input = scopeInput(this.model, s, expanded, this.settings, childLayouts);
        const run = (): Promise<ScopeLayout> => {
          laidOut++;
          return this.executor.run(input, stale);
        };
        const layout = await (this.shared ? this.shared.get(input, stale, run) : run());
        finished();
        this.cache.put(key, layout);
        return layout;
      })();
      p.catch(() => undefined); // observed through the parent; avoids unhandled rejections of siblings
      promises.set(s, p);
    }
    const layouts = new Map<number, ScopeLayout>();
    for (const s of order) layouts.set(s, await (promises.get(s) as Promise<ScopeLayout>));
    if (stale()) throw new LayoutCancelled();
    const notices = [...layouts.values()].filter((l) => l.notice !== null).map((l) => ({ scope: l.scope, message: l.notice as string }));
    return { root: h.root, layouts, ms: this.now() - t0, laidOut, notices };
  }
}
