// Turns the per-scope layouts of a VisibleLayout into absolute geometry (top-left origin): every
// visible node with its box, and every edge segment with its polyline. Used by the CLI's JSON and
// SVG output and by the canvas.
import { H_KIND_NAMES, H_SCOPE } from '../scope/hierarchy';
import type { ScopedHierarchy } from '../scope/scope-engine';
import type { VisibleLayout } from './layout-engine';

export interface PlacedNode {
  readonly id: number;
  readonly type: 'scope' | 'op' | 'series' | 'aux';
  readonly expanded: boolean;
  /** Open scope holding it; -1 for the root. */
  readonly parent: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface PlacedEdge {
  /** Open scope whose layout routed it. */
  readonly scope: number;
  /** Endpoints: a visible node, or the scope itself when the segment starts or ends at its border. */
  readonly from: number;
  readonly to: number;
  readonly fromPort: number;
  readonly toPort: number;
  readonly data: number;
  readonly control: number;
  readonly ref: number;
  readonly elements: number;
  /** Absolute polyline, x0, y0, x1, y1, ... */
  readonly points: Float64Array;
}

export interface PlacedGraph {
  readonly width: number;
  readonly height: number;
  readonly nodes: PlacedNode[];
  readonly edges: PlacedEdge[];
}

export function assemble(model: ScopedHierarchy, visible: VisibleLayout): PlacedGraph {
  const h = model.hierarchy;
  const nodes: PlacedNode[] = [];
  const edges: PlacedEdge[] = [];
  const rootLayout = visible.layouts.get(visible.root);
  if (!rootLayout) throw new Error('assemble: the root layout is missing');
  const place = (scope: number, ox: number, oy: number): void => {
    const l = visible.layouts.get(scope);
    if (!l) return;
    const main = l.nodeIds.length - l.auxCount;
    for (let i = 0; i < l.nodeIds.length; i++) {
      const id = l.nodeIds[i] as number;
      const [x, y, w, hgt] = [ox + (l.nodeBoxes[4 * i] as number), oy + (l.nodeBoxes[4 * i + 1] as number), l.nodeBoxes[4 * i + 2] as number, l.nodeBoxes[4 * i + 3] as number];
      const open = h.kind[id] === H_SCOPE && visible.layouts.has(id);
      const type = i >= main ? 'aux' : H_KIND_NAMES[h.kind[id] as 0 | 1 | 2];
      nodes.push({ id, type, expanded: open, parent: scope === h.root ? -1 : scope, x, y, width: w, height: hgt });
      if (open) place(id, x, y);
    }
    for (let e = 0; e < l.edgeFrom.length; e++) {
      const a = l.pointStart[e] as number;
      const b = l.pointStart[e + 1] as number;
      const points = l.points.slice(2 * a, 2 * b);
      for (let k = 0; k < points.length; k += 2) {
        points[k] = (points[k] as number) + ox;
        points[k + 1] = (points[k + 1] as number) + oy;
      }
      const from = l.edgeFrom[e] as number;
      const to = l.edgeTo[e] as number;
      edges.push({
        scope,
        from: from < 0 ? scope : from,
        to: to < 0 ? scope : to,
        fromPort: l.edgeFromPort[e] as number,
        toPort: l.edgeToPort[e] as number,
        data: l.edgeCounts[3 * e] as number,
        control: l.edgeCounts[3 * e + 1] as number,
        ref: l.edgeCounts[3 * e + 2] as number,
        elements: l.edgeElements[e] as number,
        points,
      });
    }
  };
  place(visible.root, 0, 0);
  return { width: rootLayout.width, height: rootLayout.height, nodes, edges };
}
