// The minimap: a small 2D canvas with the scene's outer boxes (depth ≤ 1, or every box of a small
// scene) and the main view's rectangle; pressing or dragging on it centres the main view there.
// The boxes are drawn once per scene into an offscreen canvas; viewport moves only blit it.
import type { DrawScene } from '../../core/pipeline/draw/draw-scene';
import { SHAPE_SCOPE_OPEN } from '../../core/pipeline/scene';
import { viewRect, type Camera, type Rect } from './camera';
import { cssColour, mix, THEMES, type ThemeName } from './palette';

/** CSS px of the explorer's minimap; compare mode's panes pass a smaller size. */
export const MINIMAP_SIZE = { width: 180, height: 120 } as const;
/** Scenes up to this many nodes show every box. */
const SMALL_SCENE = 3000;
const INSET = 4;

export class Minimap {
  private readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private readonly backdrop: HTMLCanvasElement;
  private scene: DrawScene | null = null;
  private bounds: Rect = { x: 0, y: 0, width: 1, height: 1 };
  private theme: ThemeName = 'light';
  private camera: Camera = { x: 0, y: 0, zoom: 0 };
  private viewW = 1;
  private viewH = 1;
  private dragging = false;
  private readonly dpr = Math.min(3, globalThis.devicePixelRatio || 1);

  private readonly width: number;
  private readonly height: number;

  constructor(container: HTMLElement, private readonly onCamera: (c: Camera) => void, size: { readonly width: number; readonly height: number } = MINIMAP_SIZE) {
    this.width = size.width;
    this.height = size.height;
    this.canvas = document.createElement('canvas');
    this.canvas.width = this.width * this.dpr;
    this.canvas.height = this.height * this.dpr;
    this.canvas.style.cssText = `width:${this.width}px;height:${this.height}px;display:block;cursor:crosshair;border-radius:6px`;
    this.canvas.setAttribute('aria-label', 'minimap');
    container.appendChild(this.canvas);
    this.ctx = this.canvas.getContext('2d') as CanvasRenderingContext2D;
    this.backdrop = document.createElement('canvas');
    this.backdrop.width = this.canvas.width;
    this.backdrop.height = this.canvas.height;
    this.canvas.addEventListener('pointerdown', (e) => {
      this.dragging = true;
      this.canvas.setPointerCapture(e.pointerId);
      this.moveTo(e);
    });
    this.canvas.addEventListener('pointermove', (e) => {
      if (this.dragging) this.moveTo(e);
    });
    const stop = (): void => {
      this.dragging = false;
    };
    this.canvas.addEventListener('pointerup', stop);
    this.canvas.addEventListener('pointercancel', stop);
  }

  setScene(scene: DrawScene): void {
    this.scene = scene;
    this.bounds = scene.shape.bounds;
    this.paintBackdrop();
    this.paint();
  }

  setViewport(cam: Camera, widthPx: number, heightPx: number): void {
    this.camera = cam;
    this.viewW = Math.max(1, widthPx);
    this.viewH = Math.max(1, heightPx);
    this.paint();
  }

  setTheme(theme: ThemeName): void {
    if (theme === this.theme) return;
    this.theme = theme;
    this.paintBackdrop();
    this.paint();
  }

  /** World → minimap px: the scene fitted with its aspect ratio kept. */
  private transform(): { s: number; ox: number; oy: number } {
    const s = Math.min((this.width - 2 * INSET) / this.bounds.width, (this.height - 2 * INSET) / this.bounds.height);
    return {
      s,
      ox: (this.width - this.bounds.width * s) / 2 - this.bounds.x * s,
      oy: (this.height - this.bounds.height * s) / 2 - this.bounds.y * s,
    };
  }

  private paintBackdrop(): void {
    const ctx = this.backdrop.getContext('2d');
    if (!ctx) return;
    const t = THEMES[this.theme];
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.fillStyle = cssColour(t.background);
    ctx.fillRect(0, 0, this.width, this.height);
    const scene = this.scene;
    if (!scene) return;
    const { s, ox, oy } = this.transform();
    const all = scene.nodeCount <= SMALL_SCENE;
    const b = scene.boxes;
    for (let i = 0; i < scene.nodeCount; i++) {
      const d = scene.depth[i] as number;
      if (!all && d > 1) continue;
      const open = scene.shapes[i] === SHAPE_SCOPE_OPEN;
      const x = ox + (b[4 * i] as number) * s;
      const y = oy + (b[4 * i + 1] as number) * s;
      const w = Math.max(0.5, (b[4 * i + 2] as number) * s);
      const h = Math.max(0.5, (b[4 * i + 3] as number) * s);
      ctx.fillStyle = cssColour(open ? mix(t.background, t.minimapBox, 0.35 + 0.15 * Math.min(d, 3)) : t.minimapBox);
      ctx.fillRect(x, y, w, h);
    }
  }

  private paint(): void {
    const ctx = this.ctx;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(this.backdrop, 0, 0);
    if (!this.scene) return;
    const t = THEMES[this.theme];
    const { s, ox, oy } = this.transform();
    const v = viewRect(this.camera, this.viewW, this.viewH);
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    const x = Math.max(0, ox + v.x * s);
    const y = Math.max(0, oy + v.y * s);
    const w = Math.min(this.width, ox + (v.x + v.width) * s) - x;
    const h = Math.min(this.height, oy + (v.y + v.height) * s) - y;
    ctx.fillStyle = cssColour(t.accent, 0.12);
    ctx.strokeStyle = cssColour(t.accent, 0.9);
    ctx.lineWidth = 1.5;
    ctx.fillRect(x, y, Math.max(2, w), Math.max(2, h));
    ctx.strokeRect(x + 0.75, y + 0.75, Math.max(2, w) - 1.5, Math.max(2, h) - 1.5);
    ctx.strokeStyle = cssColour(t.scopeStroke, 0.8);
    ctx.lineWidth = 1;
    ctx.strokeRect(0.5, 0.5, this.width - 1, this.height - 1);
  }

  /** Centres the main view on the world point under the pointer, keeping its zoom. */
  private moveTo(e: PointerEvent): void {
    const r = this.canvas.getBoundingClientRect();
    const { s, ox, oy } = this.transform();
    const x = (e.clientX - r.left - ox) / s;
    const y = (e.clientY - r.top - oy) / s;
    this.camera = { x, y, zoom: this.camera.zoom };
    this.onCamera(this.camera);
    this.paint();
  }
}
