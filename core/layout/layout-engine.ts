// The layout engine: lays out the open part of the hierarchy bottom-up, one layout per open scope
// (independent scopes in parallel on the executor's workers), reusing cached layouts; a
// newer request makes older ones stale, so their queued scopes are dropped.
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
 * layered layout; 4: every scope drawn by it, own ports ordered with the layers; all issue 23) must
 * bump it, or a reopened file would get layouts from the code before.
 */
export const LAYOUT_ENGINE_VERSION = 4;

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

export class LayoutEngine {
  private generation = 0;
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
