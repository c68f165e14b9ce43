// Per-node colours for the current theme, colouring mode and highlight: fill, stroke, stroke width,
// the title-band fill of open scopes and a dim flag for labels, one slot per scene node. Pure typed
// array work, redone when the style or highlight changes (never per frame).
import { SHAPE_CONST, SHAPE_SCOPE, SHAPE_SCOPE_OPEN, SHAPE_SERIES, SHAPE_VARIABLE, type ColourMode, type Scene } from '../../core/pipeline/scene';
import { KIND_REENTRY, kindOfCode } from '../../core/pipeline/scope-kind-codes';
import { KIND_COLOURS } from './scope-kinds';
import { categoricalColour, categorySlots, DIFF_COLOURS, logRange, mix, rampColour, rampPosition, THEMES, type Rgb, type ThemeName } from './palette';

export interface CanvasStyle {
  readonly theme: ThemeName;
  readonly colourMode: ColourMode;
}

export interface Highlight {
  /** Hierarchy ids; -1 for none. */
  readonly selected: number;
  readonly hovered: number;
  /** When set, these nodes stay bright and the others dim. */
  readonly traced: ReadonlySet<number> | null;
  /** Search matches, outlined. */
  readonly matches: ReadonlySet<number> | null;
}

export const NO_HIGHLIGHT: Highlight = { selected: -1, hovered: -1, traced: null, matches: null };

export interface NodeColours {
  /** RGBA per slot. */
  readonly fill: Uint8Array;
  readonly line: Uint8Array;
  /** Title band of open scopes (RGBA per slot; unused for other shapes). */
  readonly band: Uint8Array;
  /** Stroke width in screen px per slot. */
  readonly lineWidth: Float32Array;
  /** 1 when the node is dimmed by a trace (its labels fade too). */
  readonly dim: Uint8Array;
}

/** Alpha of nodes in the auxiliary column: present but secondary. */
const AUX_ALPHA = 200;
/** How far dimmed nodes move toward the background. */
const DIM = 0.78;
const DIM_OPEN = 0.55;

function put(out: Uint8Array, i: number, c: Rgb, a: number): void {
  out[4 * i] = c[0];
  out[4 * i + 1] = c[1];
  out[4 * i + 2] = c[2];
  out[4 * i + 3] = a;
}

/** The fill and stroke of a closed node whose mode colour is `c` (null: the shape's neutral colour). */
function tinted(c: Rgb, dark: boolean): [Rgb, Rgb] {
  return dark ? [mix(c, [36, 40, 48], 0.55), mix(c, [255, 255, 255], 0.15)] : [mix(c, [255, 255, 255], 0.55), mix(c, [40, 44, 52], 0.3)];
}

export function computeNodeColours(scene: Scene, style: CanvasStyle, h: Highlight): NodeColours {
  const n = scene.nodeCount;
  const t = THEMES[style.theme];
  const dark = style.theme === 'dark';
  const fill = new Uint8Array(4 * n);
  const line = new Uint8Array(4 * n);
  const band = new Uint8Array(4 * n);
  const lineWidth = new Float32Array(n);
  const dim = new Uint8Array(n);
  const mode = style.colourMode;
  const numeric = mode === 'compute' || mode === 'memory' ? scene[mode] : null;
  const range = numeric ? logRange(numeric) : null;
  const categorical = mode === 'compute' || mode === 'memory' || mode === 'diff' || mode === 'kind' ? null : mode;
  const keys = categorical ? scene.keys[categorical] : null;
  const slotOf = categorical ? categorySlots(scene, categorical) : null;
  const diff = mode === 'diff' ? scene.diff : null;
  const kinds = mode === 'kind' ? (scene.scopeKinds ?? null) : null;
  const bandShade: Rgb = dark ? [255, 255, 255] : [60, 80, 110];
  for (let i = 0; i < n; i++) {
    const shape = scene.shapes[i] as number;
    const depth = scene.depth[i] as number;
    let f: Rgb;
    let l: Rgb;
    let w = 1;
    // The mode's colour for this node, or null when it keeps its shape's neutral colour.
    let c: Rgb | null = null;
    if (keys && slotOf) {
      const k = keys[i] as number;
      if (k >= 0) c = categoricalColour(slotOf[k] ?? -1);
      else if (mode !== 'structure') c = t.unknown;
    } else if (numeric) {
      const p = range ? rampPosition(numeric[i] as number, range) : NaN;
      c = Number.isNaN(p) ? t.unknown : dark ? mix(rampColour(p), [30, 33, 39], 0.25) : rampColour(p);
    } else if (diff) {
      c = DIFF_COLOURS[diff[i] as number] ?? null;
    } else if (kinds) {
      const kind = kindOfCode(kinds[i] as number);
      c = kind ? KIND_COLOURS[kind] : null;
    }
    const reentry = kinds !== null && ((kinds[i] as number) & KIND_REENTRY) !== 0;
    if (shape === SHAPE_SCOPE_OPEN) {
      f = t.openFills[depth % t.openFills.length] as Rgb;
      // Containers stay pale in every mode; structure mode tints the ones sharing a template.
      const tint = mode === 'structure' || mode === 'diff' || mode === 'kind' ? c : null;
      if (tint) f = mix(f, tint, dark ? 0.16 : mode === 'kind' ? 0.16 : 0.1);
      l = t.scopeStroke;
      put(band, i, mix(f, tint ?? bandShade, mode === 'diff' && tint ? 0.3 : dark ? 0.06 : 0.07), 255);
    } else if (c && (mode !== 'structure' || shape === SHAPE_SCOPE)) {
      [f, l] = tinted(c, dark);
      if (numeric) l = t.opStroke;
      w = shape === SHAPE_SCOPE ? 1.25 : 1;
      // A changed node's border carries the full hue so that small boxes still read as changed.
      if (diff) {
        l = c;
        w = 2;
      }
    } else {
      switch (shape) {
        case SHAPE_SCOPE: f = t.scope; l = t.scopeStroke; w = 1.25; break;
        case SHAPE_CONST: f = t.constant; l = t.opStroke; break;
        case SHAPE_VARIABLE: f = t.variable; l = t.variableStroke; break;
        case SHAPE_SERIES: f = t.series; l = t.seriesStroke; break;
        default: f = t.op; l = t.opStroke;
      }
    }
    // A re-entered scope (`s_1` beside `s`) keeps its kind's fill under a heavy, dark border.
    if (reentry && c) {
      l = mix(c, dark ? [255, 255, 255] : [20, 20, 30], 0.5);
      w = 3;
    }
    const id = scene.ids[i] as number;
    if (h.matches?.has(id)) {
      // An open scope is a container: outlined only, so that its contents stay readable.
      if (shape !== SHAPE_SCOPE_OPEN) f = mix(f, t.match, 0.3);
      l = t.match;
      w = 2;
    }
    if (h.traced && !h.traced.has(id)) {
      const k = shape === SHAPE_SCOPE_OPEN ? DIM_OPEN : DIM;
      f = mix(f, t.background, k);
      l = mix(l, t.background, k);
      dim[i] = 1;
      if (shape === SHAPE_SCOPE_OPEN) put(band, i, f, 255);
    }
    const a = scene.aux[i] ? AUX_ALPHA : 255;
    put(fill, i, f, a);
    put(line, i, l, a);
    lineWidth[i] = w;
  }
  return { fill, line, band, lineWidth, dim };
}
