// deck.gl text layers for the labels the level-of-detail pass selected: scope titles (semi-bold,
// left-aligned in the header band, sliding along it when the view cuts the box's left edge),
// centred names and second lines, metaedge counts in small pills, and compare mode's diff badges.
// Sizes are in world units so text scales with the boxes it belongs to.
import type { Color, Layer } from '@deck.gl/core';
import { TextLayer } from '@deck.gl/layers';
import { LABEL_COUNT, LABEL_SUB, LABEL_TITLE, stickyTitleX } from './labels';
import { FLAT, type LayerFrame } from './node-layers';
import { mix, THEMES, type Rgb } from './palette';
import type { SceneModel } from './scene-model';

/** Semi-bold: at the opening zoom (≈ 9 px text) a regular underscore is under a pixel thick and
 * fades out, and TensorFlow names are full of underscores (checked on screenshots). */
export const FONT_WEIGHT = 600;

/** Diff badges are outlined in the "mixed change" hue: they only ever sit on changed scopes. */
const BADGE_BORDER: Rgb = [236, 120, 50];

export const FONT_FAMILY = '"JetBrains Mono", "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace';

/**
 * Signed-distance-field glyphs stay sharp at every zoom. The wide buffer and radius keep an
 * underscore (a thin glyph at the bottom edge of its cell) inside its cell, and the low cutoff
 * draws glyphs a touch bolder, which small text needs (checked on screenshots).
 */
const FONT_SETTINGS = { sdf: true, fontSize: 48, buffer: 12, radius: 16, cutoff: 0.2, smoothing: 0.12 };

/** Per-model accessors, created once so deck.gl sees stable functions and recomputes only on data change. */
interface LabelAccessors {
  readonly text: (k: number) => string;
  readonly position: (k: number) => [number, number];
  readonly size: (k: number) => number;
  readonly anchor: (k: number) => 'start' | 'middle';
}

const accessorCache = new WeakMap<SceneModel, LabelAccessors>();

function accessors(model: SceneModel): LabelAccessors {
  let a = accessorCache.get(model);
  if (!a) {
    const l = model.labels;
    a = {
      text: (k) => l.text[k] ?? '',
      position: (k) => [l.x[k] as number, l.y[k] as number],
      size: (k) => l.size[k] as number,
      anchor: (k) => (l.kind[k] === LABEL_TITLE ? 'start' : 'middle'),
    };
    accessorCache.set(model, a);
  }
  return a;
}

function rgba(c: Rgb, a = 255): Color {
  return [c[0], c[1], c[2], a];
}

/** Text on a small rounded, outlined background: metaedge counts and diff badges. */
function pill(fill: Color, border: Color) {
  return {
    background: true,
    backgroundPadding: [3, 1] as [number, number],
    backgroundBorderRadius: 4,
    getBackgroundColor: fill,
    getBorderColor: border,
    getBorderWidth: 1,
  };
}

export function labelLayers(model: SceneModel, f: LayerFrame): Layer[] {
  const t = THEMES[f.theme];
  const a = accessors(model);
  const l = model.labels;
  const dim = model.nodeColours?.dim;
  const edgeState = model.edgeColours?.state;
  const { titles, names, counts, badges } = model.labelSplit;
  const faded = (k: number): boolean => (l.kind[k] === LABEL_COUNT ? edgeState?.[l.owner[k] as number] === 2 : dim?.[l.owner[k] as number] === 1);
  const colour = (k: number): Color => {
    const base = l.kind[k] === LABEL_SUB || l.kind[k] === LABEL_COUNT ? t.mutedText : t.text;
    return rgba(faded(k) ? mix(base, t.background, 0.7) : base);
  };
  const common = {
    sizeUnits: 'common' as const,
    fontFamily: FONT_FAMILY,
    fontWeight: FONT_WEIGHT,
    characterSet: 'auto' as const,
    fontSettings: FONT_SETTINGS,
    getText: a.text,
    getPosition: a.position,
    getSize: a.size,
    getColor: colour,
    getAlignmentBaseline: 'center' as const,
    updateTriggers: { getColor: [model.styleVersion, f.theme] },
    opacity: f.opacity,
    modelMatrix: f.modelMatrix,
    parameters: FLAT,
  };
  // Text layers are only created with something to draw (an empty one still builds a font atlas).
  const layers: Layer[] = [];
  if (titles.length) {
    layers.push(new TextLayer<number>({
      ...common,
      id: `${f.prefix}-titles`,
      data: titles,
      fontWeight: FONT_WEIGHT,
      getTextAnchor: 'start',
      getPosition: (k: number) => [stickyTitleX(l, k, f.viewLeft), l.y[k] as number],
      updateTriggers: { ...common.updateTriggers, getPosition: [f.viewLeft] },
    }));
  }
  if (names.length) {
    layers.push(new TextLayer<number>({
      ...common,
      id: `${f.prefix}-names`,
      data: names,
      getTextAnchor: 'middle',
    }));
  }
  if (counts.length) {
    layers.push(new TextLayer<number>({
      ...common,
      id: `${f.prefix}-counts`,
      data: counts,
      getTextAnchor: 'middle',
      ...pill(rgba(t.background, 235), rgba(t.edgeControl)),
    }));
  }
  if (badges.length) {
    layers.push(new TextLayer<number>({
      ...common,
      id: `${f.prefix}-badges`,
      data: badges,
      getTextAnchor: 'end',
      getColor: rgba(t.text),
      ...pill(rgba(t.background, 245), rgba(BADGE_BORDER)),
    }));
  }
  return layers;
}
