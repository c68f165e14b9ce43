// Camera maths of the orthographic view (flipY, so world y grows downward like the scene): world
// ↔ screen, the visible world rectangle, fitting, centring, zooming about a point and the camera
// shift that keeps an anchor node still across a relayout. deck.gl's OrthographicView maps
// screen = (world − target) · 2^zoom + size / 2 on both axes; these functions mirror that.

export interface Camera {
  /** World point at the centre of the view. */
  readonly x: number;
  readonly y: number;
  /** log2 of screen px per world unit (deck.gl orthographic zoom). */
  readonly zoom: number;
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export const MAX_ZOOM = 4;
/** Zoom of "readable": labels are 11 px at zoom 0. */
export const READABLE_ZOOM = 0;

export function clampZoom(z: number, min = -16, max = MAX_ZOOM): number {
  return Math.min(max, Math.max(min, z));
}

export function worldToScreen(c: Camera, viewW: number, viewH: number, wx: number, wy: number): [number, number] {
  const s = 2 ** c.zoom;
  return [(wx - c.x) * s + viewW / 2, (wy - c.y) * s + viewH / 2];
}

export function screenToWorld(c: Camera, viewW: number, viewH: number, sx: number, sy: number): [number, number] {
  const s = 2 ** c.zoom;
  return [c.x + (sx - viewW / 2) / s, c.y + (sy - viewH / 2) / s];
}

/** Screen rectangle (CSS px, relative to the canvas) of a world box. */
export function screenRect(c: Camera, viewW: number, viewH: number, box: Rect): Rect {
  const [x, y] = worldToScreen(c, viewW, viewH, box.x, box.y);
  const s = 2 ** c.zoom;
  return { x, y, width: box.width * s, height: box.height * s };
}

/** World rectangle the view shows. */
export function viewRect(c: Camera, viewW: number, viewH: number): Rect {
  const s = 2 ** c.zoom;
  return { x: c.x - viewW / 2 / s, y: c.y - viewH / 2 / s, width: viewW / s, height: viewH / s };
}

/** Camera showing all of `bounds` with `marginPx` around it, zoomed in no further than `maxZoom`. */
export function fitCamera(bounds: Rect, viewW: number, viewH: number, marginPx = 32, maxZoom = 1): Camera {
  const w = Math.max(1, bounds.width);
  const h = Math.max(1, bounds.height);
  const availW = Math.max(1, viewW - 2 * marginPx);
  const availH = Math.max(1, viewH - 2 * marginPx);
  const zoom = clampZoom(Math.log2(Math.min(availW / w, availH / h)), -16, maxZoom);
  return { x: bounds.x + bounds.width / 2, y: bounds.y + bounds.height / 2, zoom };
}

/**
 * Camera centred on `box`: at least readable (zoom 0, labels at their design size) unless the box
 * then overflows the view, in which case it is fitted; never zoomed in past 1.5× for small boxes.
 */
export function centreCamera(box: Rect, viewW: number, viewH: number): Camera {
  const fitZoom = Math.log2(Math.min((0.85 * viewW) / Math.max(1, box.width), (0.85 * viewH) / Math.max(1, box.height)));
  const zoom = clampZoom(Math.min(fitZoom, Math.log2(1.5)));
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, zoom };
}

/** Zoom by `factor` keeping the world point under screen point (sx, sy) still. */
export function zoomAround(c: Camera, factor: number, sx: number, sy: number, viewW: number, viewH: number, minZoom = -16, maxZoom = MAX_ZOOM): Camera {
  const zoom = clampZoom(c.zoom + Math.log2(factor), minZoom, maxZoom);
  const [wx, wy] = screenToWorld(c, viewW, viewH, sx, sy);
  const s = 2 ** zoom;
  return { x: wx - (sx - viewW / 2) / s, y: wy - (sy - viewH / 2) / s, zoom };
}

/** Move the view by (dx, dy) screen px: positive dx shows more of what is to the right. */
export function panCamera(c: Camera, dx: number, dy: number): Camera {
  const s = 2 ** c.zoom;
  return { x: c.x + dx / s, y: c.y + dy / s, zoom: c.zoom };
}

/** The camera after a relayout moved an anchor's top-left from `before` to `after` (world): it stays put on screen. */
export function anchorCamera(c: Camera, before: readonly [number, number], after: readonly [number, number]): Camera {
  return { x: c.x + after[0] - before[0], y: c.y + after[1] - before[1], zoom: c.zoom };
}

/** `r` grown by `f` of its size on every side. */
export function expandRect(r: Rect, f: number): Rect {
  return { x: r.x - r.width * f, y: r.y - r.height * f, width: r.width * (1 + 2 * f), height: r.height * (1 + 2 * f) };
}

export function containsRect(outer: Rect, inner: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

export function intersects(a: Rect, x: number, y: number, w: number, h: number): boolean {
  return x <= a.x + a.width && x + w >= a.x && y <= a.y + a.height && y + h >= a.y;
}
