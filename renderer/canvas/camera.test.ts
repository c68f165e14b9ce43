import { describe, expect, it } from 'vitest';
import {
  anchorCamera, centreCamera, clampZoom, containsRect, expandRect, fitCamera, MAX_ZOOM, panCamera, screenRect, screenToWorld, viewRect,
  worldToScreen, zoomAround,
} from './camera';

const W = 1000;
const H = 600;

describe('camera maths', () => {
  it('maps world to screen and back', () => {
    const c = { x: 120, y: -40, zoom: 1.5 };
    const [sx, sy] = worldToScreen(c, W, H, 300, 77);
    const [wx, wy] = screenToWorld(c, W, H, sx, sy);
    expect(wx).toBeCloseTo(300, 9);
    expect(wy).toBeCloseTo(77, 9);
    // The target is the centre of the view, and y grows downward on both sides.
    expect(worldToScreen(c, W, H, 120, -40)).toEqual([500, 300]);
    expect(worldToScreen(c, W, H, 120, -30)[1]).toBeGreaterThan(300);
  });

  it('fits a box inside the view with the margin, centred', () => {
    const bounds = { x: 100, y: 200, width: 4000, height: 1000 };
    const c = fitCamera(bounds, W, H, 30);
    const r = screenRect(c, W, H, bounds);
    expect(r.x).toBeCloseTo(30, 6);
    expect(r.width).toBeCloseTo(W - 60, 6);
    expect(r.y + r.height / 2).toBeCloseTo(H / 2, 6);
    expect(containsRect(viewRect(c, W, H), bounds)).toBe(true);
    // Small scenes are not blown up past the zoom limit.
    expect(fitCamera({ x: 0, y: 0, width: 10, height: 10 }, W, H, 30, 1).zoom).toBe(1);
  });

  it('centres a node readable, or fitted when it is big', () => {
    const small = centreCamera({ x: 10, y: 10, width: 80, height: 22 }, W, H);
    expect(small).toEqual({ x: 50, y: 21, zoom: Math.log2(1.5) });
    const big = centreCamera({ x: 0, y: 0, width: 5000, height: 200 }, W, H);
    expect(screenRect(big, W, H, { x: 0, y: 0, width: 5000, height: 200 }).width).toBeCloseTo(0.85 * W, 6);
  });

  it('zooms about a screen point without moving what is under it', () => {
    const c = { x: 0, y: 0, zoom: 0 };
    const before = screenToWorld(c, W, H, 800, 100);
    const z = zoomAround(c, 2, 800, 100, W, H);
    expect(z.zoom).toBe(1);
    const after = screenToWorld(z, W, H, 800, 100);
    expect(after[0]).toBeCloseTo(before[0], 9);
    expect(after[1]).toBeCloseTo(before[1], 9);
    expect(zoomAround(c, 2 ** 20, 0, 0, W, H).zoom).toBe(MAX_ZOOM);
  });

  it('pans by screen pixels whatever the zoom', () => {
    const c = panCamera({ x: 10, y: 10, zoom: 2 }, 40, -20);
    expect(c).toEqual({ x: 20, y: 5, zoom: 2 });
  });

  it('keeps an anchor still across a relayout', () => {
    const c = { x: 500, y: 500, zoom: -1 };
    const before = worldToScreen(c, W, H, 300, 400);
    const moved = anchorCamera(c, [300, 400], [900, 250]);
    expect(worldToScreen(moved, W, H, 900, 250)).toEqual(before);
  });

  it('clamps and grows rectangles', () => {
    expect(clampZoom(99)).toBe(MAX_ZOOM);
    expect(clampZoom(-99, -5)).toBe(-5);
    expect(expandRect({ x: 0, y: 0, width: 10, height: 20 }, 0.5)).toEqual({ x: -5, y: -10, width: 20, height: 40 });
  });
});
