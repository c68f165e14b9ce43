// Layers for the labels the level-of-detail pass selected: scope titles (semi-bold, left-aligned
// in the header band, sliding along it when the view cuts the box's left edge), centred names and
// second lines, metaedge counts in small pills, tensor shapes on edges, and compare mode's diff badges. Glyphs come from
// one SDF atlas (glyph-atlas.ts) and are laid out only when the selection, the colours or (for
// titles) the view's left edge change. Sizes are in world units so text scales with its boxes.
import type { Layer } from '@deck.gl/core';
import { LABEL_COUNT, LABEL_SUB, LABEL_TENSOR, type LabelIndex } from '../../core/pipeline/draw/label-index';
import { BoxLayer } from './box-layer';
import { BADGE_BORDER, FONT_FAMILY, FONT_WEIGHT } from './label-font';
import { ATLAS_FONT_PX, GlyphAtlas } from './glyph-atlas';
import { GlyphLayer } from './glyph-layer';
import { glyphColours, layoutGlyphs, pillBoxes, type GlyphGeometry, type LabelRun, type Rgba } from './glyph-layout';
import { stickyTitleX } from './labels';
import { FLAT, type LayerFrame } from './node-layers';
import { mix, THEMES, type Rgb } from './palette';
import { EMPTY_QUADS, type QuadData } from './quad-geometry';
import type { SceneModel } from './scene-model';

/** Pills: screen px of padding around the text (x, y), corner radius and outline. */
const PILL_PADDING: [number, number, number, number] = [3, 1, 3, 1];
const PILL_RADIUS = 4;

let sharedAtlas: GlyphAtlas | null = null;

/** The label font's atlas, made on first use (it needs a 2D canvas). */
export function labelAtlas(): GlyphAtlas {
  sharedAtlas ??= GlyphAtlas.forFont(FONT_FAMILY, FONT_WEIGHT);
  return sharedAtlas;
}

type Kind = 'titles' | 'names' | 'counts' | 'badges' | 'tensors';

/** One kind of label as drawn: glyph geometry (kept while the selection and layout inputs hold), colours, pills. */
interface Laid {
  readonly layoutKey: readonly unknown[];
  readonly geometry: GlyphGeometry;
  readonly runs: readonly LabelRun[];
  readonly atlasVersion: number;
  colourKey: readonly unknown[];
  glyphs: QuadData;
  pillKey: readonly unknown[];
  pills: QuadData | null;
}

const laidOut = new WeakMap<SceneModel, Map<Kind, Laid>>();

const sameKey = (a: readonly unknown[], b: readonly unknown[]): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

interface KindInputs {
  /** What the glyph positions depend on. */
  readonly layoutKey: readonly unknown[];
  readonly runs: () => LabelRun[];
  /** What the colours depend on, and each run's colour. */
  readonly colourKey: readonly unknown[];
  readonly colour: (run: number) => Rgba;
  readonly pill: { readonly fill: Rgba; readonly line: Rgba } | null;
}

/**
 * The glyph quads (and pills) of one kind of label. Positions are laid out again only when the
 * selection, the atlas or (titles) the sticky edge change; a restyle builds a new colour array and
 * keeps the geometry arrays, so the layer re-uploads colours only.
 */
function layout(model: SceneModel, kind: Kind, k: KindInputs): Laid {
  let byKind = laidOut.get(model);
  if (!byKind) laidOut.set(model, (byKind = new Map()));
  const a = labelAtlas();
  let laid = byKind.get(kind);
  if (!laid || !sameKey(laid.layoutKey, k.layoutKey) || laid.atlasVersion !== a.version) {
    const runs = k.runs();
    for (const r of runs) a.ensure(r.text);
    const geometry = layoutGlyphs(runs, a, ATLAS_FONT_PX);
    laid = { layoutKey: k.layoutKey, geometry, runs, atlasVersion: a.version, colourKey: [], glyphs: EMPTY_QUADS, pillKey: [], pills: null };
    byKind.set(kind, laid);
  }
  if (!sameKey(laid.colourKey, k.colourKey)) {
    const g = laid.geometry;
    laid.colourKey = k.colourKey;
    laid.glyphs = {
      length: g.length,
      attributes: { getRect: { value: g.rects, size: 4 }, getUv: { value: g.uvs, size: 4 }, getColor: { value: glyphColours(g, k.colour), size: 4 } },
    };
  }
  const pillKey = [laid.geometry, ...(k.pill ? [...k.pill.fill, ...k.pill.line] : [])];
  if (k.pill && (!laid.pills || !sameKey(laid.pillKey, pillKey))) {
    laid.pillKey = pillKey;
    laid.pills = pillBoxes(laid.runs, a, ATLAS_FONT_PX, k.pill.fill, k.pill.line, 1);
  }
  return laid;
}

const rgba = (c: Rgb, a = 255): Rgba => [c[0], c[1], c[2], a];

function runsOf(l: LabelIndex, ks: readonly number[], align: number, x: (k: number) => number = (k) => l.x[k] as number): LabelRun[] {
  return ks.map((k) => ({ text: l.text[k] ?? '', x: x(k), y: l.y[k] as number, size: l.size[k] as number, align }));
}

export function labelLayers(model: SceneModel, f: LayerFrame): Layer[] {
  const t = THEMES[f.theme];
  const l = model.labels;
  const dim = model.nodeColours?.dim;
  const edgeState = model.edgeColours?.state;
  const { titles, names, counts, badges, tensors } = model.labelSplit;
  const onEdge = (k: number): boolean => l.kind[k] === LABEL_COUNT || l.kind[k] === LABEL_TENSOR;
  const faded = (k: number): boolean => (onEdge(k) ? edgeState?.[l.owner[k] as number] === 2 : dim?.[l.owner[k] as number] === 1);
  const colour = (k: number): Rgba => {
    const base = l.kind[k] === LABEL_SUB || onEdge(k) ? t.mutedText : t.text;
    return rgba(faded(k) ? mix(base, t.background, 0.7) : base);
  };
  const style = [model.styleVersion, f.theme];
  const common = { opacity: f.opacity, modelMatrix: f.modelMatrix, parameters: FLAT };
  const layers: Layer[] = [];
  const push = (kind: Kind, laid: Laid): void => {
    if (laid.pills) {
      layers.push(new BoxLayer({ ...common, id: `${f.prefix}-${kind}-pills`, quads: laid.pills, radius: PILL_RADIUS, padding: PILL_PADDING }));
    }
    layers.push(new GlyphLayer({ ...common, id: `${f.prefix}-${kind}`, quads: laid.glyphs, atlas: labelAtlas(), atlasVersion: laid.atlasVersion }));
  };
  const byRun = (ks: readonly number[]) => (r: number): Rgba => colour(ks[r] as number);
  // Layers are only made with something to draw.
  if (titles.length) {
    // Titles slide with the view's left edge: laid out again when it moves (they are few).
    const sticky = titles.some((k) => stickyTitleX(l, k, f.viewLeft) !== l.x[k]);
    push('titles', layout(model, 'titles', {
      layoutKey: [titles, sticky ? f.viewLeft : null], runs: () => runsOf(l, titles, 0, (k) => stickyTitleX(l, k, f.viewLeft)),
      colourKey: [titles, ...style], colour: byRun(titles), pill: null,
    }));
  }
  if (names.length) push('names', layout(model, 'names', { layoutKey: [names], runs: () => runsOf(l, names, 0.5), colourKey: [names, ...style], colour: byRun(names), pill: null }));
  if (counts.length) {
    push('counts', layout(model, 'counts', {
      layoutKey: [counts], runs: () => runsOf(l, counts, 0.5), colourKey: [counts, ...style], colour: byRun(counts),
      pill: { fill: rgba(t.background, 235), line: rgba(t.edgeControl) },
    }));
  }
  if (tensors.length) {
    // No outline: a tensor label reads as the edge's caption, not as one more node.
    push('tensors', layout(model, 'tensors', {
      layoutKey: [tensors], runs: () => runsOf(l, tensors, 0.5), colourKey: [tensors, ...style], colour: byRun(tensors),
      pill: { fill: rgba(t.background, 225), line: rgba(t.background, 0) },
    }));
  }
  if (badges.length) {
    const text = rgba(t.text);
    push('badges', layout(model, 'badges', {
      layoutKey: [badges], runs: () => runsOf(l, badges, 1), colourKey: [badges, f.theme], colour: () => text,
      pill: { fill: rgba(t.background, 245), line: rgba(BADGE_BORDER) },
    }));
  }
  return layers;
}
