// Compare mode's state and actions: two panes (PaneControllers addressing panes 0 and 1 of one
// session worker), the diff the worker computes between their graphs, synchronised camera and
// expansion, focusing a change in both panes, the variables side by side, and the exports.
import type { DiffStatus } from '../../core/diff/classify';
import type { DiffChange } from '../../core/diff/diff';
import type { DiffReply, VariableRow } from '../../core/pipeline/messages';
import type { Pane } from '../../core/pipeline/protocol';
import type { Camera } from '../canvas/graph-canvas';
import type { Host, OpenedInput } from '../host/host';
import type { ThemeName } from '../canvas/palette';
import { comparePng } from './exports/graph-exports';
import { PaneController } from './pane-controller';
import { Cancelled, SessionClient } from './session-client';

export type ComparePanel = 'changes' | 'scopes' | 'inspector';

/** A change the list shows, with its index in `diff.changes`. */
export interface ShownChange {
  readonly change: DiffChange;
  readonly index: number;
}

export interface CompareState {
  readonly phase: 'loading' | 'ready';
  readonly stage: string;
  readonly names: readonly [string, string];
  readonly diff: DiffReply | null;
  readonly variables: readonly VariableRow[] | null;
  readonly panel: ComparePanel;
  /** The pane whose selection the inspector shows. */
  readonly active: Pane;
  readonly syncCamera: boolean;
  readonly filter: DiffStatus | 'all';
  /** The change last focused (an index into diff.changes), -1 for none. */
  readonly focused: number;
  readonly failure: string | null;
  /** Something to tell that is not a failure (an export saved below 2×). */
  readonly note: string | null;
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

const parentScope = (name: string): string => name.slice(0, Math.max(0, name.lastIndexOf('/')));

export class CompareController {
  readonly panes: readonly [PaneController, PaneController];
  private readonly client = new SessionClient();
  private state: CompareState = {
    phase: 'loading', stage: 'Opening', names: ['', ''], diff: null, variables: null, panel: 'changes', active: 0, syncCamera: true,
    filter: 'all', focused: -1, failure: null, note: null,
  };
  private readonly listeners = new Set<() => void>();
  /** Set while one pane's camera is copied to the other, so the copy does not echo back. */
  private syncing = false;
  /**
   * Focus operations in flight: while any runs, cameras are not linked (each pane centres on its
   * own node) and the selections they make are not the user's clicks. A count, not a saved flag,
   * so that overlapping focuses never leave the user's "Move together" setting changed.
   */
  private focusing = 0;
  /** Bumped by every diff: an older diff's results are dropped when they arrive. */
  private diffGen = 0;
  private mirrors: Promise<void> = Promise.resolve();
  /** shownChanges() for the diff and filter it was computed for (the list re-renders often). */
  private shown: { readonly diff: DiffReply; readonly filter: CompareState['filter']; readonly list: readonly ShownChange[] } | null = null;
  private disposed = false;

  constructor(private readonly host: Host, theme: ThemeName) {
    const pane = (p: Pane): PaneController => new PaneController(this.client, host, { pane: p, hooks: {
      // Mirrors run one after another, so a quick open-then-close ends the same on both sides.
      onToggle: (name, open) => {
        this.mirrors = this.mirrors.then(() => this.mirrorToggle(p, name, open));
      },
      onCamera: (camera) => this.mirrorCamera(p, camera),
      onSelect: (id) => {
        if (id >= 0 && this.focusing === 0) this.set({ active: p, panel: 'inspector' });
      },
    } });
    this.panes = [pane(0), pane(1)];
    for (const c of this.panes) {
      c.setTheme(theme);
      c.setColourMode('diff');
    }
  }

  getState = (): CompareState => this.state;
  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };
  private set(patch: Partial<CompareState>): void {
    if (this.disposed) return;
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  /** Opens both inputs (one after the other: they share a worker), then diffs them. */
  async start(a: OpenedInput, b: OpenedInput, graphs: readonly [number | null, number | null]): Promise<void> {
    this.set({ names: [a.name, b.name], phase: 'loading', stage: `Opening A: ${a.name}` });
    await this.panes[0].open(a, graphs[0]);
    if (this.disposed) return;
    this.set({ stage: `Opening B: ${b.name}` });
    await this.panes[1].open(b, graphs[1]);
    if (this.disposed) return;
    await this.rediff();
  }

  /** Shows another graph of one side's input and diffs again. */
  async selectGraph(pane: Pane, graph: number): Promise<void> {
    const gen = ++this.diffGen;
    this.set({ phase: 'loading', stage: `Showing graph ${graph + 1} on side ${pane === 0 ? 'A' : 'B'}`, diff: null });
    await this.panes[pane].selectGraph(graph, null);
    if (gen === this.diffGen) await this.rediff();
  }

  private async rediff(): Promise<void> {
    const gen = ++this.diffGen;
    const [pa, pb] = this.panes.map((p) => p.getState());
    const problem = [pa, pb].map((s, k) => (s?.selection ? null : `${k === 0 ? 'A' : 'B'} (${this.state.names[k]}) has no graph to compare${s?.failure ? `: ${s.failure}` : ''}`)).filter(Boolean);
    if (problem.length > 0) {
      this.set({ phase: 'ready', failure: problem.join('; '), diff: null });
      return;
    }
    this.set({ stage: 'Computing the diff', variables: null, focused: -1 });
    try {
      const diff = await this.client.request({ type: 'diff' });
      if (gen !== this.diffGen) return;
      this.set({ stage: 'Laying out both sides' });
      await Promise.all(this.panes.map((p) => p.refresh()));
      if (gen !== this.diffGen) return;
      this.set({ diff, phase: 'ready', failure: null });
      if (this.state.panel === 'scopes') void this.loadVariables();
    } catch (err) {
      if (gen === this.diffGen && !(err instanceof Cancelled)) this.set({ phase: 'ready', failure: `Could not compare: ${message(err)}` });
    }
  }

  /** Expanding or collapsing a scope on one side does the same to its counterpart on the other. */
  private async mirrorToggle(from: Pane, name: string, open: boolean): Promise<void> {
    if (!this.state.diff) return;
    const to: Pane = from === 0 ? 1 : 0;
    try {
      const other = await this.client.request({ type: 'counterpart', name }, undefined, from);
      if (!other) return;
      // The counterpart may sit in scopes still closed on the other side: opening it opens the way to it too.
      if (open) await this.panes[to].applyExpansion([...(other.location?.expand ?? []), other.name], []);
      else await this.panes[to].applyExpansion([], [other.name]);
    } catch (err) {
      if (!(err instanceof Cancelled)) this.set({ failure: `Could not mirror the expansion: ${message(err)}` });
    }
  }

  private mirrorCamera(from: Pane, camera: Camera): void {
    if (!this.state.syncCamera || this.syncing || this.focusing > 0) return;
    this.syncing = true;
    try {
      this.panes[from === 0 ? 1 : 0].graphCanvas?.setCamera(camera);
    } finally {
      this.syncing = false;
    }
  }

  setSyncCamera(syncCamera: boolean): void {
    this.set({ syncCamera });
    const cam = this.panes[0].graphCanvas?.getCamera();
    if (syncCamera && cam) this.mirrorCamera(0, cam);
  }

  setPanel(panel: ComparePanel): void {
    this.set({ panel });
    if (panel === 'scopes' && !this.state.variables && this.state.diff) void this.loadVariables();
  }

  private async loadVariables(): Promise<void> {
    try {
      this.set({ variables: await this.client.request({ type: 'compareVariables' }) });
    } catch (err) {
      if (!(err instanceof Cancelled)) this.set({ failure: `Could not list the variables: ${message(err)}` });
    }
  }

  setFilter(filter: DiffStatus | 'all'): void {
    this.set({ filter });
  }

  /** The changes that pass the filter, in list order. */
  shownChanges(): readonly ShownChange[] {
    const { diff, filter } = this.state;
    if (!diff) return [];
    if (this.shown?.diff !== diff || this.shown.filter !== filter) {
      const list = diff.changes.map((change, index) => ({ change, index })).filter((e) => filter === 'all' || e.change.status === filter);
      this.shown = { diff, filter, list };
    }
    return this.shown.list;
  }

  /** Focuses the next shown change after the focused one (the previous one with `back`), wrapping around. */
  focusNext(back: boolean): void {
    const list = this.shownChanges();
    if (list.length === 0) return;
    const at = list.findIndex((e) => e.index === this.state.focused);
    const next = list[at < 0 ? (back ? list.length - 1 : 0) : (at + (back ? list.length - 1 : 1)) % list.length];
    if (next) void this.focus(next.change, next.index);
  }

  /**
   * Centres a change in both panes: each side reveals its own node; a node only one side has is
   * paired with the counterpart of its scope on the other side, where it would have been.
   */
  async focus(change: DiffChange, index = -1): Promise<void> {
    this.set({ focused: index });
    const [pa, pb] = this.panes;
    this.focusing++;
    try {
      const jobs: Promise<void>[] = [];
      if (change.a) jobs.push(pa.revealByName(change.a));
      if (change.b) jobs.push(pb.revealByName(change.b));
      const only = change.a ?? change.b;
      if ((change.a === null || change.b === null) && only) {
        const from: Pane = change.a ? 0 : 1;
        const scope = parentScope(only);
        const other = scope ? await this.client.request({ type: 'counterpart', name: scope }, undefined, from) : null;
        if (other?.location) jobs.push(this.panes[from === 0 ? 1 : 0].reveal(other.location.target, other.location.expand, other.location.embedded));
      }
      await Promise.all(jobs);
    } finally {
      this.focusing--;
    }
  }

  /** Reveals a variable's row in both panes (Scopes panel). */
  async focusVariable(row: VariableRow): Promise<void> {
    this.focusing++;
    try {
      const jobs: Promise<void>[] = [];
      if (row.a) jobs.push(this.panes[0].revealByName(row.a.name));
      if (row.b) jobs.push(this.panes[1].revealByName(row.b.name));
      await Promise.all(jobs);
    } finally {
      this.focusing--;
    }
  }

  setTheme(theme: ThemeName): void {
    for (const p of this.panes) p.setTheme(theme);
  }

  private fileBase(): string {
    const clean = (n: string): string => n.replace(/[^\w.-]+/g, '_').replace(/\.(pb|pbtxt|meta)$/i, '').slice(0, 60);
    return `diff-${clean(this.state.names[0])}-vs-${clean(this.state.names[1])}`;
  }

  /** The diff as the JSON document `scopeview diff --json` prints. */
  async exportJson(): Promise<void> {
    const d = this.state.diff;
    if (!d) return;
    const doc = { summary: d.summary, changes: d.changes, scopeKindChanges: d.scopeKindChanges };
    await this.host.save(`${this.fileBase()}.json`, new Blob([`${JSON.stringify(doc, null, 2)}\n`], { type: 'application/json' }));
  }

  /** Both panes as one PNG, A on the left, each under its file name. */
  async exportPng(): Promise<void> {
    const [ca, cb] = this.panes.map((p) => p.graphCanvas);
    const out = ca && cb ? await comparePng([ca, cb], [`A: ${this.state.names[0]}`, `B: ${this.state.names[1]}`]) : null;
    if (out) await this.host.save(`${this.fileBase()}.png`, out.blob);
    if (out?.note) this.set({ note: out.note });
  }

  dismiss(): void {
    this.set({ failure: null, note: null });
  }

  /** Stops the comparison's worker (whatever it is doing) and forgets its panes. */
  dispose(): void {
    this.client.terminate();
    this.disposed = true;
    this.listeners.clear();
  }
}
