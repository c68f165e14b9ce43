// One graph view's state and actions, outside React: loading an input into it, choosing a graph,
// laying out, expanding and collapsing scopes, selection, search, tracing and colouring. The
// explorer owns one (explorer.ts); compare mode owns two, addressing panes 0 and 1 of one worker.
// React components subscribe to it and call its actions.
import type { LabelMetrics, OpenSummary, Pane, ViewChoice, ViewOptions } from '../../core/pipeline/protocol';
import { PREVIEW_MIN_NODES } from '../../core/pipeline/preview';
import { slotOf, type DrawScene } from '../../core/pipeline/draw/draw-scene';
import type { ColourMode } from '../../core/pipeline/scene';
import type { Camera, GraphCanvas } from '../canvas/graph-canvas';
import type { ThemeName } from '../canvas/palette';
import { measureLabelMetrics } from '../canvas/measure-text';
import type { Host, OpenedInput } from '../host/host';
import { INITIAL_STATE, SEARCH_PAGE, type AppState, type PaneHooks, type PaneOptions, type Panel, type SavedViews, type ViewState } from './app-state';
import { Expansion } from './expansion';
import { openingCamera } from './opening-camera';
import { Cancelled, type Body, type ProgressCallback, type ReplyTo, type SessionClient } from './session-client';
import { Store } from './store';

export type { AppState, PaneHooks, PaneOptions, Panel, ProgressState, SavedViews } from './app-state';

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

const EDGE_LABELS_KEY = 'view:edge-labels';

export class PaneController extends Store<AppState> {
  private canvas: GraphCanvas | null = null;
  private loadingId = -1;
  private layoutSeq = 0;
  private searchSeq = 0;
  readonly pane: Pane;
  private readonly hooks: PaneHooks;
  private readonly views: SavedViews | null;
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

  /** The camera of a canvas that was unmounted, for the next one. */
  private detachedCamera: Camera | null = null;

  constructor(private client: SessionClient, readonly host: Host, options: PaneOptions = {}) {
    super({ ...INITIAL_STATE, edgeLabels: host.loadState(EDGE_LABELS_KEY) === true });
    this.pane = options.pane ?? 0;
    this.hooks = options.hooks ?? {};
    this.views = options.views ?? null;
  }

  private req<B extends Body>(body: B, progress?: ProgressCallback): Promise<ReplyTo<B>> {
    return this.client.request(body, progress, this.pane);
  }

  /** A replaced worker (the explorer's cancel): what was asked of the old one is dropped. */
  useClient(client: SessionClient): void {
    this.client = client;
    this.loadingId = -1;
    this.layoutSeq++;
  }

  /** The explorer keeps its own fields (recent items, mode, dialogs) in its pane's state, so that React reads one store. */
  update(patch: Partial<AppState>): void {
    this.set(patch);
  }

  /** Back to nothing shown, keeping the settings (theme, colour mode) and the recent items. */
  reset(patch: Partial<AppState> = {}): void {
    this.set({ ...INITIAL_STATE, theme: this.state.theme, colourMode: this.state.colourMode, recent: this.state.recent, ...patch });
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

  // ---- opening
  /**
   * Opens a file or folder in this pane and shows `graph` (default: the first that is not run
   * metadata). The summary, or null when a newer open superseded this one or it failed.
   */
  async open(input: OpenedInput, graph: number | null = null): Promise<OpenSummary | null> {
    this.flushView(); // under the key of what was shown, before this open changes it
    this.set({ phase: 'loading', progress: { stage: `Reading ${input.name}`, done: 0, total: 0 }, opened: null, selection: null, scene: null, details: null,
      selected: -1, results: null, traced: null, variables: null, failure: null, query: '' });
    this.canvas?.clear();
    let openId = -1;
    let opened: OpenSummary | null = null;
    let camera: Camera | null = null;
    // Answered as soon as the worker has read the input: the saved view is keyed by its content.
    const choose = (summary: OpenSummary): ViewChoice | null => {
      if (this.loadingId !== openId) return null;
      opened = summary;
      this.set({ opened: summary });
      if (summary.graphs.length === 0) return null;
      const first = summary.graphs.findIndex((g) => g.source !== 'run_metadata');
      const shown = graph !== null && graph < summary.graphs.length ? graph : first < 0 ? 0 : first;
      this.set({ graph: shown, fn: null, progress: { stage: 'Building the scope hierarchy', done: 0, total: 0 } });
      const key = this.viewKey();
      const saved = key && this.views ? this.views.load(key) : null;
      camera = saved?.camera ?? null;
      this.set({ expanded: saved?.expanded ?? [] });
      // After the answer is posted: the worker builds the scene meanwhile.
      setTimeout(() => this.canvas?.warmUp(), 0);
      return { graph: shown, fn: null, expanded: this.state.expanded };
    };
    const { id, result } = this.client.start({ type: 'view', name: input.name, files: input.files, folder: input.folder, preview: true, ...this.viewOf() },
      (stage, done, total) => this.set({ progress: { stage, done, total } }), this.pane, { scene: (scene) => this.showPreview(scene, openId), opened: choose });
    openId = id;
    this.loadingId = id;
    try {
      const view = await result;
      if (this.loadingId !== id) return null;
      this.loadingId = -1;
      if (!view.selection || !view.scene) {
        this.set({ phase: 'ready', progress: null });
        return view.opened;
      }
      this.set({ selection: view.selection });
      this.show(view.scene, null, view.scene.layoutStats?.ms ?? 0);
      if (camera) this.canvas?.setCamera(camera, true);
      else this.openingView();
      this.markFrame('scopeview:complete', this.preparer());
      this.set({ phase: 'ready', progress: null });
      return view.opened;
    } catch (err) {
      if (this.loadingId !== id) return null;
      this.loadingId = -1;
      if (opened && !(err instanceof Cancelled)) {
        this.set({ phase: 'ready', progress: null, selection: null, failure: `Could not show this graph: ${message(err)}` });
        return opened;
      }
      this.set({ phase: this.state.opened ? 'ready' : 'start', progress: null, failure: err instanceof Cancelled ? null : `Could not open ${input.name}: ${message(err)}`,
        toast: err instanceof Cancelled ? 'Loading cancelled' : null });
      return null;
    }
  }

  /** What a layout request needs besides the expanded scopes: the toggles that change the scene. */
  private viewOf(): { options: ViewOptions; metrics: LabelMetrics; xla: boolean; kinds: boolean; labels: boolean } {
    const st = this.state;
    return { options: st.options, metrics: this.labelMetrics, xla: st.colourMode === 'xla', kinds: st.colourMode === 'kind', labels: st.edgeLabels };
  }

  /**
   * Cancels "Expand all" while it runs: the scopes open before come back. False when no expansion
   * was running (the explorer then cancels the load).
   */
  cancelExpansion(): boolean {
    const before = this.state.phase === 'ready' ? this.expansion.cancel() : null;
    if (!before) return false;
    // A layout is superseded by the next request: laying out what was open before (cached) drops it.
    this.set({ expanded: before, toast: 'Expansion cancelled' });
    void this.relayout(null);
    return true;
  }

  private viewKey(): string | null {
    const o = this.state.opened;
    return o ? `${o.contentKey}/${this.state.graph}/${this.state.fn ?? '-'}` : null;
  }

  async selectGraph(graph: number, fn: number | null, options: ViewOptions = this.state.options): Promise<void> {
    this.flushView();
    this.set({ phase: 'loading', graph, fn, options, progress: { stage: 'Building the scope hierarchy', done: 0, total: 0 }, details: null, selected: -1, results: null, traced: null, variables: null });
    try {
      const entry = this.state.opened?.graphs[graph];
      if (fn === null && !this.state.scene && entry && entry.nodes >= PREVIEW_MIN_NODES) this.showPreview(await this.req({ type: 'preview', graph }));
      const selection = await this.req({ type: 'select', graph, fn, options, metrics: this.labelMetrics }, (stage) => this.set({ progress: { stage, done: 0, total: 0 } }));
      const key = this.viewKey();
      const saved = key && this.views ? this.views.load(key) : null;
      this.set({ selection, expanded: saved?.expanded ?? [], progress: { stage: 'Laying out', done: 0, total: 0 } });
      // Cancelled while laid out (back on the start screen): nothing left to show.
      if (!(await this.relayout(null)) && this.state.phase !== 'loading') return;
      if (saved?.camera) this.canvas?.setCamera(saved.camera, true);
      else this.openingView();
      this.markFrame('scopeview:complete', this.preparer());
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

  /**
   * Marks the frame after next, which has drawn what was just set (bench/ui.bench.ts reads the
   * marks), then runs `then`.
   */
  private markFrame(name: string, then?: () => void): void {
    requestAnimationFrame(() => requestAnimationFrame(() => {
      if (performance.getEntriesByName('scopeview:first-frame').length === 0) performance.mark('scopeview:first-frame');
      performance.mark(name);
      then?.();
    }));
  }

  /**
   * Once the graph selected now is drawn, its top-level scopes are laid out in the background
   * (Session.prepare), unless another selection was asked for meanwhile (requests reach the worker
   * in order, so it then prepares the graph it shows).
   */
  private preparer(): () => void {
    const selection = this.client.selectionOf(this.pane);
    return () => {
      if (this.client.selectionOf(this.pane) === selection) void this.client.request({ type: 'prepare', selection }, undefined, this.pane).catch(() => undefined);
    };
  }

  /**
   * A first look at a large graph while it loads (sent by the worker before decoding) or while the
   * scope engine runs: its top level read off the names. `openId`: only for that open, if still current.
   */
  private showPreview(scene: DrawScene, openId = this.loadingId): void {
    if (openId !== this.loadingId || (this.state.scene && !this.state.scene.preview)) return;
    this.set({ scene, progress: this.state.progress && { ...this.state.progress, stage: `${this.state.progress.stage} (a first look at ${scene.nodeCount.toLocaleString()} top-level groups)` } });
    this.canvas?.setScene(scene);
    this.openingView();
    this.markFrame('scopeview:preview');
  }

  setOptions(patch: Partial<ViewOptions>): void {
    void this.selectGraph(this.state.graph, this.state.fn, { ...this.state.options, ...patch });
  }

  /**
   * Live reload: reads `input` again in one view request and shows the graph `pick` matches in what
   * was read, with the same expanded scopes, without passing through the loading screen. False
   * when `stale` (a newer open made it moot) said so.
   */
  async reload(input: OpenedInput, pick: (opened: OpenSummary) => { graph: number; fn: number | null }, stale: () => boolean): Promise<boolean> {
    let chosen: { graph: number; fn: number | null } | null = null;
    const { result } = this.client.start({ type: 'view', name: input.name, files: input.files, folder: input.folder, preview: false, ...this.viewOf() }, undefined, this.pane, {
      opened: (summary) => {
        if (stale()) return null;
        chosen = pick(summary);
        return { ...chosen, expanded: this.state.expanded };
      },
    });
    const view = await result;
    if (stale() || !chosen || !view.selection || !view.scene) return false;
    const { graph, fn } = chosen;
    this.set({ opened: view.opened, selection: view.selection, graph, fn, variables: null, results: null });
    this.show(view.scene, null, view.scene.layoutStats?.ms ?? 0);
    return true;
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
      const scene = await this.req({ type: 'layout', expanded: this.state.expanded, xla: this.state.colourMode === 'xla', kinds: this.state.colourMode === 'kind', labels: this.state.edgeLabels }, progress ? onProgress : undefined);
      if (seq !== this.layoutSeq) return false;
      this.show(scene, anchor, performance.now() - t0);
      return true;
    } catch (err) {
      if (seq !== this.layoutSeq || err instanceof Cancelled) return false;
      this.set({ layoutBusy: false, failure: `Layout failed: ${message(err)}` });
      return false;
    }
  }

  /** Shows a laid-out scene; a layout still in flight for an older expansion is dropped. */
  private show(scene: DrawScene, anchor: number | null, layoutMs: number): void {
    this.layoutSeq++;
    this.set({ scene, layoutBusy: false, traced: null, layoutMs });
    this.canvas?.setScene(scene, anchor !== null ? { anchorId: anchor } : undefined);
    this.persistView();
  }

  toggle(id: number): void {
    const scene = this.state.scene;
    if (!scene || scene.preview) return;
    const slot = slotOf(scene, id);
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

  /** The canvas this pane draws on (compare mode moves the panes' cameras together; exports read it). */
  get graphCanvas(): GraphCanvas | null {
    return this.canvas;
  }

  private persistView(): void {
    if (!this.viewKey() || !this.views) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.flushView(), 300);
  }

  /** Saves the view now if a change still waits for its debounce (also when the page goes away, so a reload keeps it). */
  flushView(): void {
    if (!this.saveTimer) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = null;
    const key = this.viewKey();
    if (!key || !this.views) return;
    const state: ViewState = { expanded: this.state.expanded, camera: this.canvas?.getCamera() ?? null };
    this.views.save(key, state);
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

  async revealByName(name: string, keepPanel = false): Promise<void> {
    const loc = await this.req({ type: 'locate', name });
    if (loc) await this.reveal(loc.target, loc.expand, loc.embedded, keepPanel);
    else this.set({ toast: `${name} is not in this graph` });
  }

  /** Selects the node named `name` again after a reload, if the graph still has it (no panel change, no camera move). */
  async reselect(name: string): Promise<void> {
    const loc = await this.req({ type: 'locate', name });
    if (loc) await this.select(loc.target);
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

  /** Tensor shapes on edges: the session labels edges only while this is on (edge-labels.ts). */
  setEdgeLabels(edgeLabels: boolean): void {
    this.set({ edgeLabels });
    this.host.saveState(EDGE_LABELS_KEY, edgeLabels);
    if (this.state.scene && !this.state.scene.preview) void this.relayout(null);
  }

  setTheme(theme: ThemeName): void {
    this.set({ theme });
  }

  dismiss(): void {
    this.set({ failure: null, toast: null });
  }

  /** Where the visible node named `name` is on screen, relative to the canvas (the test hook uses it). */
  boxOf(name: string): { x: number; y: number; width: number; height: number } | null {
    const s = this.state.scene;
    const i = s ? s.names.indexOf(name) : -1;
    return s && i >= 0 && this.canvas ? this.canvas.screenBoxOf(s.ids[i] as number) : null;
  }
}
