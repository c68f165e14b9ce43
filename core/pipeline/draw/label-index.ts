// Every text a scene could show, indexed once where the scene is built: scope titles in the header
// band, centred names, second lines, metaedge counts, compare mode's diff badges and tensor labels
// on edges, each with its anchor, font size and the box that must be on screen and wide enough,
// widest first. The canvas picks from it per camera (renderer/canvas/labels.ts).
import { HEADER } from '../../layout/node-sizes';
import { LABEL_METRICS } from '../../layout/text-metrics';
import { SHAPE_SCOPE, SHAPE_SCOPE_OPEN, SHAPE_SERIES, type Scene } from '../scene';
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
export const COUNT_BOX = 36;
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
