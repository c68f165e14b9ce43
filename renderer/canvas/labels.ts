// Labels by level of detail: the selection, from a scene's label index (built with the scene,
// core/pipeline/draw/label-index.ts), of the ones worth drawing for a camera: boxes at least ~32
// screen px wide, text at least 7 px tall, inside the viewport, at most a few thousand. A padded
// window avoids redoing the selection on every frame of a pan.
import { COUNT_BOX, LABEL_COUNT, TITLE_INSET, type LabelIndex } from '../../core/pipeline/draw/label-index';
import { textWidth } from '../../core/layout/text-metrics';
import { containsRect, expandRect, intersects, type Rect } from './camera';

/**
 * Where an open scope's title is drawn when the view's left edge (world x) cuts into its box: it
 * slides right to stay readable, like a sticky header, until it reaches the box's right end.
 */
export function stickyTitleX(index: LabelIndex, k: number, viewLeft: number): number {
  const x = index.x[k] as number;
  const want = viewLeft + TITLE_INSET;
  if (want <= x) return x;
  const last = (index.box[4 * k] as number) + (index.box[4 * k + 2] as number) - TITLE_INSET - textWidth(index.text[k] ?? '');
  return Math.max(x, Math.min(want, last));
}

export interface LabelOptions {
  /** Smallest box width on screen that gets a label. */
  readonly minBoxPx: number;
  /** Smallest text height on screen worth drawing. */
  readonly minFontPx: number;
  readonly cap: number;
}

/**
 * 32 px rather than 40: labels are pre-fitted to their boxes, so a 32 px op still shows its (9 px)
 * name in full, and at 40 the narrowest ops of a row were the only blank ones.
 */
export const LABEL_OPTIONS: LabelOptions = { minBoxPx: 32, minFontPx: 7, cap: 3000 };

/**
 * The labels to draw in world rectangle `view` at `scale` screen px per world unit, largest boxes
 * first. With `focus` (the part of `view` on screen) a capped selection takes the labels there
 * first and fills up with the rest of `view`, so a cap never leaves the screen bare while labels
 * off it are drawn.
 */
export function selectLabels(index: LabelIndex, view: Rect, scale: number, opts: LabelOptions = LABEL_OPTIONS, focus: Rect | null = null): Int32Array {
  const out: number[] = [];
  const minWidth = opts.minBoxPx / scale;
  const minSize = opts.minFontPx / scale;
  const inside = (r: Rect, k: number): boolean =>
    intersects(r, index.box[4 * k] as number, index.box[4 * k + 1] as number, index.box[4 * k + 2] as number, index.box[4 * k + 3] as number);
  const pass = (want: (k: number) => boolean): void => {
    for (let o = 0; o < index.count && out.length < opts.cap; o++) {
      const k = index.order[o] as number;
      const kind = index.kind[k] as number;
      const w = kind === LABEL_COUNT ? COUNT_BOX : (index.box[4 * k + 2] as number);
      // Sorted by width: nothing after this one is wide enough.
      if (w < minWidth) break;
      if ((index.size[k] as number) < minSize) continue;
      if (want(k)) out.push(k);
    }
  };
  if (focus) {
    pass((k) => inside(focus, k));
    pass((k) => inside(view, k) && !inside(focus, k));
  } else {
    pass((k) => inside(view, k));
  }
  return Int32Array.from(out);
}

/**
 * Remembers the window the current selection was made for: a pan stays within it for a while
 * (the selection covers half a view more on each side), and a zoom needs a new selection only
 * once it changes the scale by more than ~15%. When the selection was capped (it holds the labels
 * on screen first, then what fits of the rest), a quarter view of panning already asks for a new
 * one, before labels coming on screen could be missing.
 */
export class LabelWindow {
  private region: Rect | null = null;
  private focus: Rect | null = null;
  private zoom = NaN;

  needsUpdate(view: Rect, zoom: number): boolean {
    return this.region === null || Math.abs(zoom - this.zoom) > 0.2 || !containsRect(this.region, view) || (this.focus !== null && !containsRect(this.focus, view));
  }

  /** The region to select labels for, remembered as covering `view` at `zoom`. */
  update(view: Rect, zoom: number): Rect {
    this.region = expandRect(view, 0.5);
    this.focus = null;
    this.zoom = zoom;
    return this.region;
  }

  /** The selection made for `view` hit its cap. */
  capped(view: Rect): void {
    this.focus = expandRect(view, 0.25);
  }

  reset(): void {
    this.region = null;
    this.focus = null;
    this.zoom = NaN;
  }
}
