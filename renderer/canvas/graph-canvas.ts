// The WebGL graph canvas: a deck.gl Deck with one orthographic view (flipY, so world y grows
// downward like the scene) that draws a DrawScene, owns the camera, picks nodes for hover, click and
// double-click, cross-fades between scenes on expand/collapse, and exports PNGs. Plain TypeScript;
// the React app drives it through this API and the callbacks.
import { Deck, OrthographicView, type Layer, type PickingInfo } from '@deck.gl/core';
import type { DrawScene } from '../../core/pipeline/draw/draw-scene';
import { SHAPE_SCOPE, SHAPE_SCOPE_OPEN, SHAPE_SERIES, type ColourMode } from '../../core/pipeline/scene';
import {
  anchorCamera, centreCamera, clampZoom, fitCamera, MAX_ZOOM, panCamera, screenRect, viewRect, type Camera, type Rect,
} from './camera';
import { edgeLayers } from './edge-layers';
import { labelLayers } from './label-layers';
import { WarmUp } from './warm-layers';
import { nodeLayers, ringLayers, translation, type LayerFrame } from './node-layers';
import { NO_HIGHLIGHT, type CanvasStyle, type Highlight } from './node-style';
import { cssColour, THEMES, type ThemeName } from './palette';
import { SceneModel } from './scene-model';
import { isSoftwareRenderer, webglRenderer } from './gpu-info';
import { DetailBudget } from './visibility';

export type { Camera, Rect } from './camera';
export type { CanvasStyle, Highlight } from './node-style';

export interface CanvasCallbacks {
  /** The node under the pointer (-1: none) and the pointer position in canvas CSS px. */
  onHover(id: number, screen: { x: number; y: number } | null): void;
  /** Click on a node, or -1 on empty space; never fired for the release of a drag. */
  onSelect(id: number): void;
  /** Double-click on a scope (open or closed) or a series: expand or collapse it. */
  onToggle(id: number): void;
  onCamera?(c: Camera): void;
  /** CPU time deck.gl spent drawing a frame, ms. */
  onFrame?(ms: number): void;
}

const FADE_MS = 250;

let scenesGiven = 0;
/**
 * Scenes handed to any canvas since the page loaded: each opening, relayout, expansion step and
 * collapse adds one. It only grows, so a test reads it before starting work and waits for it to pass.
 */
export const scenesShown = (): number => scenesGiven;
/**
 * Software rasterisers while the camera moves: drawing-buffer pixels per CSS pixel, and labels
 * drawn, those on screen first (the selection covers twice the view each way). 250 covers every
 * label on screen in the benchmark's views (docs/PERFORMANCE.md).
 */
const MOTION_PIXEL_RATIO = 0.5;
const MOTION_LABELS = 250;
/** Stillness after which full detail comes back. */
const IDLE_MS = 250;
/** Pointer travel (CSS px) after which a press is a drag, not a click. */
const CLICK_SLOP = 4;
const TOGGLES = new Set<number>([SHAPE_SCOPE_OPEN, SHAPE_SCOPE, SHAPE_SERIES]);

const ease = (t: number): number => t * t * (3 - 2 * t);

export class GraphCanvas {
  private readonly deck: Deck<OrthographicView>;
  private camera: Camera = { x: 0, y: 0, zoom: 0 };
  private minZoom = -16;
  private model: SceneModel | null = null;
  /** The previous scene while it fades out, translated to line up with the new one. */
  private fading: { model: SceneModel; matrix: Float32Array } | null = null;
  private readonly warm = new WarmUp(() => this.redrawLayers());
  private fadeT = 1;
  private fadeRaf = 0;
  private labelRaf = 0;
  private gen = 0;
  private style: CanvasStyle = { theme: 'light', colourMode: 'structure' };
  private highlight: Highlight = NO_HIGHLIGHT;
  private downAt: { x: number; y: number } | null = null;
  private dragged = false;
  private renderStart = 0;
  private readonly budget = new DetailBudget();
  /** The camera moved since the last drawn frame; when the previous moving frame was drawn. */
  private moving = false;
  private lastMovingFrame = 0;
  /** Fires once the camera has been still for a moment: full detail is drawn again then. */
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  /** fit() ran before the canvas had a size: fit again once it has one. */
  private fitPending = false;
  private readonly listeners: [string, EventListener][] = [];
  /** deck.gl's parent: a div filling the container. */
  private readonly host: HTMLDivElement;
  /** WebGL is a CPU rasteriser here (gpu-info.ts): motion is drawn with less detail. */
  private readonly software = isSoftwareRenderer(webglRenderer());
  private readonly pixelRatio = Math.min(2, globalThis.devicePixelRatio || 1);
  /** The drawing buffer is at MOTION_PIXEL_RATIO (software rasteriser, camera moving). */
  private lowRes = false;
  private lastSize = '';

  constructor(private readonly container: HTMLElement, private readonly callbacks: CanvasCallbacks) {
    this.host = document.createElement('div');
    // One pixel until there is something to draw (unfold()): sizing the drawing buffer to the
    // window takes a third of a second on a CPU rasteriser, which the page pays later, while the
    // worker works, instead of while the worker waits for its answer.
    this.host.style.cssText = 'position:relative;width:1px;height:1px;overflow:hidden';
    container.appendChild(this.host);
    this.deck = new Deck<OrthographicView>({
      parent: this.host,
      views: this.view('light'),
      controller: { doubleClickZoom: false, keyboard: false, inertia: 250, scrollZoom: { speed: 0.01, smooth: false } },
      viewState: this.viewState(),
      onViewStateChange: ({ viewState }) => {
        const vs = viewState as { target?: number[]; zoom?: number | number[] };
        const zoom = Array.isArray(vs.zoom) ? (vs.zoom[0] ?? 0) : (vs.zoom ?? 0);
        this.applyCamera({ x: vs.target?.[0] ?? 0, y: vs.target?.[1] ?? 0, zoom });
      },
      // Sharp on HiDPI screens, but capped at 2×: 3× triples the fill cost for little gain.
      useDevicePixels: this.pixelRatio,
      // preserveDrawingBuffer: PNG export and test screenshots read the canvas after compositing.
      // MSAA is off on software rasterisers, where resolving it costs a third of each frame; boxes
      // and text antialias in their shaders anyway.
      deviceProps: { type: 'webgl', webgl: { preserveDrawingBuffer: true, antialias: !this.software } },
      pickingRadius: 2,
      onHover: (info) => this.handleHover(info),
      onBeforeRender: () => {
        this.renderStart = performance.now();
      },
      onAfterRender: () => this.afterRender(),
      onResize: ({ width, height }) => {
        // A change of pixel ratio alone (motion detail) is no resize of the view.
        const size = `${width}x${height}`;
        if (size === this.lastSize) return;
        this.lastSize = size;
        this.model?.invalidateWindows();
        if (this.fitPending) this.fit();
        else this.applyCamera(this.camera, false);
      },
      getCursor: ({ isDragging, isHovering }) => (isDragging ? 'grabbing' : isHovering ? 'pointer' : 'default'),
    });
    this.listen('pointerdown', (e) => {
      const p = e as PointerEvent;
      // Only presses on the canvas itself (not on UI the app may lay over the container).
      if (!this.host.contains(p.target as Node)) return;
      this.downAt = { x: p.clientX, y: p.clientY };
      this.dragged = false;
    });
    this.listen('pointermove', (e) => {
      const p = e as PointerEvent;
      if (this.downAt && Math.hypot(p.clientX - this.downAt.x, p.clientY - this.downAt.y) > CLICK_SLOP) this.dragged = true;
    });
    // Clicks are recognised here rather than by deck.gl's tap recogniser, which drops a click whose
    // release is handled more than 250 ms after the press (a slow frame on a software rasteriser).
    this.listen('pointerup', (e) => {
      const p = e as PointerEvent;
      const pressed = this.downAt !== null;
      this.downAt = null;
      if (pressed && !this.dragged && p.button === 0) this.callbacks.onSelect(this.pickAt(p));
    });
    this.listen('dblclick', (e) => this.handleDoubleClick(e as MouseEvent));
    container.style.background = cssColour(THEMES.light.background);
  }

  setScene(scene: DrawScene, transition?: { anchorId: number }): void {
    scenesGiven++;
    this.unfold();
    const old = this.model;
    const model = new SceneModel(scene, ++this.gen);
    model.restyleNodes(this.style, this.highlight);
    model.restyleEdges(this.style, this.highlight);
    this.model = model;
    this.budget.resetCeiling();
    this.minZoom = fitCamera(model.bounds, ...this.viewSize()).zoom - 2;
    if (!old) {
      this.fit();
      return;
    }
    this.fading = null;
    if (transition) {
      const before = old.slotOf(transition.anchorId);
      const after = model.slotOf(transition.anchorId);
      let dx = 0;
      let dy = 0;
      if (before >= 0 && after >= 0) {
        const a = old.box(before);
        const b = model.box(after);
        dx = b.x - a.x;
        dy = b.y - a.y;
        this.camera = anchorCamera(this.camera, [a.x, a.y], [b.x, b.y]);
      }
      if (!matchMedia('(prefers-reduced-motion: reduce)').matches) {
        this.fading = { model: old, matrix: translation(dx, dy) };
        this.startFade();
      }
    }
    this.applyCamera(this.camera, false);
    this.updateLabelsNow();
  }

  /**
   * Links the canvas's shader programs now, while the page waits for the worker, instead of in the
   * first frame of the graph it will send (warm-layers.ts). Once per canvas.
   */
  warmUp(): void {
    this.unfold();
    this.warm.start();
  }

  /** Draws nothing until the next scene (a new file is opening: the old graph must not stay under its name). */
  clear(): void {
    this.model = null;
    this.fading = null;
    this.redrawLayers();
  }

  setStyle(style: { theme: ThemeName; colourMode: ColourMode }): void {
    if (style.theme === this.style.theme && style.colourMode === this.style.colourMode) return;
    const themeChanged = style.theme !== this.style.theme;
    this.style = { ...style };
    if (themeChanged) {
      this.deck.setProps({ views: this.view(style.theme) });
      this.container.style.background = cssColour(THEMES[style.theme].background);
    }
    if (this.model) {
      this.model.restyleNodes(this.style, this.highlight);
      if (themeChanged) this.model.restyleEdges(this.style, this.highlight);
    }
    this.redrawLayers();
  }

  /** What is highlighted now (the test hook reads the search matches outlined). */
  get currentHighlight(): Highlight {
    return this.highlight;
  }

  setHighlight(h: { selected: number; hovered: number; traced: ReadonlySet<number> | null; matches: ReadonlySet<number> | null }): void {
    const prev = this.highlight;
    this.highlight = { ...h };
    if (this.model) {
      const nodes = prev.traced !== h.traced || prev.matches !== h.matches;
      if (nodes) this.model.restyleNodes(this.style, this.highlight);
      if (nodes || prev.selected !== h.selected) this.model.restyleEdges(this.style, this.highlight);
    }
    this.redrawLayers();
  }

  /** Shows the whole scene with a margin. */
  fit(): void {
    if (!this.model) return;
    const [w, h] = this.viewSize();
    this.fitPending = w <= 1 || h <= 1;
    this.minZoom = Math.min(this.minZoom, fitCamera(this.model.bounds, w, h).zoom - 2);
    this.applyCamera(fitCamera(this.model.bounds, w, h), false);
  }

  /** Centres node `id`, zoomed so that its label is comfortably readable (or the whole box fits). */
  centreOn(id: number): void {
    const slot = this.model?.slotOf(id) ?? -1;
    if (!this.model || slot < 0) return;
    this.applyCamera(centreCamera(this.model.box(slot), ...this.viewSize()), false);
  }

  /** Moves the view by (dx, dy) screen px (positive dx shows more of the right-hand side). */
  panBy(dx: number, dy: number): void {
    this.applyCamera(panCamera(this.camera, dx, dy));
  }

  /** Zooms by `factor` (> 1: in) about the centre of the view. */
  zoomBy(factor: number): void {
    this.applyCamera({ ...this.camera, zoom: this.camera.zoom + Math.log2(factor) });
  }

  /** Nothing is fading, sharpening or waiting for labels: what is drawn next stays (tests wait on it). */
  get settled(): boolean {
    return this.fading === null && this.idleTimer === undefined && !this.lowRes && this.labelRaf === 0;
  }

  getCamera(): Camera {
    return { ...this.camera };
  }

  /** `jump`: a one-off move (a saved or opening view), not a step of motion the user drives. */
  setCamera(c: Camera, jump = false): void {
    // An explicit camera wins over a fit still waiting for the canvas to get its size.
    this.fitPending = false;
    this.applyCamera(c, !jump);
  }

  /** The canvas size in CSS px (what the camera maths and the minimap use). */
  getViewSize(): { width: number; height: number } {
    const [width, height] = this.viewSize();
    return { width, height };
  }

  /** What the last frame drew: instances (boxes, edge segments, arrowheads), labels, the detail budget and its cut. */
  getDrawStats(): { instances: number; labels: number; budget: number; cutPx: number } {
    const v = this.model?.visible;
    return { instances: v?.instances ?? 0, labels: this.model?.labelSelection.length ?? 0, budget: this.budget.value, cutPx: v?.cutPx ?? 0 };
  }

  /** The tensor labels the last label pass chose to draw on edges (tests read them). */
  drawnTensorLabels(): string[] {
    const m = this.model;
    return m ? m.labelSplit.tensors.map((k) => m.labels.text[k] ?? '') : [];
  }

  /** Box of node `id` on screen, CSS px relative to the canvas; null when it is not in the scene. */
  screenBoxOf(id: number): Rect | null {
    const slot = this.model?.slotOf(id) ?? -1;
    if (!this.model || slot < 0) return null;
    return screenRect(this.camera, ...this.viewSize(), this.model.box(slot));
  }

  /** What the canvas shows, for exports drawn from the scene (the SVG and the whole-graph PNG). */
  get drawn(): { scene: DrawScene; style: CanvasStyle; highlight: Highlight } | null {
    return this.model ? { scene: this.model.scene, style: this.style, highlight: this.highlight } : null;
  }

  /** The current view as a PNG (the drawing buffer is preserved, so this reads the last frame). */
  async toPngBlob(): Promise<Blob> {
    this.deck.redraw('png export');
    const canvas = this.deck.getCanvas();
    if (!canvas) throw new Error('the canvas is not initialised yet');
    return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
  }

  destroy(): void {
    clearTimeout(this.idleTimer);
    cancelAnimationFrame(this.fadeRaf);
    cancelAnimationFrame(this.labelRaf);
    this.warm.dispose();
    for (const [type, fn] of this.listeners) this.container.removeEventListener(type, fn, true);
    this.deck.finalize();
    this.host.remove();
    this.model = null;
    this.fading = null;
  }

  // --- internals ---

  private listen(type: string, fn: EventListener): void {
    this.container.addEventListener(type, fn, true);
    this.listeners.push([type, fn]);
  }

  private view(theme: ThemeName): OrthographicView {
    return new OrthographicView({ id: 'graph', flipY: true, clear: true, clearColor: [...THEMES[theme].background, 255] });
  }

  private viewSize(): [number, number] {
    return [this.container.clientWidth || 1, this.container.clientHeight || 1];
  }

  /** The canvas fills its container from now on. */
  private unfold(): void {
    this.host.style.width = '100%';
    this.host.style.height = '100%';
  }

  private viewState(): { target: [number, number, number]; zoom: number; minZoom: number; maxZoom: number } {
    return { target: [this.camera.x, this.camera.y, 0], zoom: this.camera.zoom, minZoom: this.minZoom, maxZoom: MAX_ZOOM };
  }

  /**
   * `motion`: the user is moving the camera (drag, wheel, keys, the minimap, the other pane of a
   * comparison), so frames keep coming; on a software rasteriser they are drawn with less detail
   * until it stops. A jump (a fit, a new scene, centring on a node, a saved view) is one frame:
   * drawn at full detail at once, which spares two resizes of the drawing buffer (to half
   * resolution and back), each of which costs more on a CPU rasteriser than the frame itself.
   */
  private applyCamera(c: Camera, motion = true): void {
    const zoom = clampZoom(c.zoom, this.minZoom, MAX_ZOOM);
    if (!Number.isFinite(c.x) || !Number.isFinite(c.y) || !Number.isFinite(zoom)) return;
    this.camera = { x: c.x, y: c.y, zoom };
    const still = !motion && !this.lowRes;
    this.moving = !still;
    if (!still && this.software && !this.lowRes) {
      this.lowRes = true;
      this.deck.setProps({ useDevicePixels: MOTION_PIXEL_RATIO });
      this.model?.labelWindow.reset();
    }
    this.model?.cull(viewRect(this.camera, ...this.viewSize()), zoom, still ? Infinity : this.budget.value);
    this.deck.setProps({ viewState: this.viewState(), layers: this.buildLayers() });
    clearTimeout(this.idleTimer);
    this.idleTimer = still ? undefined : setTimeout(() => this.settle(), IDLE_MS);
    this.scheduleLabels();
    this.callbacks.onCamera?.(this.getCamera());
  }

  /** The camera is still: the detail budget only matters for motion, so draw everything again. */
  private settle(): void {
    this.idleTimer = undefined;
    const m = this.model;
    const sharpen = this.lowRes;
    if (sharpen) {
      this.lowRes = false;
      this.deck.setProps({ useDevicePixels: this.pixelRatio });
    }
    if (!m || (!m.visible?.truncated && !sharpen)) return;
    m.cull(viewRect(this.camera, ...this.viewSize()), this.camera.zoom, Infinity);
    m.labelWindow.reset();
    this.redrawLayers();
    this.scheduleLabels();
  }

  /** Frame timing: feeds the detail budget with the intervals between frames drawn while moving. */
  private afterRender(): void {
    const now = performance.now();
    this.callbacks.onFrame?.(now - this.renderStart);
    const visible = this.model?.visible;
    let changed = false;
    if (this.moving && this.lastMovingFrame > 0 && visible) {
      changed = this.budget.report(now - this.lastMovingFrame, visible.instances, visible.truncated);
    }
    this.lastMovingFrame = this.moving ? now : 0;
    this.moving = false;
    // Not from inside deck.gl's render: the new budget applies from the next frame.
    if (changed) queueMicrotask(() => this.applyCamera(this.camera));
  }

  private frame(model: SceneModel, opacity: number, matrix: Float32Array | null, pickable: boolean): LayerFrame {
    // A fading scene is drawn shifted by its matrix: its titles stick to the view in its own coordinates.
    const viewLeft = viewRect(this.camera, ...this.viewSize()).x - (matrix ? (matrix[12] as number) : 0);
    return { prefix: `g${model.gen}`, zoom: this.camera.zoom, opacity, modelMatrix: matrix, pickable, theme: this.style.theme, viewLeft };
  }

  private layersOf(model: SceneModel, f: LayerFrame, rings: boolean): Layer[] {
    const nodes = nodeLayers(model, f);
    // Open scopes and their title bands under the edges; closed nodes over them.
    return [...nodes.slice(0, 2), ...edgeLayers(model, f), ...nodes.slice(2), ...(rings ? ringLayers(model, this.highlight, f) : []), ...labelLayers(model, f)];
  }

  private buildLayers(): Layer[] {
    const out: Layer[] = [...this.warm.layers];
    const t = this.fading ? ease(this.fadeT) : 1;
    if (this.fading) out.push(...this.layersOf(this.fading.model, this.frame(this.fading.model, 1 - t, this.fading.matrix, false), false));
    // A preview scene (drawn before the scope engine finished) is shown but not interactive.
    if (this.model) out.push(...this.layersOf(this.model, this.frame(this.model, t, null, !this.model.scene.preview), true));
    return out;
  }

  private redrawLayers(): void {
    this.deck.setProps({ layers: this.buildLayers() });
  }

  private startFade(): void {
    cancelAnimationFrame(this.fadeRaf);
    const start = performance.now();
    this.fadeT = 0;
    const step = (): void => {
      this.fadeT = Math.min(1, Math.max(0, (performance.now() - start) / FADE_MS));
      if (this.fadeT >= 1) this.fading = null;
      this.redrawLayers();
      if (this.fading) this.fadeRaf = requestAnimationFrame(step);
    };
    this.fadeRaf = requestAnimationFrame(step);
  }

  /** Label selection follows the camera at most once per animation frame. */
  private scheduleLabels(): void {
    if (this.labelRaf) return;
    this.labelRaf = requestAnimationFrame(() => {
      this.labelRaf = 0;
      this.updateLabelsNow();
    });
  }

  private updateLabelsNow(): void {
    if (!this.model) return;
    const view: Rect = viewRect(this.camera, ...this.viewSize());
    if (this.model.updateLabels(view, this.camera.zoom, this.lowRes ? MOTION_LABELS : undefined)) this.redrawLayers();
  }

  /** Hierarchy id of the node a pick hit, or -1. */
  private pickedId(info: PickingInfo | null): number {
    const m = this.model;
    if (!m || !info?.picked || !info.layer || info.index < 0) return -1;
    const prefix = `g${m.gen}-node-`;
    if (!info.layer.id.startsWith(prefix)) return -1;
    const name = info.layer.id.slice(prefix.length);
    const slot = m.slotOfInstance(m.groups.findIndex((g) => g.name === name), info.index);
    return slot < 0 ? -1 : (m.scene.ids[slot] as number);
  }

  private handleHover(info: PickingInfo): void {
    const id = this.pickedId(info);
    this.callbacks.onHover(id, id >= 0 ? { x: info.x, y: info.y } : null);
  }

  /** The node under a pointer event, or -1. */
  private pickAt(e: MouseEvent): number {
    const canvas = this.deck.getCanvas();
    if (!canvas || !this.model) return -1;
    const r = canvas.getBoundingClientRect();
    return this.pickedId(this.deck.pickObject({ x: e.clientX - r.left, y: e.clientY - r.top, radius: 2 }));
  }

  private handleDoubleClick(e: MouseEvent): void {
    if (this.dragged || !this.model) return;
    const id = this.pickAt(e);
    const slot = this.model.slotOf(id);
    if (slot >= 0 && TOGGLES.has(this.model.scene.shapes[slot] as number)) {
      e.preventDefault();
      this.callbacks.onToggle(id);
    }
  }
}
