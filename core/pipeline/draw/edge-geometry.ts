// Edge geometry, once per scene where it is built (draw-scene.ts): every polyline cut into straight segments for one
// instanced line layer (control edges pre-split into dashes in world units), an arrowhead triangle
// at the end of each edge (the line stops at its base so it never pokes through the tip), edge
// widths from tensor sizes, and each edge's midpoint for its metaedge count label.
import { EDGE_KIND_CONTROL, type Scene } from '../scene';

/** Dash pattern of control edges, world units. */
export const DASH = 4;
export const GAP = 3;

export interface EdgeGeometry {
  readonly segCount: number;
  /** x, y of each segment's ends. */
  readonly segSource: Float32Array;
  readonly segTarget: Float32Array;
  /** Edge index of each segment; edge e owns segments segStart[e] .. segStart[e + 1]. */
  readonly segEdge: Int32Array;
  readonly segStart: Int32Array;
  readonly arrowCount: number;
  /** Tip of each arrowhead, the unit direction it points to, and its length (world units). */
  readonly arrowTip: Float32Array;
  readonly arrowDir: Float32Array;
  readonly arrowSize: Float32Array;
  readonly arrowEdge: Int32Array;
  /** Arrowhead of each edge, -1 for none. */
  readonly arrowOf: Int32Array;
  /** Bounding box of each edge's polyline: x, y, w, h (NaN for edges without one). */
  readonly edgeBox: Float32Array;
  /** Stroke width per edge, screen px at zoom 1. */
  readonly edgeWidth: Float32Array;
  /** Point halfway along each edge (NaN for edges without a polyline). */
  readonly mid: Float32Array;
}

/**
 * Stroke width of an edge: 1 px for control-only edges, else growing with the log of the tensor
 * elements it carries (a scalar ≈ 1.1 px, a thousand elements 2.2 px, a million 3.4 px, capped at
 * 4 px). Unknown sizes (0 elements) get a data edge's usual 1.25 px.
 */
export function edgeWidthPx(kind: number, elements: number): number {
  if (kind === EDGE_KIND_CONTROL) return 1;
  if (!(elements > 0)) return 1.25;
  return Math.min(4, Math.max(1, 1 + 0.4 * Math.log10(1 + elements)));
}

/** Arrowhead length in world units for an edge of width `w` px: readable at zoom 1, in scale with the line. */
export function arrowLength(w: number): number {
  return 6 + 1.6 * w;
}

/** Calls `seg` for every dash of the polyline pts[from..to) (pairs), carrying the dash phase across vertices. */
export function forEachDash(pts: Float32Array, from: number, to: number, seg: (x0: number, y0: number, x1: number, y1: number) => void): void {
  let phase = 0; // distance into the current dash+gap period
  for (let p = from; p + 1 < to; p++) {
    const x0 = pts[2 * p] as number;
    const y0 = pts[2 * p + 1] as number;
    const x1 = pts[2 * p + 2] as number;
    const y1 = pts[2 * p + 3] as number;
    const len = Math.hypot(x1 - x0, y1 - y0);
    if (len === 0) continue;
    let d = 0;
    while (d < len) {
      const inDash = phase < DASH;
      const step = Math.min(len - d, inDash ? DASH - phase : DASH + GAP - phase);
      if (inDash && step > 1e-6) {
        const a = d / len;
        const b = (d + step) / len;
        seg(x0 + (x1 - x0) * a, y0 + (y1 - y0) * a, x0 + (x1 - x0) * b, y0 + (y1 - y0) * b);
      }
      d += step;
      phase = (phase + step) % (DASH + GAP);
    }
  }
}

/** Growable float/int output, so geometry is built in one pass without a counting pass. */
class Out {
  src = new Float32Array(1024);
  dst = new Float32Array(1024);
  edge = new Int32Array(512);
  n = 0;
  push(x0: number, y0: number, x1: number, y1: number, e: number): void {
    if (this.n === this.edge.length) {
      const grow = <T extends Float32Array | Int32Array>(a: T, size: number): T => {
        const b = new (a.constructor as new (n: number) => T)(size);
        b.set(a);
        return b;
      };
      this.src = grow(this.src, 4 * this.n);
      this.dst = grow(this.dst, 4 * this.n);
      this.edge = grow(this.edge, 2 * this.n);
    }
    const k = this.n++;
    this.src[2 * k] = x0;
    this.src[2 * k + 1] = y0;
    this.dst[2 * k] = x1;
    this.dst[2 * k + 1] = y1;
    this.edge[k] = e;
  }
}

export function buildEdgeGeometry(scene: Scene): EdgeGeometry {
  const m = scene.edgeCount;
  const pts = scene.points;
  const out = new Out();
  const edgeWidth = new Float32Array(m);
  const mid = new Float32Array(2 * m).fill(NaN);
  const arrowTip = new Float32Array(2 * m);
  const arrowDir = new Float32Array(2 * m);
  const arrowSize = new Float32Array(m);
  const arrowEdge = new Int32Array(m);
  const arrowOf = new Int32Array(m).fill(-1);
  const segStart = new Int32Array(m + 1);
  const edgeBox = new Float32Array(4 * m).fill(NaN);
  let arrows = 0;
  // Scratch copy of one polyline, its last point pulled back to the arrowhead's base.
  let line = new Float32Array(64);
  for (let e = 0; e < m; e++) {
    const from = scene.pointStart[e] as number;
    const to = scene.pointStart[e + 1] as number;
    const kind = scene.edgeKind[e] as number;
    const w = edgeWidthPx(kind, scene.edgeElements[e] as number);
    edgeWidth[e] = w;
    segStart[e] = out.n;
    if (to - from < 2) continue;
    const k = to - from;
    if (line.length < 2 * k) line = new Float32Array(4 * k);
    line.set(pts.subarray(2 * from, 2 * to));
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (let p = 0; p < k; p++) {
      x0 = Math.min(x0, line[2 * p] as number);
      x1 = Math.max(x1, line[2 * p] as number);
      y0 = Math.min(y0, line[2 * p + 1] as number);
      y1 = Math.max(y1, line[2 * p + 1] as number);
    }
    edgeBox.set([x0, y0, x1 - x0, y1 - y0], 4 * e);
    // Midpoint by arc length.
    let total = 0;
    for (let p = 0; p + 1 < k; p++) total += Math.hypot((line[2 * p + 2] as number) - (line[2 * p] as number), (line[2 * p + 3] as number) - (line[2 * p + 1] as number));
    let acc = 0;
    for (let p = 0; p + 1 < k; p++) {
      const l = Math.hypot((line[2 * p + 2] as number) - (line[2 * p] as number), (line[2 * p + 3] as number) - (line[2 * p + 1] as number));
      if (acc + l >= total / 2 && l > 0) {
        const f = (total / 2 - acc) / l;
        mid[2 * e] = (line[2 * p] as number) + ((line[2 * p + 2] as number) - (line[2 * p] as number)) * f;
        mid[2 * e + 1] = (line[2 * p + 1] as number) + ((line[2 * p + 3] as number) - (line[2 * p + 1] as number)) * f;
        break;
      }
      acc += l;
    }
    // Arrowhead along the last non-degenerate segment.
    let q = k - 1;
    while (q > 0 && (line[2 * q] as number) === (line[2 * q - 2] as number) && (line[2 * q + 1] as number) === (line[2 * q - 1] as number)) q--;
    if (q > 0) {
      const tx = line[2 * q] as number;
      const ty = line[2 * q + 1] as number;
      const dx = tx - (line[2 * q - 2] as number);
      const dy = ty - (line[2 * q - 1] as number);
      const len = Math.hypot(dx, dy);
      const size = Math.min(arrowLength(w), total * 0.5);
      arrowTip[2 * arrows] = tx;
      arrowTip[2 * arrows + 1] = ty;
      arrowDir[2 * arrows] = dx / len;
      arrowDir[2 * arrows + 1] = dy / len;
      arrowSize[arrows] = size;
      arrowEdge[arrows] = e;
      arrowOf[e] = arrows;
      arrows++;
      // Stop the line inside the arrowhead (not at the tip, where a wide line would show).
      const back = Math.min(size * 0.6, len);
      line[2 * q] = tx - (dx / len) * back;
      line[2 * q + 1] = ty - (dy / len) * back;
    }
    if (kind === EDGE_KIND_CONTROL) {
      forEachDash(line, 0, q + 1, (x0, y0, x1, y1) => out.push(x0, y0, x1, y1, e));
    } else {
      for (let p = 0; p < q; p++) {
        out.push(line[2 * p] as number, line[2 * p + 1] as number, line[2 * p + 2] as number, line[2 * p + 3] as number, e);
      }
    }
  }
  segStart[m] = out.n;
  return {
    segCount: out.n,
    segStart,
    arrowOf,
    edgeBox,
    segSource: out.src.slice(0, 2 * out.n),
    segTarget: out.dst.slice(0, 2 * out.n),
    segEdge: out.edge.slice(0, out.n),
    arrowCount: arrows,
    arrowTip: arrowTip.slice(0, 2 * arrows),
    arrowDir: arrowDir.slice(0, 2 * arrows),
    arrowSize: arrowSize.slice(0, arrows),
    arrowEdge: arrowEdge.slice(0, arrows),
    edgeWidth,
    mid,
  };
}
