// Layers for node boxes: one rounded-box layer (box-layer.ts, in world units) per shape group,
// and the selection / hover rings.
// The layer measures corner radii and strokes in screen px, so radii are converted from world
// units at the current zoom (a uniform: no attribute work while zooming).
import type { Layer } from '@deck.gl/core';
import { CONST_INSET, GROUP_RADIUS, groupOfShape, type GroupName } from '../../core/pipeline/draw/scene-groups';
import { SHAPE_CONST } from '../../core/pipeline/scene';
import { BoxLayer } from './box-layer';
import { EMPTY_QUADS, type QuadData } from './quad-geometry';
import type { Rect } from './camera';
import type { Highlight } from './node-style';
import { THEMES, type Rgb, type ThemeName } from './palette';
import type { SceneModel } from './scene-model';

/** What differs between the layers of the current scene and those of one fading out. */
export interface LayerFrame {
  /** Layer id prefix (one per scene generation, so a fading scene keeps its GPU buffers). */
  readonly prefix: string;
  readonly zoom: number;
  readonly opacity: number;
  /** Translation applied to a fading scene so it stays aligned with the new one. */
  readonly modelMatrix: Float32Array | null;
  readonly pickable: boolean;
  readonly theme: ThemeName;
  /** World x of the view's left edge (open-scope titles stick to it). */
  readonly viewLeft: number;
}

/** All layers share the z = 0 plane: draw order decides, never the depth buffer. */
export const FLAT = { depthCompare: 'always', depthWriteEnabled: false } as const;
const OPAQUE = { ...FLAT, blend: false } as const;

export function translation(dx: number, dy: number): Float32Array {
  return Float32Array.of(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, dx, dy, 0, 1);
}

/** Corner radius in screen px of a group at `zoom` (the band's top corners only). */
function radiusPx(name: GroupName, zoom: number): number | [number, number, number, number] {
  // Under a pixel a rounded corner cannot be seen.
  const r = GROUP_RADIUS[name] * 2 ** zoom >= 1 ? Math.min(1e4, GROUP_RADIUS[name] * 2 ** zoom) : 0;
  // Corner order: top-left, top-right, bottom-right, bottom-left.
  return name === 'band' && r > 0 ? [r, r, 0, 0] : r;
}

export function nodeLayers(model: SceneModel, f: LayerFrame): Layer[] {
  return model.groups.map((g, k) => {
    const data = model.groupData[k];
    const radius = radiusPx(g.name, f.zoom);
    // Open scopes are opaque and cover most of the screen: with square corners and no fade they
    // need no blending, which saves fill rate where it is scarcest (software rasterisers).
    const opaque = (g.name === 'open' || g.name === 'band') && radius === 0 && f.opacity >= 1;
    return new BoxLayer({
      id: `${f.prefix}-node-${g.name}`,
      quads: data ?? EMPTY_QUADS,
      visible: g.count > 0,
      radius,
      // The band is inset by 1 px so that the open box's outline, drawn under it, stays visible.
      padding: g.name === 'band' ? [-1, -1, -1, 0] : [0, 0, 0, 0],
      pickable: f.pickable && g.name !== 'band',
      opacity: f.opacity,
      modelMatrix: f.modelMatrix,
      parameters: opaque ? OPAQUE : FLAT,
    });
  });
}

/** One box's instance data (rings and other single shapes). */
export function singleBox(r: Rect, fill: readonly number[], line: readonly number[], lineWidth: number): QuadData {
  return {
    length: 1,
    attributes: {
      getPosition: { value: Float32Array.of(r.x, r.y), size: 2 },
      getBoundingRect: { value: Float32Array.of(0, 0, r.width, r.height), size: 4 },
      getFillColor: { value: Uint8Array.from(fill), size: 4 },
      getLineColor: { value: Uint8Array.from(line), size: 4 },
      getLineWidth: { value: Float32Array.of(lineWidth), size: 1 },
    },
  };
}

interface Ring {
  readonly rect: Rect;
  readonly radius: number;
  readonly colour: Rgb;
  readonly width: number;
}

function ringFor(model: SceneModel, id: number, colour: Rgb, width: number): Ring | null {
  const slot = model.slotOf(id);
  if (slot < 0) return null;
  const box = model.box(slot);
  const shape = model.scene.shapes[slot] as number;
  const rect = shape === SHAPE_CONST ? { ...box, y: box.y + CONST_INSET, height: box.height - 2 * CONST_INSET } : box;
  return { rect, radius: GROUP_RADIUS[groupOfShape(shape)], colour, width };
}

const ringCache = new WeakMap<SceneModel, Map<string, { key: string; quads: QuadData }>>();

/** A ring's instance data, kept while it is unchanged (rings are rebuilt with every frame's layers). */
function ringQuads(model: SceneModel, name: string, ring: Ring): QuadData {
  let byName = ringCache.get(model);
  if (!byName) ringCache.set(model, (byName = new Map()));
  const r = ring.rect;
  const key = [r.x, r.y, r.width, r.height, ...ring.colour, ring.width].join(',');
  const have = byName.get(name);
  if (have?.key === key) return have.quads;
  const quads = singleBox(r, [0, 0, 0, 0], [...ring.colour, 255], ring.width);
  byName.set(name, { key, quads });
  return quads;
}

/** Rings around the hovered and the selected node, drawn just outside their boxes. */
export function ringLayers(model: SceneModel, h: Highlight, f: LayerFrame): Layer[] {
  const t = THEMES[f.theme];
  const rings: [string, Ring | null][] = [
    ['hover', h.hovered !== h.selected ? ringFor(model, h.hovered, t.hover, 1.5) : null],
    ['selected', ringFor(model, h.selected, t.accent, 2.5)],
  ];
  const out: Layer[] = [];
  for (const [name, ring] of rings) {
    if (!ring) continue;
    const pad = ring.width + 1;
    out.push(new BoxLayer({
      id: `${f.prefix}-ring-${name}`,
      quads: ringQuads(model, name, ring),
      radius: Math.min(1e4, ring.radius * 2 ** f.zoom) + pad,
      padding: [pad, pad, pad, pad],
      opacity: f.opacity,
      parameters: FLAT,
    }));
  }
  return out;
}
