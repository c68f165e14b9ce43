// The explorer: what the window does around its graph view. It opens inputs (with progress and
// Cancel, which replaces the session worker), keeps the recent items, the theme and each graph's
// saved view, reloads a growing log, exports, and enters and leaves compare mode. It owns its pane
// (pane-controller.ts) and, in compare mode, a CompareController with two more.
import type { Host, OpenedInput } from '../host/host';
import type { ThemeName } from '../canvas/palette';
import type { AppState, ViewState } from './app-state';
import { CompareController } from './compare-controller';
import { PaneController } from './pane-controller';
import { Cancelled, SessionClient } from './session-client';
import { exportPng, exportSvg } from './exports/graph-exports';

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export class Explorer {
  private client = new SessionClient();
  /** The explorer's own graph view; its state also holds the explorer's fields (AppState). */
  readonly pane: PaneController;
  private input: OpenedInput | null = null;
  /** Live reload in flight (reload()): its token, bumped by open() to drop what is left of it. */
  private reloadSeq = 0;
  private reloading = false;
  /** The two panes of compare mode, while it is shown. */
  comparison: CompareController | null = null;

  constructor(readonly host: Host) {
    this.pane = new PaneController(this.client, host, {
      views: { load: (key) => host.loadState(key) as ViewState | null, save: (key, state) => host.saveState(key, state) },
    });
    this.pane.setTheme(host.loadState('theme') === 'dark' ? 'dark' : 'light');
    void this.refreshRecent();
  }

  getState = (): AppState => this.pane.getState();
  subscribe = (fn: () => void): (() => void) => this.pane.subscribe(fn);

  private async refreshRecent(): Promise<void> {
    this.pane.update({ recent: await this.host.recent() });
  }

  // ---- opening
  /** Opens a file or folder and shows `graph` (default: the first that is not run metadata). */
  async open(input: OpenedInput, remember = true, graph: number | null = null): Promise<void> {
    if (this.comparison) this.exitCompare();
    // A file still loading (or reloading) is abandoned: the worker is busy with it and would answer only after.
    if (this.getState().phase === 'loading' || this.reloading) this.restartWorker();
    this.reloadSeq++;
    this.reloading = false;
    performance.clearMarks();
    performance.mark('scopeview:open');
    this.input = input;
    const opened = await this.pane.open(input, graph);
    // Stored after the graph is shown: copying a large file into IndexedDB competes for the CPU.
    if (remember && opened && opened.graphs.length > 0) void this.host.remember(input).then(() => this.refreshRecent());
  }

  /**
   * Cancel: parsing and the scope engine run as long synchronous steps inside the worker, which no
   * message can interrupt, so the worker is replaced (its work is dropped) and the app returns to
   * the start screen at once.
   */
  cancel(): void {
    if (this.pane.cancelExpansion()) return;
    if (this.getState().phase !== 'loading') return;
    this.restartWorker();
    this.host.closed?.();
    this.pane.reset({ toast: 'Loading cancelled' });
  }

  /** Drops whatever the worker is doing by replacing it. */
  private restartWorker(): void {
    this.client.terminate();
    this.client = new SessionClient();
    this.pane.useClient(this.client);
  }

  async reopenRecent(key: string): Promise<void> {
    const input = await this.host.reopen(key);
    if (input) await this.open(input, true);
    else {
      await this.host.forget(key);
      await this.refreshRecent();
      this.pane.update({ toast: 'That item is no longer stored; open it again from disk.' });
    }
  }

  home(): void {
    if (this.getState().phase === 'loading') this.restartWorker();
    this.comparison?.dispose();
    this.comparison = null;
    // In the shell, what was shown is closed: main ends its file grants.
    this.host.closed?.();
    this.pane.reset();
  }

  setTheme(theme: ThemeName): void {
    this.pane.setTheme(theme);
    this.host.saveState('theme', theme);
    this.comparison?.setTheme(theme);
  }

  // ---- compare mode
  openCompareDialog(): void {
    this.pane.update({ compareDialog: true });
  }

  closeCompareDialog(): void {
    this.pane.update({ compareDialog: false });
  }

  /** Shows two inputs side by side with their diff; `graphs` picks each side's graph (default: the first). */
  async compare(a: OpenedInput, b: OpenedInput, graphs: readonly [number | null, number | null] = [null, null]): Promise<void> {
    this.comparison?.dispose();
    const cmp = new CompareController(this.host, this.getState().theme);
    this.comparison = cmp;
    this.pane.update({ mode: 'compare', compareDialog: false, help: false });
    await cmp.start(a, b, graphs);
  }

  /** Back to the single-graph explorer (what it showed before is still there). */
  exitCompare(): void {
    this.comparison?.dispose();
    this.comparison = null;
    this.pane.update({ mode: 'explore' });
  }

  setHelp(help: boolean): void {
    this.pane.update({ help });
  }

  // ---- export
  private baseName(): string {
    const name = this.getState().opened?.name ?? 'graph';
    return name.replace(/[^\w.-]+/g, '_').replace(/\.(pb|pbtxt|meta)$/i, '');
  }

  /** The whole graph at 2× (capped for huge graphs, with a note), or with `view` the current view as drawn. */
  async exportPng(view = false): Promise<void> {
    const out = await exportPng(this.pane.graphCanvas, view);
    if (out) await this.host.save(`${this.baseName()}.png`, out.blob);
    if (out?.note) this.pane.update({ toast: out.note });
  }

  async exportSvg(): Promise<void> {
    const svg = exportSvg(this.pane.graphCanvas);
    if (svg) await this.host.save(`${this.baseName()}.svg`, svg);
  }

  /** The input currently shown (for reloading after a toggle change). */
  get currentInput(): OpenedInput | null {
    return this.input;
  }

  /**
   * Live reload: reads `input` (the shown input, grown or with new runs) again and shows the same
   * graph with the same expanded scopes, camera and selection, without passing through the loading
   * screen. Returns false, doing nothing, while something else is loading (the caller retries).
   */
  async reload(input: OpenedInput): Promise<boolean> {
    const st = this.getState();
    if (st.phase !== 'ready' || !st.opened || !st.selection) return false;
    const before = st.opened.graphs[st.graph];
    const camera = this.pane.graphCanvas?.getCamera() ?? null;
    const selectedName = st.details?.name ?? null;
    this.input = input;
    const token = ++this.reloadSeq;
    // Opening something else meanwhile (open() bumps the token) makes what is left of this reload moot.
    const stale = (): boolean => token !== this.reloadSeq;
    this.reloading = true;
    try {
      // The same graph is the one from the same run, tag and source; indexes shift when runs appear.
      const shown = await this.pane.reload(input, (opened) => {
        const same = opened.graphs.findIndex((g) => before !== undefined && g.run === before.run && g.tag === before.tag && g.source === before.source && g.step === before.step);
        return same >= 0 ? { graph: same, fn: st.fn } : { graph: Math.min(st.graph, Math.max(0, opened.graphs.length - 1)), fn: null };
      }, stale);
      if (!shown || stale()) return true;
      if (camera) this.pane.graphCanvas?.setCamera(camera, true);
      if (selectedName) await this.pane.reselect(selectedName);
      const query = this.getState().query;
      if (query) void this.pane.search(query);
      return true;
    } catch (err) {
      if (!stale() && !(err instanceof Cancelled)) this.pane.update({ failure: `Could not reload ${input.name}: ${message(err)}` });
      return true;
    } finally {
      if (!stale()) this.reloading = false;
    }
  }
}
