// Assembles a ScopeLayout's typed arrays from placed boxes, ports and routed edges, and appends the
// auxiliary area beside the main area; shared by every layout (layered, fast, ELK).
import { AUX_GAP, PADDING } from './node-sizes';
import type { ScopeInput, ScopeLayout } from './types';

/** Space between two auxiliary nodes of a column. */
const AUX_SPACING = 8;

export interface Placed {
  /** Main-area boxes (x, y, w, h) in input order, and the main area's size with padding. */
  readonly boxes: Float64Array;
  readonly width: number;
  readonly height: number;
  /** Own port positions, in input.ownPorts order. */
  readonly portXY: Float64Array;
  /** Polyline per input edge. */
  readonly routes: readonly (readonly number[])[];
}

export function layoutResult(input: ScopeInput, placed: Placed, ms: number, notice: string | null): ScopeLayout {
  const n = input.nodes.length;
  const a = input.aux.length;
  const nodeBoxes = new Float64Array(4 * (n + a));
  nodeBoxes.set(placed.boxes);
  let width = placed.width;
  let height = placed.height;
  if (a > 0) {
    // TensorBoard's side area: auxiliary nodes right of the main area, in columns no taller than
    // the main area (or, beside a short one, than a square of them), so that a root with a hundred
    // save, init and summary ops does not become a strip many times taller than its graph.
    const top = input.header + PADDING;
    let area = 0;
    let tallest = 0;
    for (const node of input.aux) {
      area += (node.width + AUX_SPACING) * (node.height + AUX_SPACING);
      tallest = Math.max(tallest, node.height);
    }
    const limit = Math.max(placed.height - top - PADDING, tallest, Math.sqrt(area));
    let x = placed.width - PADDING + AUX_GAP;
    let y = top;
    let colWidth = 0;
    let bottom = top;
    input.aux.forEach((node, k) => {
      if (y > top && y + node.height > top + limit) {
        x += colWidth + AUX_GAP;
        y = top;
        colWidth = 0;
      }
      nodeBoxes.set([x, y, node.width, node.height], 4 * (n + k));
      bottom = Math.max(bottom, y + node.height);
      y += node.height + AUX_SPACING;
      colWidth = Math.max(colWidth, node.width);
    });
    width = x + colWidth + PADDING;
    height = Math.max(height, bottom + PADDING);
  }
  // Ports sit on the border: when the auxiliary column widens or lengthens the box, ports on the
  // right or bottom side move with it, and the edges ending there get one more point to reach them.
  const portXY = placed.portXY;
  const moved = new Map<number, [number, number]>();
  for (let k = 0; k < input.ownPorts.length; k++) {
    const x = portXY[2 * k] as number;
    const y = portXY[2 * k + 1] as number;
    const nx = width !== placed.width && Math.abs(x - placed.width) < 0.5 ? width : x;
    const ny = height !== placed.height && Math.abs(y - placed.height) < 0.5 ? height : y;
    if (nx !== x || ny !== y) {
      portXY[2 * k] = nx;
      portXY[2 * k + 1] = ny;
      moved.set(input.ownPorts[k] as number, [nx, ny]);
    }
  }
  const routes = placed.routes.map((r, i) => {
    const edge = input.edges[i];
    if (!edge || moved.size === 0) return r;
    const from = edge.from.node < 0 ? moved.get(edge.from.port) : undefined;
    const to = edge.to.node < 0 ? moved.get(edge.to.port) : undefined;
    return [...(from ?? []), ...r, ...(to ?? [])];
  });
  const e = input.edges.length;
  const pointStart = new Int32Array(e + 1);
  let total = 0;
  routes.forEach((r, i) => {
    total += r.length / 2;
    pointStart[i + 1] = total;
  });
  const points = new Float64Array(2 * total);
  routes.forEach((r, i) => points.set(r, 2 * (pointStart[i] as number)));
  return { scope: input.scope, width, height, nodeBoxes, auxCount: a, portXY, pointStart, points, notice, ms, ...inputIds(input) };
}

/** The arrays of a layout that come from its input as they are: ids, port keys, edge ends and counts. */
export function inputIds(input: ScopeInput): Pick<ScopeLayout, 'nodeIds' | 'portKeys' | 'edgeFrom' | 'edgeFromPort' | 'edgeTo' | 'edgeToPort' | 'edgeCounts' | 'edgeElements'> {
  const nodeIds = new Int32Array(input.nodes.length + input.aux.length);
  input.nodes.forEach((node, i) => (nodeIds[i] = node.id));
  input.aux.forEach((node, k) => (nodeIds[input.nodes.length + k] = node.id));
  // Plain loops into typed arrays: a scope that takes a shared layout pays this alone, and the
  // array methods (flatMap, from with a mapper) cost a fully expanded graph's command ~0.3 s.
  const e = input.edges.length;
  const edgeFrom = new Int32Array(e);
  const edgeFromPort = new Int32Array(e);
  const edgeTo = new Int32Array(e);
  const edgeToPort = new Int32Array(e);
  const edgeCounts = new Int32Array(3 * e);
  const edgeElements = new Float64Array(e);
  for (let i = 0; i < e; i++) {
    const x = input.edges[i] as ScopeInput['edges'][number];
    edgeFrom[i] = x.from.node;
    edgeFromPort[i] = x.from.port;
    edgeTo[i] = x.to.node;
    edgeToPort[i] = x.to.port;
    edgeCounts[3 * i] = x.data;
    edgeCounts[3 * i + 1] = x.control;
    edgeCounts[3 * i + 2] = x.ref;
    edgeElements[i] = x.elements;
  }
  return { nodeIds, portKeys: Int32Array.from(input.ownPorts), edgeFrom, edgeFromPort, edgeTo, edgeToPort, edgeCounts, edgeElements };
}
