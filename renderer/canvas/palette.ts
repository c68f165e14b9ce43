// Colours of the graph canvas: the light and dark themes, the categorical palette and the
// sequential ramp of the colouring modes, and the legend the React UI shows beside the canvas.
// Pure (no DOM, no deck.gl) so that the legend and the canvas share one source of truth.
import { KIND_REENTRY, kindOfCode } from '../../core/pipeline/scope-kind-codes';
import { KIND_COLOURS, KIND_LEGEND } from './scope-kinds';
import type { CategoricalMode, ColourMode, Scene } from '../../core/pipeline/scene';
import { formatBytesBinary } from '../../common/format-bytes';

export type Rgb = readonly [number, number, number];
export type ThemeName = 'light' | 'dark';

export interface ThemeColours {
  readonly background: Rgb;
  /** Open scope fills, by depth (cycled), and the stroke of every scope. */
  readonly openFills: readonly Rgb[];
  readonly scopeStroke: Rgb;
  /** Closed scopes without a category (structure mode) and their stroke. */
  readonly scope: Rgb;
  readonly op: Rgb;
  readonly opStroke: Rgb;
  readonly constant: Rgb;
  readonly variable: Rgb;
  readonly variableStroke: Rgb;
  readonly series: Rgb;
  readonly seriesStroke: Rgb;
  /** Nodes with no category or no figure in the current mode. */
  readonly unknown: Rgb;
  readonly text: Rgb;
  readonly mutedText: Rgb;
  readonly edgeData: Rgb;
  readonly edgeControl: Rgb;
  readonly edgeRef: Rgb;
  readonly accent: Rgb;
  readonly hover: Rgb;
  readonly match: Rgb;
  readonly minimapBox: Rgb;
}

export const THEMES: Readonly<Record<ThemeName, ThemeColours>> = {
  light: {
    background: [250, 251, 252],
    openFills: [[243, 246, 250], [235, 240, 247], [246, 248, 251], [238, 242, 248]],
    scopeStroke: [160, 174, 196],
    scope: [220, 229, 242],
    op: [255, 255, 255],
    opStroke: [150, 160, 174],
    constant: [238, 240, 243],
    variable: [250, 244, 228],
    variableStroke: [176, 150, 96],
    series: [236, 236, 249],
    seriesStroke: [134, 138, 190],
    unknown: [222, 225, 230],
    text: [31, 41, 51],
    mutedText: [102, 112, 124],
    edgeData: [120, 132, 148],
    edgeControl: [160, 169, 181],
    edgeRef: [224, 123, 36],
    accent: [26, 115, 232],
    hover: [91, 155, 240],
    match: [242, 161, 0],
    minimapBox: [190, 202, 220],
  },
  dark: {
    background: [30, 33, 39],
    openFills: [[38, 42, 50], [44, 49, 58], [36, 40, 47], [42, 47, 56]],
    scopeStroke: [86, 97, 116],
    scope: [52, 63, 82],
    op: [48, 53, 62],
    opStroke: [112, 122, 138],
    constant: [42, 46, 54],
    variable: [66, 58, 42],
    variableStroke: [168, 140, 84],
    series: [54, 54, 78],
    seriesStroke: [128, 132, 186],
    unknown: [62, 66, 74],
    text: [221, 227, 234],
    mutedText: [150, 160, 174],
    edgeData: [136, 147, 163],
    edgeControl: [104, 113, 128],
    edgeRef: [236, 146, 64],
    accent: [88, 166, 255],
    hover: [130, 180, 250],
    match: [250, 190, 60],
    minimapBox: [78, 90, 110],
  },
};

/** Twelve calm, distinguishable hues (Tableau 10 plus two), readable under dark text once lightened. */
const CATEGORICAL: readonly Rgb[] = [
  [78, 121, 167], [242, 142, 43], [225, 87, 89], [118, 183, 178], [89, 161, 79], [237, 201, 72],
  [176, 122, 161], [255, 157, 167], [156, 117, 95], [134, 188, 182], [212, 166, 200], [148, 160, 60],
];
export const PALETTE_SIZE = CATEGORICAL.length;

/** Colour of palette slot `key` (cycled); -1 is the neutral grey of "no category". */
export function categoricalColour(key: number): Rgb {
  if (key < 0) return [170, 176, 186];
  return CATEGORICAL[key % PALETTE_SIZE] as Rgb;
}

/** A palette slot read off a category name alone: for scenes without graph-wide ranks (previews). */
function hashSlot(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return (h >>> 0) % PALETTE_SIZE;
}

/** Category frequencies of a scene in a mode: [key, count] sorted by count, descending, then key. */
export function categoryCounts(scene: Scene, mode: CategoricalMode): [number, number][] {
  const counts = new Map<number, number>();
  const keys = scene.keys[mode];
  for (let i = 0; i < scene.nodeCount; i++) {
    const k = keys[i] as number;
    if (k >= 0) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
}

/**
 * Palette slot per scene key of `mode`: the category's rank in the whole graph (Scene.ranks), so
 * the colours depend on the graph's content only, never on what was opened or expanded before,
 * and the graph's most common categories differ as long as the palette allows.
 */
export function categorySlots(scene: Scene, mode: CategoricalMode): Int32Array {
  const ranks = scene.ranks?.[mode];
  return Int32Array.from(scene.tables[mode], (name, k) => {
    const r = ranks?.[k] ?? -1;
    return r >= 0 ? r % PALETTE_SIZE : hashSlot(name);
  });
}

/**
 * Compare mode, by diff code (DIFF_STATUSES order, then DIFF_MIXED): same has none (it keeps the
 * shape's neutral colour), then the conventional diff hues — green added, red removed — and
 * distinct ones for changed attributes, moves, renames and scopes holding a mix.
 */
export const DIFF_COLOURS: readonly (Rgb | null)[] = [
  null, [230, 159, 0], [66, 133, 244], [156, 96, 220], [52, 168, 83], [219, 68, 55], [236, 120, 50],
];
export const DIFF_LABELS: readonly string[] = ['same', 'attributes changed', 'moved to another scope', 'renamed', 'added (only in B)', 'removed (only in A)', 'mixed changes inside'];

/** Sequential ramp (pale yellow → orange → red-brown) for compute time and memory. */
const RAMP: readonly Rgb[] = [[255, 247, 210], [254, 217, 118], [253, 161, 70], [236, 102, 44], [196, 58, 36]];

/** Ramp colour at t in [0, 1]. */
export function rampColour(t: number): Rgb {
  const x = Math.min(1, Math.max(0, t)) * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(x));
  const a = RAMP[i] as Rgb;
  const b = RAMP[i + 1] as Rgb;
  const f = x - i;
  return [Math.round(a[0] + (b[0] - a[0]) * f), Math.round(a[1] + (b[1] - a[1]) * f), Math.round(a[2] + (b[2] - a[2]) * f)];
}

/** log10 range of the positive finite values, or null when there are none. */
export function logRange(values: Float32Array | null): { lo: number; hi: number } | null {
  if (!values) return null;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!(v > 0) || !Number.isFinite(v)) continue;
    const l = Math.log10(v);
    if (l < lo) lo = l;
    if (l > hi) hi = l;
  }
  return lo <= hi ? { lo, hi } : null;
}

/** Position of `v` on the ramp of `range` (0 for zero, NaN for unknown). */
export function rampPosition(v: number, range: { lo: number; hi: number }): number {
  if (Number.isNaN(v)) return NaN;
  if (v <= 0) return 0;
  return range.hi > range.lo ? (Math.log10(v) - range.lo) / (range.hi - range.lo) : 1;
}

export function formatMicros(us: number): string {
  if (us >= 1e6) return `${(us / 1e6).toPrecision(3)} s`;
  if (us >= 1e3) return `${(us / 1e3).toPrecision(3)} ms`;
  return `${us.toPrecision(3)} µs`;
}

export interface LegendEntry {
  readonly label: string;
  readonly colour: [number, number, number];
  /** A category name (a device, a template): the legend may shorten it, keeping what tells it apart. */
  readonly category?: boolean;
}

const LEGEND_MAX = 12;

/**
 * What the colours of `mode` mean in `scene`: the most frequent categories (and "other" when some
 * nodes have none or fall outside the list), or a few stops of the ramp with their values.
 */
export function legendFor(scene: Scene, mode: ColourMode): LegendEntry[] {
  if (mode === 'diff') {
    const diff = scene.diff;
    if (!diff) return [{ label: 'no diff (open two graphs with Compare)', colour: [...categoricalColour(-1)] }];
    const present = new Set(diff);
    return DIFF_LABELS.map((label, code) => ({ label, code })).filter((e) => present.has(e.code))
      .map(({ label, code }) => ({ label, colour: [...(DIFF_COLOURS[code] ?? THEMES.light.op)] as [number, number, number] }));
  }
  if (mode === 'kind') return kindLegend(scene);
  if (mode === 'compute' || mode === 'memory') {
    const range = logRange(scene[mode]);
    if (!range) return [{ label: 'no figures', colour: [...categoricalColour(-1)] }];
    const fmt = mode === 'compute' ? formatMicros : formatBytesBinary;
    const stops = range.hi > range.lo ? 5 : 1;
    const out: LegendEntry[] = [];
    for (let s = 0; s < stops; s++) {
      const t = stops === 1 ? 1 : s / (stops - 1);
      out.push({ label: fmt(10 ** (range.lo + t * (range.hi - range.lo))), colour: [...rampColour(t)] });
    }
    return out;
  }
  const counts = categoryCounts(scene, mode);
  const slotOf = categorySlots(scene, mode);
  const table = scene.tables[mode];
  const out: LegendEntry[] = counts.slice(0, LEGEND_MAX).map(([key]) => ({
    label: table[key] ?? `#${key}`,
    colour: [...categoricalColour(slotOf[key] ?? -1)],
    category: true,
  }));
  const listed = counts.slice(0, LEGEND_MAX).reduce((s, [, c]) => s + c, 0);
  if (listed < scene.nodeCount) out.push({ label: mode === 'structure' ? 'unique scope / op' : 'other / none', colour: [...categoricalColour(-1)] });
  return out;
}

/** `a` mixed toward `b` by f (0: a, 1: b). */
export function mix(a: Rgb, b: Rgb, f: number): Rgb {
  return [Math.round(a[0] + (b[0] - a[0]) * f), Math.round(a[1] + (b[1] - a[1]) * f), Math.round(a[2] + (b[2] - a[2]) * f)];
}

export function cssColour(c: Rgb, alpha = 1): string {
  return alpha >= 1 ? `rgb(${c[0]},${c[1]},${c[2]})` : `rgba(${c[0]},${c[1]},${c[2]},${alpha})`;
}

/** Colour by scope kind: the kinds present, one line each, and the re-entry border when some box has it. */
function kindLegend(scene: Scene): LegendEntry[] {
  const codes = scene.scopeKinds;
  if (!codes) return [{ label: 'no scopes', colour: [...categoricalColour(-1)] }];
  const present = new Set<string>();
  let reentry = false;
  for (const code of codes) {
    const kind = kindOfCode(code);
    if (kind) present.add(kind === 'gradient-of' ? 'gradients' : kind);
    if (code & KIND_REENTRY) reentry = true;
  }
  const out: LegendEntry[] = KIND_LEGEND.filter((e) => present.has(e.kind)).map((e) => ({ label: e.label, colour: [...KIND_COLOURS[e.kind]] as [number, number, number] }));
  if (reentry) out.push({ label: 'heavy dark border: a scope entered again (s_1 beside s)', colour: [40, 40, 50] });
  return out;
}
