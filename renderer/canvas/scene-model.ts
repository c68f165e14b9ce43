// Everything drawn for one scene: the shape the session worker built with it (instance groups,
// edge geometry, the label index, the id → slot table; core/pipeline/draw/draw-scene.ts), and the
// binary attribute objects the deck.gl layers read for the instances culling and level of detail
// keep (rebuilt when the view leaves the culling window). Restyling swaps only colour attributes;
// geometry descriptors keep their identity so deck.gl does not re-upload them. No deck.gl import:
// layers are built from this in the *-layers modules.
import { slotOf, type DrawScene } from '../../core/pipeline/draw/draw-scene';
import type { EdgeGeometry } from '../../core/pipeline/draw/edge-geometry';
import { LABEL_BADGE, LABEL_COUNT, LABEL_TENSOR, LABEL_TITLE, type LabelIndex } from '../../core/pipeline/draw/label-index';
import type { Group } from '../../core/pipeline/draw/scene-groups';
import type { Rect } from './camera';
import { computeEdgeColours, type EdgeColours } from './edge-style';
import { gatherColours, type GroupColours } from './group-colours';
import { LABEL_OPTIONS, LabelWindow, selectLabels } from './labels';
import { EMPTY_QUADS, type QuadAttributeData, type QuadData } from './quad-geometry';
import { computeNodeColours, type CanvasStyle, type Highlight, type NodeColours } from './node-style';
import { CullWindow, selectVisible, type EdgeEnds, type Visible } from './visibility';

const f32 = (value: Float32Array, size: number): QuadAttributeData => ({ value, size });
const rgba = (value: Uint8Array): QuadAttributeData => ({ value, size: 4 });

export class SceneModel {
  /** Per-group data of the instances drawn now (subset geometry plus colours). */
  groupData: QuadData[] = [];
  edgeData: QuadData = EMPTY_QUADS;
  arrowData: QuadData = EMPTY_QUADS;
  nodeColours: NodeColours | null = null;
  edgeColours: EdgeColours | null = null;
  /** What culling, level of detail and the detail budget left to draw. */
  visible: Visible | null = null;
  /** Bumped whenever colours change; label layers use it as an update trigger. */
  styleVersion = 0;
  /** Label indexes currently drawn, and the window they were chosen for. */
  labelSelection: Int32Array = new Int32Array(0);
  /** The selection split by the layer that draws it (stable arrays until the selection changes). */
  labelSplit: { readonly titles: number[]; readonly names: number[]; readonly counts: number[]; readonly badges: number[]; readonly tensors: number[] } = { titles: [], names: [], counts: [], badges: [], tensors: [] };
  readonly labelWindow = new LabelWindow();
  private readonly cullWindow = new CullWindow();
  private budget = Infinity;
  private groupColours: GroupColours[] = [];
  /** Geometry descriptors of the drawn subset, kept while only colours change (no re-upload). */
  private groupGeometry: Record<string, QuadAttributeData>[] = [];
  private segGeometry: Record<string, QuadAttributeData> = {};
  private arrowGeometry: Record<string, QuadAttributeData> = {};
  /** Scene slots of each edge's ends, for the edge level of detail. */
  private readonly edgeEnds: EdgeEnds;
  private segIndex = new Int32Array(0);
  private arrowIndex = new Int32Array(0);

  constructor(readonly scene: DrawScene, readonly gen: number) {
    this.edgeEnds = { slots: scene.shape.edgeEnds, boxes: scene.boxes };
  }

  /** The shape the session built with the scene (core/pipeline/draw/draw-scene.ts). */
  get groups(): readonly Group[] {
    return this.scene.shape.groups;
  }

  get edges(): EdgeGeometry {
    return this.scene.shape.edges;
  }

  get labels(): LabelIndex {
    return this.scene.shape.labels;
  }

  /** The scene's extent, world units. */
  get bounds(): Rect {
    return this.scene.shape.bounds;
  }

  /** The slot of hierarchy id `id`, or -1. */
  slotOf(id: number): number {
    return slotOf(this.scene, id);
  }

  /** World box of the node in `slot`. */
  box(slot: number): Rect {
    const b = this.scene.boxes;
    return { x: b[4 * slot] as number, y: b[4 * slot + 1] as number, width: b[4 * slot + 2] as number, height: b[4 * slot + 3] as number };
  }

  /** Scene slot of the `index`-th drawn instance of group `g`, or -1. */
  slotOfInstance(g: number, index: number): number {
    const k = this.visible?.groups[g]?.[index];
    const group = this.groups[g];
    return k === undefined || !group ? -1 : (group.slots[k] ?? -1);
  }

  restyleNodes(style: CanvasStyle, h: Highlight): void {
    const c = computeNodeColours(this.scene, style, h);
    this.nodeColours = c;
    this.groupColours = this.groups.map((g) => gatherColours(g, c));
    this.rebuildNodeData();
    this.styleVersion++;
  }

  restyleEdges(style: CanvasStyle, h: Highlight): void {
    this.edgeColours = computeEdgeColours(this.scene, style, h);
    this.rebuildEdgeData();
    this.styleVersion++;
  }

  /**
   * Re-chooses what is drawn if the view left the window of the last choice, the zoom changed the
   * level of detail, or the budget changed; true if it did.
   */
  cull(view: Rect, zoom: number, budget: number): boolean {
    if (budget === this.budget && !this.cullWindow.needsUpdate(view, zoom)) return false;
    this.budget = budget;
    const region = this.cullWindow.update(view, zoom);
    const v = selectVisible(this.groups, this.edges, region, 2 ** zoom, budget, this.edgeEnds);
    this.visible = v;
    this.groupGeometry = this.groups.map((g, k) => {
      const idx = v.groups[k] ?? new Int32Array(0);
      return { getPosition: f32(gather(g.positions, idx, 2), 2), getBoundingRect: f32(gather(g.rects, idx, 4), 4) };
    });
    const e = this.edges;
    let segs = 0;
    let arrows = 0;
    for (const edge of v.edges) {
      segs += (e.segStart[edge + 1] as number) - (e.segStart[edge] as number);
      if ((e.arrowOf[edge] as number) >= 0) arrows++;
    }
    this.segIndex = new Int32Array(segs);
    this.arrowIndex = new Int32Array(arrows);
    let j = 0;
    let a = 0;
    for (const edge of v.edges) {
      for (let q = e.segStart[edge] as number; q < (e.segStart[edge + 1] as number); q++) this.segIndex[j++] = q;
      const arrow = e.arrowOf[edge] as number;
      if (arrow >= 0) this.arrowIndex[a++] = arrow;
    }
    this.segGeometry = { getSourcePosition: f32(gather(e.segSource, this.segIndex, 2), 2), getTargetPosition: f32(gather(e.segTarget, this.segIndex, 2), 2) };
    this.arrowGeometry = {
      getSourcePosition: f32(gather(this.scene.shape.arrowBase, this.arrowIndex, 2), 2),
      getTargetPosition: f32(gather(e.arrowTip, this.arrowIndex, 2), 2),
      getWidth: f32(gather(this.scene.shape.arrowWidth, this.arrowIndex, 1), 1),
    };
    this.rebuildNodeData();
    this.rebuildEdgeData();
    return true;
  }

  /** Re-chooses the drawn labels if the view left the window they were chosen for; true if they changed. */
  updateLabels(view: Rect, zoom: number, cap = LABEL_OPTIONS.cap): boolean {
    if (!this.labelWindow.needsUpdate(view, zoom)) return false;
    const region = this.labelWindow.update(view, zoom);
    // Labels need their box drawn: when the budget cut small boxes, their labels go too.
    const minBoxPx = Math.max(LABEL_OPTIONS.minBoxPx, this.visible?.cutPx ?? 0);
    this.labelSelection = selectLabels(this.labels, region, 2 ** zoom, { ...LABEL_OPTIONS, minBoxPx, cap }, view);
    if (this.labelSelection.length >= cap) this.labelWindow.capped(view);
    const split = { titles: [] as number[], names: [] as number[], counts: [] as number[], badges: [] as number[], tensors: [] as number[] };
    for (const k of this.labelSelection) {
      const kind = this.labels.kind[k];
      (kind === LABEL_TITLE ? split.titles : kind === LABEL_COUNT ? split.counts : kind === LABEL_BADGE ? split.badges : kind === LABEL_TENSOR ? split.tensors : split.names).push(k);
    }
    this.labelSplit = split;
    return true;
  }

  /** Forces the next cull and label pass (after a resize). */
  invalidateWindows(): void {
    this.cullWindow.reset();
    this.labelWindow.reset();
  }

  private rebuildNodeData(): void {
    const v = this.visible;
    if (!v || this.groupColours.length === 0) return;
    this.groupData = this.groups.map((_, k) => {
      const idx = v.groups[k] ?? new Int32Array(0);
      const c = this.groupColours[k];
      if (!c) return EMPTY_QUADS;
      return {
        length: idx.length,
        attributes: {
          ...this.groupGeometry[k],
          getFillColor: rgba(gather(c.fill, idx, 4)),
          getLineColor: rgba(gather(c.line, idx, 4)),
          getLineWidth: f32(gather(c.lineWidth, idx, 1), 1),
        },
      };
    });
  }

  private rebuildEdgeData(): void {
    const c = this.edgeColours;
    if (!this.visible || !c) return;
    this.edgeData = {
      length: this.segIndex.length,
      attributes: { ...this.segGeometry, getColor: rgba(gather(c.segColour, this.segIndex, 4)), getWidth: f32(gather(c.segWidth, this.segIndex, 1), 1) },
    };
    this.arrowData = { length: this.arrowIndex.length, attributes: { ...this.arrowGeometry, getColor: rgba(gather(c.arrowColour, this.arrowIndex, 4)) } };
  }
}

/** Rows `idx` of a table of `size`-wide rows. */
export function gather<T extends Float32Array | Uint8Array>(src: T, idx: Int32Array, size: number): T {
  const out = new (src.constructor as new (n: number) => T)(idx.length * size);
  for (let j = 0; j < idx.length; j++) {
    const k = idx[j] as number;
    for (let c = 0; c < size; c++) out[j * size + c] = src[k * size + c] as number;
  }
  return out;
}
