// The keys that move a canvas (zoom and pan), shared by the explorer and compare mode's panes.
import type { GraphCanvas } from '../canvas/graph-canvas';

const PAN = 80;
const ZOOM = 1.25;

/** Moves `cv` for a navigation key; false when the key is not one (the caller handles it). */
export function canvasKey(ev: KeyboardEvent, cv: Pick<GraphCanvas, 'zoomBy' | 'panBy'> | null): boolean {
  switch (ev.key) {
    case '+': case '=': cv?.zoomBy(ZOOM); return true;
    case '-': case '_': cv?.zoomBy(1 / ZOOM); return true;
    case 'ArrowLeft': ev.preventDefault(); cv?.panBy(-PAN, 0); return true;
    case 'ArrowRight': ev.preventDefault(); cv?.panBy(PAN, 0); return true;
    case 'ArrowUp': ev.preventDefault(); cv?.panBy(0, -PAN); return true;
    case 'ArrowDown': ev.preventDefault(); cv?.panBy(0, PAN); return true;
    default: return false;
  }
}
