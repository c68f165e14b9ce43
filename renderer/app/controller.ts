// The explorer's state and actions, outside React: opening files (with progress and cancel),
// choosing a graph, expanding and collapsing scopes, selection, search, tracing, colouring,
// exports and the saved view state; entering compare mode. React components subscribe to it and
// call its actions. A compare pane is a Controller too, addressing pane 0 or 1 of a shared worker.
import type { Pane, ViewOptions } from '../../core/pipeline/protocol';
import { PREVIEW_MIN_NODES } from '../../core/pipeline/preview';
import type { ColourMode, Scene } from '../../core/pipeline/scene';
import type { Camera, GraphCanvas } from '../canvas/graph-canvas';
import type { ThemeName } from '../canvas/palette';
import { measureLabelMetrics } from '../canvas/measure-text';
import type { Host, OpenedInput } from '../host/host';
import { INITIAL_STATE, SEARCH_PAGE, type AppState, type PaneHooks, type Panel, type ViewState } from './app-state';

export type { AppState, PaneHooks, Panel, ProgressState } from './app-state';
import { Comparison } from './compare-controller';
import { Expansion } from './expansion';
import { openingCamera } from './opening-camera';
import { Cancelled, SessionClient, type Body, type ProgressCallback, type ReplyTo } from './session-client';
import { Store } from './store';

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export class Controller extends Store<AppState> {
  private canvas: GraphCanvas | null = null;
  private loadingId = -1;
  private input: OpenedInput | null = null;
  private layoutSeq = 0;
  private searchSeq = 0;
  /** "Expand all" / "Expand to depth N", with progress and Cancel. */
  private readonly expansion = new Expansion({
    expansion: (depth) => this.req({ type: 'expansion', depth }),
    expanded: () => this.state.expanded,
    show: (expanded) => {
      this.set({ expanded });
      return this.relayout(null, true);
    },
    fit: () => this.canvas?.fit(),
    progress: (stage) => this.set({ progress: stage === null ? null : { stage, done: 0, total: 0 } }),
    failed: (why) => this.set({ failure: `Could not expand: ${why}` }),
  });
  private saveTimer: ReturnType<typeof setTimeout> | null = null;

  /** The label font as drawn here, measured once (box sizes in the layout follow it). */
  private readonly labelMetrics = measureLabelMetrics();

  /** Live reload in flight (reload()): its token, bumped by open() to drop what is left of it. */
  private reloadSeq = 0;
  private reloading = false;
  /** The camera of a canvas that was unmounted, for the next one. */
  private detachedCamera: Camera | null = null;
  /** The two panes of compare mode, while it is shown. */
  comparison: Comparison<Controller> | null = null;

  /**
   * `newClient` null: a compare pane, which shares the comparison's worker and never replaces it
   * (the comparison cancels as a whole). `pane` addresses this controller's session in the worker.
   */
  constructor(private client: SessionClient, readonly host: Host, private readonly newClient: (() => SessionClient) | null = () => new SessionClient(),
    readonly pane: Pane = 0, private readonly hooks: PaneHooks = {}) {
    super({ ...INITIAL_STATE, theme: host.loadState('theme') === 'dark' ? 'dark' : 'light' });
    if (this.standalone) void this.refreshRecent();
  }

  /** The explorer itself, not a compare pane: it owns recent items, saved views and the theme setting. */
  private get standalone(): boolean {
    return this.newClient !== null;
  }

  private req<B extends Body>(body: B, progress?: ProgressCallback): Promise<ReplyTo<B>> {
    return this.client.request(body, progress, this.pane);
  }

  /**
   * The canvas comes and goes with the view (compare mode unmounts the explorer's): a new one gets
   * the scene and the camera the old one had.
   */
  attachCanvas(canvas: GraphCanvas | null): void {
    if (!canvas && this.canvas) this.detachedCamera = this.canvas.getCamera();
    this.canvas = canvas;
    if (canvas && this.state.scene) {
      canvas.setScene(this.state.scene);
      if (this.detachedCamera) canvas.setCamera(this.detachedCamera, true);
    }
  }

  private async refreshRecent(): Promise<void> {
    this.set({ recent: await this.host.recent() });
  }

  // ---- opening
  /** Opens a file or folder and shows `graph` (default: the first that is not run metadata). */
  async open(input: OpenedInput, remember = true, graph: number | null = null): Promise<void> {
    if (this.comparison) this.exitCompare();
    // A file still loading (or reloading) is abandoned: the worker is busy with it and would answer only after.
    if (this.state.phase === 'loading' || this.reloading) this.restartWorker();
    this.reloadSeq++;
    this.reloading = false;
    performance.clearMarks();
    performance.mark('scopeview:open');
    this.input = input;
    this.set({ phase: 'loading', progress: { stage: `Reading ${input.name}`, done: 0, total: 0 }, opened: null, selection: null, scene: null, details: null,
      selected: -1, results: null, traced: null, variables: null, failure: null, query: '' });
    this.canvas?.clear();
    let openId = -1;
    const { id, result } = this.client.start({ type: 'open', name: input.name, files: input.files, folder: input.folder },
      (stage, done, total) => this.set({ progress: { stage, done, total } }), this.pane, (scene) => this.showPreview(scene, openId));
    openId = id;
    this.loadingId = id;
    try {
      const opened = await result;
      if (this.loadingId !== id) return;
      this.loadingId = -1;
      this.set({ opened });
      if (opened.graphs.length > 0) {
        const first = opened.graphs.findIndex((g) => g.source !== 'run_metadata');
        await this.selectGraph(graph !== null && graph < opened.graphs.length ? graph : first < 0 ? 0 : first, null);
      } else this.set({ phase: 'ready', progress: null });
      // Stored after the graph is shown: copying a large file into IndexedDB competes for the CPU.
      if (remember && opened.graphs.length > 0) void this.host.remember(input).then(() => this.refreshRecent());
    } catch (err) {
      if (this.loadingId !== id) return;
      this.loadingId = -1;
      this.set({ phase: this.state.opened ? 'ready' : 'start', progress: null, failure: err instanceof Cancelled ? null : `Could not open ${input.name}: ${message(err)}`,
        toast: err instanceof Cancelled ? 'Loading cancelled' : null });
    }
  }

  /**
   * Cancel: parsing and the scope engine run as long synchronous steps inside the worker, which no
   * message can interrupt, so the worker is replaced (its work is dropped) and the app returns to
   * the start screen at once.
   */
  cancel(): void {
    const before = this.state.phase === 'ready' ? this.expansion.cancel() : null;
    if (before) {
      // A layout is superseded by the next request: laying out what was open before (cached) drops it.
      this.set({ expanded: before, toast: 'Expansion cancelled' });
      void this.relayout(null);
      return;
    }
    if (this.state.phase !== 'loading') return;
    this.restartWorker();
    this.host.closed?.();
    this.set({ ...INITIAL_STATE, theme: this.state.theme, colourMode: this.state.colourMode, recent: this.state.recent, toast: 'Loading cancelled' });
  }

  /** Drops whatever the worker is doing by replacing it. */
  private restartWorker(): void {
    this.loadingId = -1;
    this.layoutSeq++;
    if (!this.newClient) return;
    this.client.terminate();
    this.client = this.newClient();
  }

  async reopenRecent(key: string): Promise<void> {
    const input = await this.host.reopen(key);
    if (input) await this.open(input, true);
    else {
      await this.host.forget(key);
      await this.refreshRecent();
      this.set({ toast: 'That item is no longer stored; open it again from disk.' });
    }
  }

  home(): void {
    if (this.state.phase === 'loading') this.restartWorker();
    this.comparison?.dispose();
    this.comparison = null;
    // In the shell, what was shown is closed: main ends its file grants.
    this.host.closed?.();
    this.set({ ...INITIAL_STATE, theme: this.state.theme, colourMode: this.state.colourMode, recent: this.state.recent });
  }

  private viewKey(): string | null {
    const o = this.state.opened;
    return o ? `${o.contentKey}/${this.state.graph}/${this.state.fn ?? '-'}` : null;
  }

  async selectGraph(graph: number, fn: number | null, options: ViewOptions = this.state.options): Promise<void> {
    this.set({ phase: 'loading', graph, fn, options, progress: { stage: 'Building the scope hierarchy', done: 0, total: 0 }, details: null, selected: -1, results: null, traced: null, variables: null });
    try {
      const entry = this.state.opened?.graphs[graph];
      if (fn === null && !this.state.scene && entry && entry.nodes >= PREVIEW_MIN_NODES) this.showPreview(await this.req({ type: 'preview', graph }));
      const selection = await this.req({ type: 'select', graph, fn, options, metrics: this.labelMetrics }, (stage) => this.set({ progress: { stage, done: 0, total: 0 } }));
      const key = this.viewKey();
      // Compare panes start collapsed and leave the explorer's saved view of the same file alone.
      const saved = key && this.standalone ? (this.host.loadState(key) as ViewState | null) : null;
      this.set({ selection, expanded: saved?.expanded ?? [], progress: { stage: 'Laying out', done: 0, total: 0 } });
      // Cancelled while laid out (back on the start screen): nothing left to show.
      if (!(await this.relayout(null)) && this.state.phase !== 'loading') return;
      if (saved?.camera) this.canvas?.setCamera(saved.camera, true);
      else this.openingView();
      this.markFrame('scopeview:complete');
      this.set({ phase: 'ready', progress: null });
      if (this.state.query) void this.search(this.state.query);
    } catch (err) {
      if (err instanceof Cancelled) return;
      this.set({ phase: 'ready', progress: null, selection: null, failure: `Could not show this graph: ${message(err)}` });
    }
  }

  /** Sets the camera a newly opened graph starts with. */
  private openingView(): void {
    const scene = this.state.scene;
    if (!this.canvas || !scene) return;
    const view = this.canvas.getViewSize();
    this.canvas.setCamera(openingCamera({ x: 0, y: 0, width: scene.width, height: scene.height }, view.width, view.height), true);
  }

  /** Marks the frame after next, which has drawn what was just set (bench/ui.bench.ts reads the marks). */
  private markFrame(name: string): void {
    requestAnimationFrame(() => requestAnimationFrame(() => {
      if (performance.getEntriesByName('scopeview:first-frame').length === 0) performance.mark('scopeview:first-frame');
      performance.mark(name);
    }));
  }

  /**
   * A first look at a large graph while it loads (sent by the worker before decoding) or while the
   * scope engine runs: its top level read off the names. `openId`: only for that open, if still current.
   */
  private showPreview(scene: Scene, openId = this.loadingId): void {
    if (openId !== this.loadingId || (this.state.scene && !this.state.scene.preview)) return;
    this.set({ scene, progress: this.state.progress && { ...this.state.progress, stage: `${this.state.progress.stage} (a first look at ${scene.nodeCount.toLocaleString()} top-level groups)` } });
    this.canvas?.setScene(scene);
    this.openingView();
    this.markFrame('scopeview:preview');
  }

  setOptions(patch: Partial<ViewOptions>): void {
    void this.selectGraph(this.state.graph, this.state.fn, { ...this.state.options, ...patch });
  }

  // ---- layout
  /** Lays out the expanded set and shows it; false when a newer layout superseded this one or it failed. */
  private async relayout(anchor: number | null, progress = false): Promise<boolean> {
    const seq = ++this.layoutSeq;
    this.set({ layoutBusy: true });
    const t0 = performance.now();
    const onProgress = (stage: string, done: number, total: number): void => {
      if (seq === this.layoutSeq && this.expansion.active) this.set({ progress: { stage: `${stage}: ${done.toLocaleString()} of ${total.toLocaleString()}`, done, total } });
    };
    try {
      const scene = await this.req({ type: 'layout', expanded: this.state.expanded, xla: this.state.colourMode === 'xla', kinds: this.state.colourMode === 'kind' }, progress ? onProgress : undefined);
      if (seq !== this.layoutSeq) return false;
      this.set({ scene, layoutBusy: false, traced: null, layoutMs: performance.now() - t0 });
      this.canvas?.setScene(scene, anchor !== null ? { anchorId: anchor } : undefined);
      this.persistView();
      return true;
    } catch (err) {
      if (seq !== this.layoutSeq || err instanceof Cancelled) return false;
      this.set({ layoutBusy: false, failure: `Layout failed: ${message(err)}` });
      return false;
    }
  }

  toggle(id: number): void {
    const scene = this.state.scene;
    if (!scene || scene.preview) return;
    const slot = scene.ids.indexOf(id);
    const name = scene.names[slot];
    if (slot < 0 || name === undefined || (scene.shapes[slot] ?? 9) > 1) return;
    const open = this.state.expanded.includes(name);
    this.set({ expanded: open ? this.state.expanded.filter((n) => n !== name) : [...this.state.expanded, name] });
    void this.relayout(id);
    this.hooks.onToggle?.(name, !open);
  }

  /** Compare mode: opens and closes scopes as the other pane did (no hook fires). */
  async applyExpansion(open: readonly string[], close: readonly string[]): Promise<void> {
    const shut = new Set(close);
    const expanded = this.state.expanded.filter((n) => !shut.has(n));
    for (const n of open) if (!expanded.includes(n)) expanded.push(n);
    this.set({ expanded });
    await this.relayout(null);
  }

  /** Lays out again, keeping the camera (compare mode: the diff colours arrived). */
  async refresh(): Promise<void> {
    await this.relayout(null);
  }

  /** Opens every scope down to `depth` (1: the top level; null: all); the view then fits. */
  expandTo(depth: number | null): Promise<void> {
    const st = this.state;
    return st.selection && st.scene && !st.scene.preview && st.phase === 'ready' ? this.expansion.run(depth) : Promise.resolve();
  }

  /** Closes every scope; the root's layout is nearly always cached, so this is quick. The view fits. */
  collapseAll(): void {
    this.expansion.cancel();
    this.set({ expanded: [] });
    void this.relayout(null).then((shown) => {
      if (shown) this.canvas?.fit();
    });
  }

  onCamera(): void {
    this.persistView();
    const camera = this.canvas?.getCamera();
    if (camera) this.hooks.onCamera?.(camera);
  }

  /** The canvas this controller draws on (compare mode moves the panes' cameras together). */
  get graphCanvas(): GraphCanvas | null {
    return this.canvas;
  }

  private persistView(): void {
    const key = this.viewKey();
    if (!key || !this.standalone) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      const state: ViewState = { expanded: this.state.expanded, camera: this.canvas?.getCamera() ?? null };
      this.host.saveState(key, state);
    }, 300);
  }

  // ---- selection, inspector, trace
  hover(id: number): void {
    if (id !== this.state.hovered) this.set({ hovered: id });
  }

  /**
   * Selects box `id`; `embedded` inspects a graph node drawn inside it (a Const, a summary) instead.
   * `keepPanel` leaves the side panel where it is (stepping through search results keeps the list).
   */
  async select(id: number, embedded?: number, keepPanel = false): Promise<void> {
    if (this.state.scene?.preview) return;
    this.set({ selected: id, details: id < 0 ? null : this.state.details, panel: id < 0 || keepPanel ? this.state.panel : 'inspector' });
    this.hooks.onSelect?.(id);
    if (id < 0) return;
    try {
      const details = await this.req(embedded === undefined ? { type: 'inspect', node: id } : { type: 'inspect', node: id, embedded });
      if (this.state.selected === id) this.set({ details });
    } catch (err) {
      this.set({ failure: `Could not inspect this node: ${message(err)}` });
    }
  }

  /** Opens the scopes holding a node, selects it and centres the view on it. */
  async reveal(target: number, expand: readonly string[], embedded?: number, keepPanel = false): Promise<void> {
    const missing = expand.filter((n) => !this.state.expanded.includes(n));
    if (missing.length > 0) {
      this.set({ expanded: [...this.state.expanded, ...missing] });
      await this.relayout(null);
    }
    this.canvas?.centreOn(target);
    await this.select(target, embedded, keepPanel);
  }

  async revealByName(name: string): Promise<void> {
    const loc = await this.req({ type: 'locate', name });
    if (loc) await this.reveal(loc.target, loc.expand, loc.embedded);
    else this.set({ toast: `${name} is not in this graph` });
  }

  async trace(direction: 'inputs' | 'outputs'): Promise<void> {
    const node = this.state.selected;
    if (node < 0) return;
    const r = await this.req({ type: 'trace', node, direction });
    this.set({ traced: { node, direction, nodes: new Set(r.nodes), count: r.count } });
  }

  clearTrace(): void {
    this.set({ traced: null });
  }

  // ---- search
  async search(query: string, limit = SEARCH_PAGE): Promise<void> {
    const seq = ++this.searchSeq;
    const more = query === this.state.query && limit > this.state.searchLimit;
    this.set({ query, panel: 'search', searchLimit: limit, ...(more ? {} : { searchCursor: -1 }) });
    if (!query.trim() || !this.state.selection) {
      this.set({ results: null });
      return;
    }
    const results = await this.req({ type: 'search', query, limit });
    if (seq === this.searchSeq) this.set({ results });
  }

  /** Asks for another page of results; the list keeps its place. */
  showMoreResults(): Promise<void> {
    return this.search(this.state.query, this.state.searchLimit + SEARCH_PAGE * 5);
  }

  /** Goes to result `index`: opens its scopes, centres and selects it, and keeps the result list shown. */
  async goToResult(index: number): Promise<void> {
    const entry = this.state.results?.entries[index];
    if (!entry) return;
    this.set({ searchCursor: index, panel: 'search' });
    await this.reveal(entry.target, entry.expand, entry.embedded, true);
  }

  /** The next (`+1`) or previous (`-1`) result, wrapping around; from none, the first or the last. */
  stepResult(delta: 1 | -1): Promise<void> {
    const n = this.state.results?.entries.length ?? 0;
    if (n === 0) return Promise.resolve();
    const cur = this.state.searchCursor;
    const next = cur < 0 ? (delta > 0 ? 0 : n - 1) : (cur + delta + n) % n;
    return this.goToResult(next);
  }

  // ---- panels, colouring, theme
  setPanel(panel: Panel): void {
    this.set({ panel });
    if (panel === 'scopes' && !this.state.variables && this.state.selection) {
      void this.req({ type: 'variables' }).then((variables) => this.set({ variables }));
    }
  }

  setColourMode(colourMode: ColourMode): void {
    // XLA clusters and scope kinds are computed with the layout, only when a mode needs them.
    const needLayout = (colourMode === 'xla' || colourMode === 'kind') && this.state.colourMode !== colourMode;
    this.set({ colourMode });
    if (needLayout) void this.relayout(null);
  }

  setTheme(theme: ThemeName): void {
    this.set({ theme });
    if (this.standalone) this.host.saveState('theme', theme);
    this.comparison?.setTheme(theme);
  }

  // ---- compare mode
  openCompareDialog(): void {
    this.set({ compareDialog: true });
  }

  closeCompareDialog(): void {
    this.set({ compareDialog: false });
  }

  /** Shows two inputs side by side with their diff; `graphs` picks each side's graph (default: the first). */
  async compare(a: OpenedInput, b: OpenedInput, graphs: readonly [number | null, number | null] = [null, null]): Promise<void> {
    this.comparison?.dispose();
    const cmp = new Comparison(this.host, this.state.theme, (client, pane, hooks) => new Controller(client, this.host, null, pane, hooks));
    this.comparison = cmp;
    this.set({ mode: 'compare', compareDialog: false, help: false });
    await cmp.start(a, b, graphs);
  }

  /** Back to the single-graph explorer (what it showed before is still there). */
  exitCompare(): void {
    this.comparison?.dispose();
    this.comparison = null;
    this.set({ mode: 'explore' });
  }

  setHelp(help: boolean): void {
    this.set({ help });
  }

  dismiss(): void {
    this.set({ failure: null, toast: null });
  }

  // ---- export
  private baseName(): string {
    const name = this.state.opened?.name ?? 'graph';
    return name.replace(/[^\w.-]+/g, '_').replace(/\.(pb|pbtxt|meta)$/i, '');
  }

  async exportPng(): Promise<void> {
    const blob = await this.canvas?.toPngBlob();
    if (blob) await this.host.save(`${this.baseName()}.png`, blob);
  }

  async exportSvg(): Promise<void> {
    const svg = await this.req({ type: 'svg', expanded: this.state.expanded });
    await this.host.save(`${this.baseName()}.svg`, new Blob([svg], { type: 'image/svg+xml' }));
  }

  /** Where the visible node named `name` is on screen, relative to the canvas (the test hook uses it). */
  boxOf(name: string): { x: number; y: number; width: number; height: number } | null {
    const s = this.state.scene;
    const i = s ? s.names.indexOf(name) : -1;
    return s && i >= 0 && this.canvas ? this.canvas.screenBoxOf(s.ids[i] as number) : null;
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
    const st = this.state;
    if (st.phase !== 'ready' || !st.opened || !st.selection) return false;
    const before = st.opened.graphs[st.graph];
    const camera = this.canvas?.getCamera() ?? null;
    const selectedName = st.details?.name ?? null;
    this.input = input;
    const token = ++this.reloadSeq;
    // Opening something else meanwhile (open() bumps the token) makes what is left of this reload moot.
    const stale = (): boolean => token !== this.reloadSeq;
    this.reloading = true;
    try {
      const opened = await this.req({ type: 'open', name: input.name, files: input.files, folder: input.folder });
      if (stale()) return true;
      // The same graph is the one from the same run, tag and source; indexes shift when runs appear.
      const same = opened.graphs.findIndex((g) => before !== undefined && g.run === before.run && g.tag === before.tag && g.source === before.source && g.step === before.step);
      const graph = same >= 0 ? same : Math.min(st.graph, Math.max(0, opened.graphs.length - 1));
      const fn = same >= 0 ? st.fn : null;
      const selection = await this.req({ type: 'select', graph, fn, options: st.options, metrics: this.labelMetrics });
      if (stale()) return true;
      this.set({ opened, selection, graph, fn, variables: null, results: null });
      await this.relayout(null);
      if (stale()) return true;
      if (camera) this.canvas?.setCamera(camera, true);
      if (selectedName) {
        const loc = await this.req({ type: 'locate', name: selectedName });
        if (loc) await this.select(loc.target);
      }
      if (this.state.query) void this.search(this.state.query);
      return true;
    } catch (err) {
      if (!stale() && !(err instanceof Cancelled)) this.set({ failure: `Could not reload ${input.name}: ${message(err)}` });
      return true;
    } finally {
      if (!stale()) this.reloading = false;
    }
  }
}
