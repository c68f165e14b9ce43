// Where the view starts when a graph opens: the whole graph when it fits at a readable size, else
// its top, readable (labels need about 0.8× their design size to be drawn at all) — a tall graph
// fitted into a wide window would show boxes too small to label.
import { fitCamera, type Camera, type Rect } from '../canvas/camera';

export const OPENING_ZOOM = Math.log2(0.8);
const MARGIN = 32;

export function openingCamera(bounds: Rect, viewW: number, viewH: number): Camera {
  const fit = fitCamera(bounds, viewW, viewH, MARGIN);
  if (fit.zoom >= OPENING_ZOOM) return fit;
  const s = 2 ** OPENING_ZOOM;
  const fitsAcross = bounds.width * s <= viewW - 2 * MARGIN;
  return {
    x: fitsAcross ? bounds.x + bounds.width / 2 : bounds.x + (viewW / 2 - MARGIN) / s,
    y: bounds.y + (viewH / 2 - MARGIN) / s,
    zoom: OPENING_ZOOM,
  };
}
