// Splits a scene's nodes into instance groups, one per drawn shape (deck.gl's rounded-box layer has
// one corner radius per layer), with the per-instance geometry as typed arrays: a position (box
// top-left) and a rect (0, 0, w, h) in world units. Series contribute three instances (two offset
// copies behind the front box). Built with the scene in the session worker (draw-scene.ts).
import { HEADER } from '../../layout/node-sizes';
import {
  SHAPE_CONST, SHAPE_OP, SHAPE_SCOPE, SHAPE_SCOPE_OPEN, SHAPE_SERIES, SHAPE_VARIABLE, type Scene,
} from '../scene';

export type GroupName = 'open' | 'band' | 'scope' | 'series' | 'op' | 'const' | 'variable';

/** Corner radius per group in world units (clamped to half the box by the shader, so ops are pills). */
export const GROUP_RADIUS: Readonly<Record<GroupName, number>> = {
  open: 7, band: 6, scope: 6, series: 5, op: 1e4, const: 1e4, variable: 0,
};

/** Draw order: containers first (parents before children within the group), then closed nodes. */
export const GROUP_ORDER: readonly GroupName[] = ['open', 'band', 'scope', 'series', 'op', 'const', 'variable'];

/** Offset of each copy behind a series' front box, world units. */
export const SERIES_STEP = 3;
/** Constants are drawn as a slimmer pill inside their box. */
export const CONST_INSET = 3;

export interface Group {
  readonly name: GroupName;
  /** Instances per node (3 for series). */
  readonly perNode: number;
  /** Scene slot of each instance. */
  readonly slots: Int32Array;
  readonly count: number;
  /** x, y of each instance's top-left. */
  readonly positions: Float32Array;
  /** 0, 0, width, height of each instance. */
  readonly rects: Float32Array;
}

const SHAPE_GROUP: Record<number, GroupName> = {
  [SHAPE_SCOPE_OPEN]: 'open', [SHAPE_SCOPE]: 'scope', [SHAPE_SERIES]: 'series', [SHAPE_OP]: 'op',
  [SHAPE_CONST]: 'const', [SHAPE_VARIABLE]: 'variable',
};

export function groupOfShape(shape: number): GroupName {
  return SHAPE_GROUP[shape] ?? 'op';
}

/** The instance groups of a scene, in GROUP_ORDER. */
export function buildGroups(scene: Scene): Group[] {
  const counts = new Map<GroupName, number>();
  for (let i = 0; i < scene.nodeCount; i++) {
    const g = groupOfShape(scene.shapes[i] as number);
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  counts.set('band', counts.get('open') ?? 0);
  const groups = new Map<GroupName, { slots: Int32Array; positions: Float32Array; rects: Float32Array; k: number; perNode: number }>();
  for (const name of GROUP_ORDER) {
    const perNode = name === 'series' ? 3 : 1;
    const m = (counts.get(name) ?? 0) * perNode;
    groups.set(name, { slots: new Int32Array(m), positions: new Float32Array(2 * m), rects: new Float32Array(4 * m), k: 0, perNode });
  }
  const add = (name: GroupName, slot: number, x: number, y: number, w: number, h: number): void => {
    const g = groups.get(name);
    if (!g) return;
    const k = g.k++;
    g.slots[k] = slot;
    g.positions[2 * k] = x;
    g.positions[2 * k + 1] = y;
    g.rects[4 * k + 2] = Math.max(0, w);
    g.rects[4 * k + 3] = Math.max(0, h);
  };
  const b = scene.boxes;
  for (let i = 0; i < scene.nodeCount; i++) {
    const x = b[4 * i] as number;
    const y = b[4 * i + 1] as number;
    const w = b[4 * i + 2] as number;
    const h = b[4 * i + 3] as number;
    const name = groupOfShape(scene.shapes[i] as number);
    switch (name) {
      case 'open':
        add('open', i, x, y, w, h);
        add('band', i, x, y, w, Math.min(h, HEADER));
        break;
      case 'series': {
        const s = SERIES_STEP;
        add('series', i, x + 2 * s, y + 2 * s, w - 2 * s, h - 2 * s);
        add('series', i, x + s, y + s, w - 2 * s, h - 2 * s);
        add('series', i, x, y, w - 2 * s, h - 2 * s);
        break;
      }
      case 'const':
        add('const', i, x, y + CONST_INSET, w, h - 2 * CONST_INSET);
        break;
      default:
        add(name, i, x, y, w, h);
    }
  }
  return GROUP_ORDER.map((name) => {
    const g = groups.get(name);
    if (!g) throw new Error(`group ${name} missing`);
    return { name, perNode: g.perNode, slots: g.slots, count: g.k, positions: g.positions, rects: g.rects };
  });
}
