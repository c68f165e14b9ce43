// Session state behind the session worker: the opened file or folder, the selected graph (or
// library function) analysed with the user's toggles, its layout engine, search index, variable
// report and tracer. Platform-free: the host supplies byte sources and the layout executor.
import type { Graph } from '../graph/graph';
import type { ByteSource } from '../io/byte-source';
import { loadLogdir, loadSource, type LoadOptions } from '../io/load';
import type { LoadResult } from '../io/load-result';
import { planFolder } from '../io/logdir';
import { assemble } from '../layout/assemble';
import { contentHash, LayoutCache, type LayoutStore } from '../layout/layout-cache';
import { DEFAULT_SETTINGS, LAYOUT_ENGINE_VERSION, LayoutEngine } from '../layout/layout-engine';
import { LABEL_METRICS, type TextMetrics } from '../layout/text-metrics';
import type { LayoutExecutor } from '../layout/worker-pool';
import { H_SCOPE } from '../scope/hierarchy';
import { analyzeGraph, SCOPE_ENGINE_VERSION, type ScopedHierarchy, type ScopeModel } from '../scope/scope-engine';
import { SearchIndex } from '../scope/search/search';
import { analyzeVariables, type ScopesReport, type VariableReport } from '../scope/variables/variables';
import { NameAnatomy } from '../scope/anatomy/name-anatomy';
import { opNameSection, scopeNameSection } from './name-section';
import { scopeKindCodes } from './scope-kind-codes';
import { decorateScene, hierarchyCounts, type DiffOverlay } from './diff-overlay';
import { duplicateGraphs } from './duplicate-graphs';
import { NodeMetrics } from './node-metrics';
import { embeddedNode, locationOf, nodeDetails } from './node-details';
import type { ExpansionReply, GraphEntry, Location, NodeDetails, OpenedFile, OpenSummary, SearchEntry, SearchReply, SelectSummary, TraceReply, ViewOptions } from './messages';
import type { ViewChoice, ViewReply } from './protocol';
import { previewOf, previewScene, PREVIEW_MIN_BYTES, PREVIEW_MIN_NODES, topLevelOfGraphDef } from './preview';
import { shapeScene, type DrawScene } from './draw/draw-scene';
import { buildScene, type Scene } from './scene';
import { signatureViews } from './signatures';
import { sceneEdgeLabels } from './edge-labels';
import { Tracer } from './trace';

export interface SessionHost<F> {
  source(file: OpenedFile<F>): ByteSource;
  executor: LayoutExecutor;
  /** Where background preparation runs (`Session.prepare`): the executor when absent. */
  background?: LayoutExecutor;
  store: LayoutStore | null;
  now(): number;
}

interface Current {
  readonly graph: number;
  readonly fn: number | null;
  readonly model: ScopedHierarchy;
  readonly engine: LayoutEngine;
  readonly metrics: NodeMetrics;
  readonly tracer: Tracer;
  search: SearchIndex | null;
  variables: ScopesReport | null;
  /** Name anatomy and the variable report by name, built on the first inspection. */
  names: { readonly anatomy: NameAnatomy; readonly byName: ReadonlyMap<string, VariableReport> } | null;
  expanded: Set<number>;
  /** Compare mode: this side of the diff and its counts per hierarchy node (diff-overlay.ts). */
  overlay: { readonly diff: DiffOverlay; readonly counts: Int32Array } | null;
  /** The top-level scopes' layouts were prepared (or are being prepared) in the background. */
  prepared: boolean;
}

/** Top-level scopes prepared after a graph opens at most: a tiled graph can have tens of thousands. */
export const PREPARE_MAX_SCOPES = 2000;

/** A sample of each file (size, head and tail) identifies the content without reading it all. */
async function contentKeyOf(sources: readonly ByteSource[]): Promise<string> {
  const parts: Uint8Array[] = [];
  for (const s of sources) {
    parts.push(new TextEncoder().encode(`${s.name}\u0000${s.size}\u0000`));
    parts.push(await s.read(0, 65536));
    if (s.size > 65536) parts.push(await s.read(Math.max(65536, s.size - 65536), 65536));
  }
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return contentHash(all);
}

/** What a view reports while it runs (Session.view). */
export interface ViewHooks {
  readonly load: LoadOptions;
  /** A first frame of a large graph: its top level read off the names, before or after decoding. */
  readonly onPreview?: (scene: DrawScene) => void;
  /** The input is read; the answer says what to show (the page keys its saved views by contentKey). */
  readonly onOpened: (summary: OpenSummary) => Promise<ViewChoice | null>;
  readonly onStage: (stage: string) => void;
}

export class Session<F> {
  private loaded: LoadResult | null = null;
  private contentKey = '';
  private current: Current | null = null;
  /**
   * The last graph analysed, with its toggles: choosing one of its library functions reuses it, since
   * the analysis already built every function's hierarchy. Choosing the graph itself analyses it
   * again: a new selection is a new model, which is how compare mode knows that a pane changed.
   */
  private analysed: { readonly graph: number; readonly options: string; readonly model: ScopeModel } | null = null;

  constructor(private readonly host: SessionHost<F>) {}

  /**
   * Opens a file or folder. `onPreview` receives a first frame of a large graph (its top level read
   * off the GraphDef's name fields) before that graph is decoded, so the UI can draw at once.
   */
  async open(name: string, files: readonly OpenedFile<F>[], folder: boolean, loadOptions: LoadOptions, onPreview?: (scene: DrawScene) => void): Promise<OpenSummary> {
    const t0 = this.host.now();
    // The graph shown so far stays usable (inspect, layout) until the new selection replaces it:
    // a live reload of a large log runs while the user keeps working. Its background preparation
    // stops (the load needs the cores) and resumes with its next layout if it stays shown.
    if (this.current) {
      this.current.engine.stopPreparing();
      this.current.prepared = false;
    }
    let previewed = false;
    const options: LoadOptions = !onPreview ? loadOptions : {
      ...loadOptions,
      onGraphBytes: (buf, start, end) => {
        if (previewed || end - start < PREVIEW_MIN_BYTES) return;
        // Best effort: a preview that fails must not fail the load it only decorates.
        try {
          const top = topLevelOfGraphDef(buf, start, end);
          if (top && top.nodes >= PREVIEW_MIN_NODES) {
            previewed = true;
            onPreview(shapeScene(previewOf(top.groups, () => this.host.now())));
          }
        } catch {
          previewed = true;
        }
      },
    };
    let result: LoadResult;
    const byPath = new Map(files.map((f) => [f.path, f]));
    if (!folder && files.length === 1) {
      const only = files[0] as OpenedFile<F>;
      const src = this.host.source(only);
      this.contentKey = await contentKeyOf([src]);
      result = await loadSource(src, options);
    } else {
      const plan = planFolder(files.map((f) => f.path));
      if (plan.kind === 'savedmodel') {
        const src = this.host.source(byPath.get(plan.file) as OpenedFile<F>);
        this.contentKey = await contentKeyOf([src]);
        result = await loadSource(src, options);
      } else {
        const runs = plan.runs.map((r) => ({ run: r.run, sources: r.files.map((p) => this.host.source(byPath.get(p) as OpenedFile<F>)) }));
        this.contentKey = await contentKeyOf(runs.flatMap((r) => r.sources));
        result = await loadLogdir(runs, name, options);
      }
    }
    this.loaded = result;
    this.analysed = null;
    const same = duplicateGraphs(result.graphs);
    const graphs: GraphEntry[] = result.graphs.map((g, index) => ({
      index, source: g.source, run: g.run, tag: g.tag, step: g.step, file: g.file, nodes: g.graph.nodeCount,
      functions: g.graph.functions.map((f, i) => ({ index: i, name: f.name, nodes: f.graph.nodeCount })),
      sameAs: same[index] ?? null,
      signatures: signatureViews(g.meta, g.graph),
    }));
    return { name, format: result.format, graphs, warnings: result.warnings, error: result.error, contentKey: this.contentKey, ms: this.host.now() - t0 };
  }

  /** Opens an input and shows what the answer to `onOpened` chooses: one request for one view. */
  async view(name: string, files: readonly OpenedFile<F>[], folder: boolean, view: { readonly options: ViewOptions; readonly metrics: TextMetrics; readonly xla: boolean; readonly kinds: boolean; readonly labels: boolean },
    hooks: ViewHooks): Promise<ViewReply> {
    let previewed = false;
    const onPreview = hooks.onPreview && ((scene: DrawScene): void => {
      previewed = true;
      hooks.onPreview?.(scene);
    });
    const opened = await this.open(name, files, folder, hooks.load, onPreview);
    const choice = await hooks.onOpened(opened);
    if (!choice) return { opened, selection: null, scene: null };
    const entry = opened.graphs[choice.graph];
    // A graph the load did not preview (a text file, a small file of many nodes) gets its first frame now.
    if (onPreview && !previewed && choice.fn === null && entry && entry.nodes >= PREVIEW_MIN_NODES) onPreview(this.preview(choice.graph));
    const selection = this.select(choice.graph, choice.fn, view.options, hooks.onStage, view.metrics);
    hooks.onStage('Laying out');
    const scene = await this.layout(choice.expanded, view.xla, undefined, view.kinds, view.labels);
    return { opened, selection, scene };
  }

  /** The top level read off the names, for a first frame while `select` runs (preview.ts). */
  preview(graph: number): DrawScene {
    const loaded = this.loaded?.graphs[graph];
    if (!loaded) throw new Error(`no graph ${graph} in this file`);
    return shapeScene(previewScene(loaded.graph, () => this.host.now()));
  }

  select(graph: number, fn: number | null, options: ViewOptions, onStage: (stage: string) => void, labelMetrics: TextMetrics = LABEL_METRICS): SelectSummary {
    const t0 = this.host.now();
    const loaded = this.loaded?.graphs[graph];
    if (!loaded) throw new Error(`no graph ${graph} in this file`);
    const full = this.analyse(graph, fn !== null, loaded.graph, options, onStage);
    let model: ScopedHierarchy = full;
    if (fn !== null) {
      const f = full.library[fn];
      if (!f) throw new Error(`no library function ${fn} in graph ${graph}`);
      model = f;
    }
    const namespace = `v${SCOPE_ENGINE_VERSION}.${LAYOUT_ENGINE_VERSION}/${this.contentKey}/${graph}/${fn ?? '-'}/${options.series ? 1 : 0}${options.extraction ? 1 : 0}${options.mergeReentry ? 1 : 0}`;
    const cache = new LayoutCache(16000, this.host.store, namespace);
    const engine = new LayoutEngine(model, this.host.executor, { ...DEFAULT_SETTINGS, metrics: labelMetrics }, cache, () => this.host.now());
    const stats = (this.loaded?.stepStats ?? []).filter((s) => s.file === loaded.file);
    const metrics = new NodeMetrics(model.hierarchy, fn === null ? stats : []);
    this.current?.engine.stopPreparing();
    this.current = { graph, fn, model, engine, metrics, tracer: new Tracer(model), search: null, variables: null, names: null, expanded: new Set(), overlay: null, prepared: false };
    const h = model.hierarchy;
    let scopes = 0;
    for (let x = 0; x < h.count; x++) if (h.kind[x] === H_SCOPE && x !== h.root) scopes++;
    return { graph, fn, nodes: h.graph.nodeCount, scopes, root: h.root, hasRunMetadata: metrics.compute !== null, ms: this.host.now() - t0 };
  }

  private analyse(graph: number, forFunction: boolean, def: Graph, options: ViewOptions, onStage: (stage: string) => void): ScopeModel {
    const key = `${options.series ? 1 : 0}${options.extraction ? 1 : 0}${options.mergeReentry ? 1 : 0}`;
    if (forFunction && this.analysed?.graph === graph && this.analysed.options === key) return this.analysed.model;
    onStage('Building the scope hierarchy');
    const engineOptions = { seriesGrouping: options.series, extraction: options.extraction, mergeReentrySiblings: options.mergeReentry };
    const model = analyzeGraph(def, engineOptions);
    this.analysed = { graph, options: key, model };
    return model;
  }

  private need(): Current {
    if (!this.current) throw new Error('no graph is selected');
    return this.current;
  }

  /** Expanded scope names → ids; names that do not exist (a state saved for another graph) are skipped. */
  private expandedIds(names: readonly string[]): Set<number> {
    const cur = this.need();
    const h = cur.model.hierarchy;
    const out = new Set<number>();
    for (const n of names) {
      const id = h.find(n);
      if (id >= 0 && h.kind[id] === H_SCOPE) out.add(id);
    }
    return out;
  }

  /** `onProgress`: open scopes finished out of all of them (an expansion of thousands takes a while). */
  async layout(expanded: readonly string[], xla: boolean, onProgress?: (done: number, total: number) => void, kinds = false, labels = false): Promise<DrawScene> {
    const cur = this.need();
    const ids = this.expandedIds(expanded);
    const visible = await cur.engine.layout(ids, onProgress);
    cur.expanded = ids;
    const placed = assemble(cur.model, visible);
    const h = cur.model.hierarchy;
    const notices = visible.notices.map((n) => `${h.name(n.scope) || 'top level'}: ${n.message}`);
    const built = buildScene(cur.model, placed, xla ? cur.metrics.withXla() : cur.metrics, notices, cur.engine.settings.metrics);
    const scene: Scene = { ...built, layoutStats: { open: visible.layouts.size, laidOut: visible.laidOut, ms: visible.ms }, ...(kinds ? { scopeKinds: scopeKindCodes(this.names(cur).anatomy, built) } : {}),
      ...(labels ? { edgeLabels: sceneEdgeLabels(cur.model, visible, placed, ids) } : {}) };
    return shapeScene(cur.overlay ? decorateScene(scene, h, cur.overlay.diff, cur.overlay.counts) : scene);
  }

  /**
   * Lays out the selected graph's top-level scopes, each open on its own, in the background (once
   * per selection; the largest first, at most `limit`), yielding to layout requests: opening one of
   * them, or View → Expand the top level, then lays out only the root. Resolves when done, stopped
   * (another selection) or already done; `onProgress` hears of each scope.
   */
  async prepare(onProgress?: (done: number, total: number) => void, limit = PREPARE_MAX_SCOPES): Promise<void> {
    const cur = this.current;
    if (!cur || cur.prepared) return;
    cur.prepared = true;
    const h = cur.model.hierarchy;
    const size = (x: number): number => h.children(x).length;
    const top = Array.from(h.children(h.root)).filter((c) => h.kind[c] === H_SCOPE).sort((a, b) => size(b) - size(a) || a - b);
    const scopes = top.slice(0, limit);
    onProgress?.(0, scopes.length);
    await cur.engine.prepare(scopes, this.host.background ?? this.host.executor, onProgress);
  }

  /**
   * Every scope at depth 1..`depth` (top-level scopes are depth 1; null: all), shallowest first, so
   * that the UI can open the first levels before the rest.
   */
  expansion(depth: number | null): ExpansionReply {
    const h = this.need().model.hierarchy;
    const byDepth: number[][] = [];
    for (let x = 0; x < h.count; x++) {
      const d = h.depth[x] as number;
      if (x === h.root || h.kind[x] !== H_SCOPE || (depth !== null && d > depth)) continue;
      (byDepth[d - 1] ??= []).push(x);
    }
    const names: string[] = [];
    const levelEnds: number[] = [];
    for (let d = 0; d < byDepth.length; d++) {
      for (const x of byDepth[d] ?? []) names.push(h.name(x));
      levelEnds.push(names.length);
    }
    return { names, levelEnds };
  }

  /** The selected graph and its hierarchy (compare mode diffs it against the other pane's). */
  selected(): ScopedHierarchy | null {
    return this.current?.model ?? null;
  }

  /** Compare mode: scenes laid out from now on carry this side of a diff (null: none). */
  setOverlay(diff: DiffOverlay | null): void {
    const cur = this.need();
    if (diff && diff.status.length !== cur.model.hierarchy.graph.nodeCount) throw new Error('the diff is not of the selected graph');
    cur.overlay = diff ? { diff, counts: hierarchyCounts(cur.model.hierarchy, diff.status) } : null;
  }

  search(query: string, limit = 200): SearchReply {
    const cur = this.need();
    const t0 = this.host.now();
    const h = cur.model.hierarchy;
    cur.search ??= SearchIndex.build(h.graph, h);
    const r = cur.search.query(query, limit);
    const entries = r.hits.map((hit): SearchEntry => {
      const node = hit.scope ?? h.holder(hit.node);
      const loc = hit.scope !== undefined ? locationOf(cur.model, node) : locationOf(cur.model, node, embeddedNode(h, hit.node));
      return { node, name: hit.name, op: hit.scope !== undefined ? null : hit.op, scopePath: hit.scopePath, field: hit.field, ...loc, expandIds: loc.expand.map((n) => h.find(n)) };
    });
    return { entries, total: r.total, truncated: r.truncated, error: r.error, ms: this.host.now() - t0 };
  }

  /** Where the graph node or scope named `name` is drawn, or null when the graph has neither. */
  locate(name: string): Location | null {
    const cur = this.need();
    const h = cur.model.hierarchy;
    const i = h.graph.indexOf(name);
    if (i >= 0) return locationOf(cur.model, h.holder(i), embeddedNode(h, i));
    const x = h.find(name);
    return x > 0 ? locationOf(cur.model, x) : null;
  }

  /** The inspector's details of hierarchy node `node`, or of the embedded graph node drawn inside it. */
  inspect(node: number, embedded?: number): NodeDetails {
    const cur = this.need();
    const details = nodeDetails(cur.model, node, embedded);
    if (details.kind === 'series') return details;
    const names = this.names(cur);
    const h = cur.model.hierarchy;
    const nameSection = details.kind === 'scope'
      ? scopeNameSection(names.anatomy, details.name)
      : opNameSection(names.anatomy, embedded ?? (h.opNode[node] as number), names.byName);
    return { ...details, nameSection };
  }

  private names(cur: Current): NonNullable<Current['names']> {
    cur.names ??= { anatomy: new NameAnatomy(cur.model.hierarchy.graph), byName: new Map(this.variables().variables.map((v) => [v.name, v])) };
    return cur.names;
  }

  trace(node: number, direction: 'inputs' | 'outputs'): TraceReply {
    const cur = this.need();
    return cur.tracer.visible(node, direction, cur.expanded);
  }

  variables(): ScopesReport {
    const cur = this.need();
    cur.variables ??= analyzeVariables(cur.model.hierarchy.graph);
    return cur.variables;
  }
}
