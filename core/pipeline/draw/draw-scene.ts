// The scene as the canvas draws it, shaped once where it is built (in the session worker): instance
// groups per shape, edge segments and arrowheads, the label index, the id → slot table, the extent
// and each edge's end slots. Its typed arrays travel to the UI thread transferred, not copied, so
// the canvas only culls, styles and picks labels. Every scene the canvas or an export draws went
// through `shapeScene` after its last change (views, previews, compare mode's marks, the benches).
import { sceneBuffers, type Scene } from '../scene';
import { buildEdgeGeometry, type EdgeGeometry } from './edge-geometry';
import { buildLabelIndex, type LabelIndex } from './label-index';
import { buildGroups, type Group } from './scene-groups';
import { slotIn, slotTable } from './scene-slots';

/** A world rectangle (the canvas's Rect). */
export interface Bounds {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface SceneShape {
  readonly groups: readonly Group[];
  readonly edges: EdgeGeometry;
  readonly labels: LabelIndex;
  /** The scene's extent, world units. */
  readonly bounds: Bounds;
  /** Hierarchy id → slot (scene-slots.ts). */
  readonly slots: Int32Array;
  /** Scene slots of each edge's two ends (-1 when not drawn), for the edge level of detail. */
  readonly edgeEnds: Int32Array;
  /** Arrowheads as lines from base to tip (the canvas tapers them to a point), and their widths. */
  readonly arrowBase: Float32Array;
  readonly arrowWidth: Float32Array;
}

export interface DrawScene extends Scene {
  readonly shape: SceneShape;
}

/** `scene` with its drawing shape; call it after the scene's last change (labels, badges, edge labels). */
export function shapeScene(scene: Scene): DrawScene {
  const slots = slotTable(scene.ids, scene.nodeCount);
  const edges = buildEdgeGeometry(scene);
  const edgeEnds = new Int32Array(2 * scene.edgeCount);
  for (let k = 0; k < scene.edgeCount; k++) {
    edgeEnds[2 * k] = slotIn(slots, scene.edgeFrom[k] as number);
    edgeEnds[2 * k + 1] = slotIn(slots, scene.edgeTo[k] as number);
  }
  const arrowBase = new Float32Array(2 * edges.arrowCount);
  const arrowWidth = new Float32Array(edges.arrowCount);
  for (let k = 0; k < edges.arrowCount; k++) {
    const s = edges.arrowSize[k] as number;
    arrowBase[2 * k] = (edges.arrowTip[2 * k] as number) - (edges.arrowDir[2 * k] as number) * s;
    arrowBase[2 * k + 1] = (edges.arrowTip[2 * k + 1] as number) - (edges.arrowDir[2 * k + 1] as number) * s;
    arrowWidth[k] = s * 0.78;
  }
  const shape: SceneShape = {
    groups: buildGroups(scene), edges, labels: buildLabelIndex(scene, edges), bounds: sceneBounds(scene), slots, edgeEnds, arrowBase, arrowWidth,
  };
  return { ...scene, shape };
}

/** The slot of hierarchy id `id` in `scene`, or -1. */
export function slotOf(scene: Pick<DrawScene, 'shape'>, id: number): number {
  return slotIn(scene.shape.slots, id);
}

/** The scene's extent: every box, and the scene's own size (edges may reach past the outermost boxes). */
export function sceneBounds(scene: Scene): Bounds {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  const b = scene.boxes;
  for (let i = 0; i < scene.nodeCount; i++) {
    const x = b[4 * i] as number;
    const y = b[4 * i + 1] as number;
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x + (b[4 * i + 2] as number));
    y1 = Math.max(y1, y + (b[4 * i + 3] as number));
  }
  if (x0 > x1) return { x: 0, y: 0, width: Math.max(1, scene.width), height: Math.max(1, scene.height) };
  x1 = Math.max(x1, scene.width);
  y1 = Math.max(y1, scene.height);
  x0 = Math.min(x0, 0);
  y0 = Math.min(y0, 0);
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** The typed arrays of a shaped scene, for postMessage's transfer list. */
export function drawSceneBuffers(s: DrawScene): ArrayBuffer[] {
  const { groups, edges: e, labels: l, slots, edgeEnds, arrowBase, arrowWidth } = s.shape;
  const arrays = [
    ...groups.flatMap((g) => [g.slots, g.positions, g.rects]),
    e.segSource, e.segTarget, e.segEdge, e.segStart, e.arrowTip, e.arrowDir, e.arrowSize, e.arrowEdge, e.arrowOf, e.edgeBox, e.edgeWidth, e.mid,
    l.kind, l.owner, l.x, l.y, l.size, l.box, l.order,
    slots, edgeEnds, arrowBase, arrowWidth,
  ];
  return [...sceneBuffers(s), ...arrays.map((a) => a.buffer as ArrayBuffer)];
}
