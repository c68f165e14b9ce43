// Which instances get drawn: viewport culling (a padded window around the view, so a pan redoes
// the choice only now and then), level of detail (edges and title bands too small on screen to read
// are skipped; boxes never are: a box under a pixel is drawn as a one-pixel mark, box-layer.ts, so a
// crowd of them reads as a texture where the graph lies) and a detail budget (when even that is too much for the GPU, edges go first and then
// boxes, smallest size classes first, whole classes at a time so that equal boxes never show
// holes). Pure typed-array work.
import { containsRect, expandRect, intersects, type Rect } from './camera';
import type { EdgeGeometry } from '../../core/pipeline/draw/edge-geometry';
import type { Group } from '../../core/pipeline/draw/scene-groups';

export interface LodOptions {
  /** Boxes narrower or shorter than this on screen (px) are not drawn (0: all are, as marks). */
  readonly minBoxPx: number;
  readonly minBoxHeightPx: number;
  /** Title bands thinner than this are not drawn (the box's own fill is enough). */
  readonly minBandPx: number;
  /** Edges whose extent on screen is below this are not drawn. */
  readonly minEdgePx: number;
}

export const LOD: LodOptions = { minBoxPx: 0, minBoxHeightPx: 0, minBandPx: 4, minEdgePx: 8 };

export interface Visible {
  /** Per group: indexes of the group's instances to draw. */
  readonly groups: Int32Array[];
  /** Edges to draw. */
  readonly edges: Int32Array;
  /** Instances drawn (boxes, segments, arrowheads) and whether the budget cut some. */
  readonly instances: number;
  readonly truncated: boolean;
  /** Screen size (px) under which boxes were cut by the budget (0 when none were). */
  readonly cutPx: number;
}

/** Size classes: quarter octaves of screen px, from 1/4 px up. */
const BUCKETS = 96;
const bucketOf = (px: number): number => Math.max(0, Math.min(BUCKETS - 1, Math.floor(4 * (Math.log2(Math.max(px, 1e-9)) + 2))));
const bucketPx = (b: number): number => 2 ** (b / 4 - 2);

/** Where edges end: the scene slot of each edge's two ends (-1: not a node of the scene) and the scene's boxes. */
export interface EdgeEnds {
  readonly slots: Int32Array;
  readonly boxes: Float32Array;
}

/** The smallest size class kept when the largest classes of `hist` fill `budget` first (0: all kept). */
function keepFrom(hist: Float64Array, budget: number): { keep: number; total: number } {
  let total = 0;
  for (let b = BUCKETS - 1; b >= 0; b--) {
    if (total + (hist[b] as number) > budget) return { keep: b + 1, total };
    total += hist[b] as number;
  }
  return { keep: 0, total };
}

const sum = (hist: Float64Array): number => hist.reduce((a, b) => a + b, 0);

export function selectVisible(groups: readonly Group[], edges: EdgeGeometry, region: Rect, scale: number, budget: number, ends: EdgeEnds | null = null, lod: LodOptions = LOD): Visible {
  const hist = new Float64Array(BUCKETS);
  const edgeHist = new Float64Array(BUCKETS);
  // Pass 1: what passes culling and LOD, with its size class (-1: not drawn).
  const groupClass = groups.map((g) => {
    const cls = new Int8Array(g.count).fill(-1);
    const band = g.name === 'band';
    for (let k = 0; k < g.count; k++) {
      const w = g.rects[4 * k + 2] as number;
      const h = g.rects[4 * k + 3] as number;
      if (w * scale < lod.minBoxPx || h * scale < (band ? lod.minBandPx : lod.minBoxHeightPx)) continue;
      if (!intersects(region, g.positions[2 * k] as number, g.positions[2 * k + 1] as number, w, h)) continue;
      const b = bucketOf(Math.max(w, h) * scale);
      cls[k] = b;
      hist[b] = (hist[b] as number) + 1;
    }
    return cls;
  });
  const m = edges.edgeWidth.length;
  const edgeClass = new Int8Array(m).fill(-1);
  const box = edges.edgeBox;
  // An end is shown if its box passes the box LOD; an edge is drawn only when both ends are.
  const endShown = (slot: number): boolean => {
    if (!ends || slot < 0) return true;
    return (ends.boxes[4 * slot + 2] as number) * scale >= lod.minBoxPx && (ends.boxes[4 * slot + 3] as number) * scale >= lod.minBoxHeightPx;
  };
  for (let e = 0; e < m; e++) {
    const w = box[4 * e + 2] as number;
    const h = box[4 * e + 3] as number;
    if (!(Math.max(w, h) * scale >= lod.minEdgePx)) continue;
    if (ends && !(endShown(ends.slots[2 * e] as number) && endShown(ends.slots[2 * e + 1] as number))) continue;
    if (!intersects(region, box[4 * e] as number, box[4 * e + 1] as number, w, h)) continue;
    const b = bucketOf(Math.max(w, h) * scale);
    edgeClass[e] = b;
    const n = (edges.segStart[e + 1] as number) - (edges.segStart[e] as number) + ((edges.arrowOf[e] as number) >= 0 ? 1 : 0);
    edgeHist[b] = (edgeHist[b] as number) + n;
  }
  // Over budget, edges go first (smallest first: what is hidden while moving is the wiring, not the
  // boxes); when the boxes alone are too many, the smallest size classes of both go together.
  const boxes = sum(hist);
  let keepBox = 0;
  let keepEdge = 0;
  let total = boxes + sum(edgeHist);
  if (total > budget) {
    if (boxes <= budget) {
      const e = keepFrom(edgeHist, budget - boxes);
      keepEdge = e.keep;
      total = boxes + e.total;
    } else {
      const joint = hist.map((c, b) => c + (edgeHist[b] as number));
      const j = keepFrom(joint, budget);
      keepBox = keepEdge = j.keep;
      total = j.total;
    }
  }
  const cuts = (h: Float64Array, keep: number): boolean => keep > 0 && h.subarray(0, keep).some((c) => c > 0);
  // Labels need their box: only a cut of boxes limits them (cutPx).
  const boxesCut = cuts(hist, keepBox);
  const truncated = boxesCut || cuts(edgeHist, keepEdge);
  // Pass 2: gather.
  const out = groupClass.map((cls) => {
    let n = 0;
    for (const c of cls) if (c >= keepBox) n++;
    const idx = new Int32Array(n);
    let j = 0;
    for (let k = 0; k < cls.length; k++) if ((cls[k] as number) >= keepBox) idx[j++] = k;
    return idx;
  });
  let ne = 0;
  for (const c of edgeClass) if (c >= keepEdge) ne++;
  const edgeIdx = new Int32Array(ne);
  let j = 0;
  for (let e = 0; e < m; e++) if ((edgeClass[e] as number) >= keepEdge) edgeIdx[j++] = e;
  return { groups: out, edges: edgeIdx, instances: total, truncated, cutPx: boxesCut ? bucketPx(keepBox) : 0 };
}

/**
 * The window the drawn instances were chosen for: re-chosen when the view leaves it (it covers a
 * third of a view more on each side) or the zoom moves by more than a fifth of an octave (LOD
 * thresholds are in screen px).
 */
export class CullWindow {
  private region: Rect | null = null;
  private zoom = NaN;

  needsUpdate(view: Rect, zoom: number): boolean {
    return this.region === null || Math.abs(zoom - this.zoom) > 0.2 || !containsRect(this.region, view);
  }

  update(view: Rect, zoom: number): Rect {
    this.region = expandRect(view, 0.33);
    this.zoom = zoom;
    return this.region;
  }

  reset(): void {
    this.region = null;
  }
}

/**
 * A detail budget (instances per frame) that follows the measured frame time while the camera
 * moves: it shrinks in proportion when frames are slow and grows back (never past a size that was
 * slow) when they are fast and detail was being cut. A cut that did not make frames at least 10%
 * faster (the time goes to fill rate, text or a busy machine) is undone and not tried again for
 * this scene.
 * A GPU draws 10^5 instances in well under a frame, so there it never binds.
 */
export class DetailBudget {
  value: number;
  private samples: number[] = [];
  private ceiling = Infinity;
  /** The last cut, to check that it helped. */
  private pending: { previous: number; med: number } | null = null;
  private futile = false;

  constructor(initial = 250_000, readonly min = 3000, readonly max = 2_000_000, readonly targetMs = 25) {
    this.value = initial;
  }

  /** A frame drawn while moving took `ms`; `drawn` instances, `truncated` if the budget cut some. True when the budget changed. */
  report(ms: number, drawn: number, truncated: boolean): boolean {
    if (!Number.isFinite(ms) || ms <= 0) return false;
    this.samples.push(ms);
    // Very slow frames (a big scene on a software rasteriser) are acted on sooner.
    const slow = this.samples.length >= 3 && this.samples.every((x) => x > 4 * this.targetMs);
    if (this.samples.length < 6 && !slow) return false;
    const sorted = this.samples.sort((a, b) => a - b);
    const med = sorted[sorted.length >> 1] as number;
    this.samples = [];
    const cut = this.pending;
    this.pending = null;
    if (cut && med > 0.9 * cut.med) {
      this.futile = true;
      this.ceiling = Infinity;
      if (this.value === cut.previous) return false;
      this.value = cut.previous;
      return true;
    }
    if (med > this.targetMs * 1.6 && drawn > this.min && !this.futile) {
      this.ceiling = Math.min(this.ceiling, drawn);
      const next = Math.max(this.min, Math.floor(drawn * Math.min(0.8, Math.max(0.2, this.targetMs / med))));
      if (next === this.value) return false;
      this.pending = { previous: this.value, med };
      this.value = next;
      return true;
    }
    if (med < this.targetMs * 0.7 && truncated && this.value * 1.5 < this.ceiling) {
      this.value = Math.min(this.max, Math.floor(this.value * 1.5));
      return true;
    }
    return false;
  }

  /** A new scene: what was too slow before says little about it. */
  resetCeiling(): void {
    this.ceiling = Infinity;
    this.futile = false;
    this.pending = null;
  }
}
