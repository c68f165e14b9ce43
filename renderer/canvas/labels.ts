// Labels by level of detail: every text the scene could show (scope titles in the header band,
// centred names, second lines, metaedge counts, compare mode's diff badges) indexed once per scene, largest box first, and the
// selection of the ones worth drawing for a camera: boxes at least ~32 screen px wide, text at
// least 7 px tall, inside the viewport, at most a few thousand. A padded window avoids redoing
// the selection on every frame of a pan.
import { SHAPE_SCOPE, SHAPE_SCOPE_OPEN, SHAPE_SERIES, type Scene } from '../../core/pipeline/scene';
import { HEADER } from '../../core/layout/node-sizes';
import { LABEL_METRICS, textWidth } from '../../core/layout/text-metrics';
import { containsRect, expandRect, intersects, type Rect } from './camera';
import type { EdgeGeometry } from './edge-geometry';
import { SERIES_STEP } from './scene-groups';

export const LABEL_TITLE = 0;
export const LABEL_NAME = 1;
export const LABEL_SUB = 2;
export const LABEL_COUNT = 3;
/** Compare mode's +a −r ~c on closed scopes and series, on the top border near the right corner. */
export const LABEL_BADGE = 4;
/** The tensor an edge carries (`?×784`, `3 tensors`), when the View menu's edge labels are on. */
export const LABEL_TENSOR = 5;

export const LABEL_SIZE = LABEL_METRICS.fontSize;
export const SUB_SIZE = 9.5;
export const COUNT_SIZE = 9.5;
export const BADGE_SIZE = 9.5;
/** Badges sit on the top border, this far in from the right corner (world units), clear of the name inside. */
const BADGE_INSET = 6;
/** Box width that a metaedge count label is treated as having: shown from scale ≈ 0.9 (8.5 px text). */
const COUNT_BOX = 36;
export const TENSOR_SIZE = 9;
/** A tensor label's box: shown from scale ≈ 0.8, where its 9-unit text is 7 px tall. */
const TENSOR_BOX = 40;
/** A tensor label sits this far below its edge's midpoint when a ×N count takes the midpoint. */
const TENSOR_BELOW = 12;
/** Title inset from an open scope's left border. */
export const TITLE_INSET = 8;

export interface LabelIndex {
  readonly count: number;
  readonly text: readonly string[];
  readonly kind: Uint8Array;
  /** Scene slot (node labels) or edge index (counts). */
  readonly owner: Int32Array;
  /** Anchor point (world) and font size (world units). */
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly size: Float32Array;
  /** Box that must be on screen and wide enough: x, y, w, h per label. */
  readonly box: Float32Array;
  /** Label indexes by box width, descending. */
  readonly order: Int32Array;
}

export function buildLabelIndex(scene: Scene, edges: EdgeGeometry | null): LabelIndex {
  const text: string[] = [];
  const kinds: number[] = [];
  const owners: number[] = [];
  const xs: number[] = [];
  const ys: number[] = [];
  const sizes: number[] = [];
  const boxes: number[] = [];
  const add = (t: string, kind: number, owner: number, x: number, y: number, size: number, bx: number, by: number, bw: number, bh: number): void => {
    if (t === '') return;
    text.push(t);
    kinds.push(kind);
    owners.push(owner);
    xs.push(x);
    ys.push(y);
    sizes.push(size);
    boxes.push(bx, by, bw, bh);
  };
  const b = scene.boxes;
  for (let i = 0; i < scene.nodeCount; i++) {
    const x = b[4 * i] as number;
    const y = b[4 * i + 1] as number;
    const w = b[4 * i + 2] as number;
    const h = b[4 * i + 3] as number;
    const label = scene.labels[i] ?? '';
    const sub = scene.sublabels[i] ?? '';
    switch (scene.shapes[i]) {
      case SHAPE_SCOPE_OPEN:
        add(label, LABEL_TITLE, i, x + TITLE_INSET, y + HEADER / 2, LABEL_SIZE, x, y, w, Math.min(h, HEADER));
        break;
      case SHAPE_SCOPE:
        add(label, LABEL_NAME, i, x + w / 2, y + h / 2 - (sub ? 6.5 : 0), LABEL_SIZE, x, y, w, h);
        add(sub, LABEL_SUB, i, x + w / 2, y + h / 2 + 7, SUB_SIZE, x, y, w, h);
        add(scene.badges?.[i] ?? '', LABEL_BADGE, i, x + w - BADGE_INSET, y, BADGE_SIZE, x, y, w, h);
        break;
      case SHAPE_SERIES: {
        // Text goes on the front box of the stack.
        const fw = w - 2 * SERIES_STEP;
        const fh = h - 2 * SERIES_STEP;
        add(label, LABEL_NAME, i, x + fw / 2, y + fh / 2 - (sub ? 5 : 0), LABEL_SIZE, x, y, w, h);
        add(sub, LABEL_SUB, i, x + fw / 2, y + fh / 2 + 6, SUB_SIZE, x, y, w, h);
        add(scene.badges?.[i] ?? '', LABEL_BADGE, i, x + w - BADGE_INSET, y, BADGE_SIZE, x, y, w, h);
        break;
      }
      default:
        add(label, LABEL_NAME, i, x + w / 2, y + h / 2, LABEL_SIZE, x, y, w, h);
    }
  }
  if (edges) {
    for (let e = 0; e < scene.edgeCount; e++) {
      const mult = scene.edgeMultiplicity[e] as number;
      const mx = edges.mid[2 * e] as number;
      const my = edges.mid[2 * e + 1] as number;
      if (Number.isNaN(mx)) continue;
      if (mult > 1) add(`×${mult}`, LABEL_COUNT, e, mx, my, COUNT_SIZE, mx - COUNT_BOX / 2, my - 6, COUNT_BOX, 12);
      const tensor = scene.edgeLabels?.[e] ?? '';
      const ty = mult > 1 ? my + TENSOR_BELOW : my;
      if (tensor) add(tensor, LABEL_TENSOR, e, mx, ty, TENSOR_SIZE, mx - TENSOR_BOX / 2, ty - 6, TENSOR_BOX, 12);
    }
  }
  const count = text.length;
  const box = Float32Array.from(boxes);
  const order = Int32Array.from({ length: count }, (_, k) => k);
  // Widest first; on a tie titles and names before second lines.
  const width = (k: number): number => (kinds[k] === LABEL_COUNT ? COUNT_BOX : (box[4 * k + 2] as number));
  order.sort((p, q) => width(q) - width(p) || (kinds[p] as number) - (kinds[q] as number) || p - q);
  return {
    count, text, kind: Uint8Array.from(kinds), owner: Int32Array.from(owners), x: Float32Array.from(xs), y: Float32Array.from(ys),
    size: Float32Array.from(sizes), box, order,
  };
}

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
