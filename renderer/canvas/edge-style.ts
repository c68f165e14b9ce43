// Per-segment and per-arrowhead colours and widths of the edges for the current theme and
// highlight: data, control and reference edges in their colours; with a trace, edges between
// traced nodes in the accent colour and the rest faded; without one, the selected node's edges
// (for an open scope, its connections outside, not its inner wiring).
import { slotOf, type DrawScene } from '../../core/pipeline/draw/draw-scene';
import { EDGE_KIND_CONTROL, EDGE_KIND_REF, SHAPE_SCOPE_OPEN } from '../../core/pipeline/scene';
import type { CanvasStyle, Highlight } from './node-style';
import { mix, THEMES, type Rgb } from './palette';

export interface EdgeColours {
  readonly segColour: Uint8Array;
  readonly segWidth: Float32Array;
  readonly arrowColour: Uint8Array;
  /** Per edge: 1 when highlighted (trace or selection), 2 when faded, 0 otherwise. */
  readonly state: Uint8Array;
}

export const EDGE_NORMAL = 0;
export const EDGE_HIGHLIGHT = 1;
export const EDGE_FADED = 2;

export function edgeStates(scene: DrawScene, h: Highlight): Uint8Array {
  const m = scene.edgeCount;
  const state = new Uint8Array(m);
  if (h.traced) {
    for (let e = 0; e < m; e++) {
      state[e] = h.traced.has(scene.edgeFrom[e] as number) && h.traced.has(scene.edgeTo[e] as number) ? EDGE_HIGHLIGHT : EDGE_FADED;
    }
  } else if (h.selected >= 0) {
    const inside = insideOpenScope(scene, h.selected);
    for (let e = 0; e < m; e++) {
      const from = scene.edgeFrom[e] as number;
      const to = scene.edgeTo[e] as number;
      if (from !== h.selected && to !== h.selected) continue;
      // An open scope's own edges include the legs from its border to its children: those are
      // its inner wiring, not its connections, and stay unhighlighted.
      if (inside && (inside.has(from) || inside.has(to))) continue;
      state[e] = EDGE_HIGHLIGHT;
    }
  }
  return state;
}

/** Ids of the nodes drawn inside `id` when it is an open scope (parents precede children in a scene), else null. */
function insideOpenScope(scene: DrawScene, id: number): Set<number> | null {
  const slot = slotOf(scene, id);
  if (slot < 0 || scene.shapes[slot] !== SHAPE_SCOPE_OPEN) return null;
  const within = new Uint8Array(scene.nodeCount);
  const out = new Set<number>();
  for (let i = slot + 1; i < scene.nodeCount; i++) {
    const p = scene.parentSlot[i] as number;
    if (p === slot || (p >= 0 && within[p] === 1)) {
      within[i] = 1;
      out.add(scene.ids[i] as number);
    }
  }
  return out;
}

export function computeEdgeColours(scene: DrawScene, style: CanvasStyle, h: Highlight): EdgeColours {
  const t = THEMES[style.theme];
  const g = scene.shape.edges;
  const state = edgeStates(scene, h);
  const m = scene.edgeCount;
  // Colour per edge first (few edges, many segments), then gathered per segment.
  const colour = new Uint8Array(4 * m);
  for (let e = 0; e < m; e++) {
    const kind = scene.edgeKind[e] as number;
    let c: Rgb = kind === EDGE_KIND_REF ? t.edgeRef : kind === EDGE_KIND_CONTROL ? t.edgeControl : t.edgeData;
    let a = 255;
    const s = state[e] as number;
    if (s === EDGE_HIGHLIGHT) c = kind === EDGE_KIND_REF ? t.edgeRef : t.accent;
    else if (s === EDGE_FADED) {
      c = mix(c, t.background, 0.7);
      a = 200;
    }
    colour[4 * e] = c[0];
    colour[4 * e + 1] = c[1];
    colour[4 * e + 2] = c[2];
    colour[4 * e + 3] = a;
  }
  const segColour = new Uint8Array(4 * g.segCount);
  const segWidth = new Float32Array(g.segCount);
  for (let k = 0; k < g.segCount; k++) {
    const e = g.segEdge[k] as number;
    segColour.set(colour.subarray(4 * e, 4 * e + 4), 4 * k);
    segWidth[k] = (g.edgeWidth[e] as number) + (state[e] === EDGE_HIGHLIGHT ? 1 : 0);
  }
  const arrowColour = new Uint8Array(4 * g.arrowCount);
  for (let k = 0; k < g.arrowCount; k++) {
    const e = g.arrowEdge[k] as number;
    arrowColour.set(colour.subarray(4 * e, 4 * e + 4), 4 * k);
  }
  return { segColour, segWidth, arrowColour, state };
}
