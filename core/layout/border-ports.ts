// A scope's own ports and the edges that reach them: ports on the border the flow enters and leaves
// by, in the order of where their edges head (the layered layout's port items, a bundled ELK
// route's first bend, or the children they reach), spaced apart; and where an edge meets its ends.
// Shared by the layered, the fast and the bundled ELK layouts.
import { portIsOut, type EdgeEnd, type InputNode, type ScopeInput } from './types';

/** Where the main area's children sit: boxes (x, y, w, h) in input order, indexed by node id. */
export interface PlacedChildren {
  readonly boxes: Float64Array;
  readonly index: ReadonlyMap<number, number>;
}

type Port = InputNode['ports'][number];

/**
 * A child's port by key (relative to its box), or null when the edge ends on its box (`port` < 0).
 * Each child's ports are put in a map the first time one is asked for: an open child can have
 * hundreds of ports, each met by edges, and a search per edge end grew with their product.
 */
export function childPorts(input: ScopeInput): (i: number, port: number) => Port | null {
  const byChild = new Map<number, Map<number, Port>>();
  return (i, port) => {
    if (port < 0) return null;
    let ports = byChild.get(i);
    if (!ports) {
      ports = new Map();
      const list = input.nodes[i]?.ports ?? [];
      // The first port of a key wins, as a search from the front would find it.
      for (let k = list.length - 1; k >= 0; k--) ports.set((list[k] as Port).key, list[k] as Port);
      byChild.set(i, ports);
    }
    return ports.get(port) ?? null;
  };
}

/**
 * Own ports: entering ones along the side data comes from, leaving ones on the other side, each
 * near the mean x its edges head for and in that order (ports spread evenly crossed every edge whose
 * child sat elsewhere), at least a few px apart and inside the border. An edge heads for its child,
 * or for `headX(edge index)` when given (where a routed edge first bends inside the scope).
 */
export function placeOwnPorts(input: ScopeInput, at: PlacedChildren, W: number, H: number, up: boolean, headX?: (e: number) => number | undefined): Float64Array {
  const { boxes, index } = at;
  const n = input.ownPorts.length;
  const portXY = new Float64Array(2 * n);
  const own = new Map(input.ownPorts.map((key, k) => [key, k]));
  const sum = new Float64Array(n);
  const cnt = new Int32Array(n);
  const childPort = childPorts(input);
  input.edges.forEach((e, j) => {
    const [port, inner] = e.from.node < 0 ? [e.from, e.to] : [e.to, e.from];
    if (port.node >= 0 || inner.node < 0) return;
    const i = index.get(inner.node) as number;
    const p = childPort(i, inner.port);
    const k = own.get(port.port) as number;
    sum[k] = (sum[k] as number) + (headX?.(j) ?? (boxes[4 * i] as number) + (p ? p.x : (boxes[4 * i + 2] as number) / 2));
    cnt[k] = (cnt[k] as number) + 1;
  });
  for (const out of [false, true]) {
    const side = input.ownPorts.flatMap((key, k) => (portIsOut(key) === out ? [k] : []));
    const want = side.map((k, r) => ((cnt[k] as number) > 0 ? (sum[k] as number) / (cnt[k] as number) : (W * (r + 1)) / (side.length + 1)));
    const order = side.map((_, r) => r).sort((a, b) => (want[a] as number) - (want[b] as number) || a - b);
    const gap = Math.min(8, W / (side.length + 1));
    const xs = new Float64Array(side.length);
    let x = -Infinity;
    for (const r of order) xs[r] = x = Math.max(want[r] as number, x + gap);
    let limit = W;
    for (let j = order.length - 1; j >= 0; j--) {
      const r = order[j] as number;
      xs[r] = limit = Math.max(0, Math.min(xs[r] as number, limit));
      limit -= gap;
    }
    side.forEach((k, r) => portXY.set([xs[r] as number, out === up ? 0 : H], 2 * k));
  }
  return portXY;
}

/**
 * Where an edge meets one of its ends: the scope's own port, a child's port, or the middle of the
 * child's side the flow leaves (`leaving`) or enters by.
 */
export function endPointOf(input: ScopeInput, at: PlacedChildren, portXY: Float64Array, up: boolean): (end: EdgeEnd, leaving: boolean) => [number, number] {
  const portIndex = new Map(input.ownPorts.map((key, k) => [key, k]));
  const { boxes, index } = at;
  const childPort = childPorts(input);
  return (end, leaving) => {
    if (end.node < 0) {
      const k = portIndex.get(end.port) as number;
      return [portXY[2 * k] as number, portXY[2 * k + 1] as number];
    }
    const i = index.get(end.node) as number;
    const [bx, by, bw, bh] = [boxes[4 * i], boxes[4 * i + 1], boxes[4 * i + 2], boxes[4 * i + 3]] as number[] as [number, number, number, number];
    const p = childPort(i, end.port);
    if (p) return [bx + p.x, by + p.y];
    // Data flows up: leave through the top side, arrive through the bottom side.
    const atTop = leaving === up;
    return [bx + bw / 2, atTop ? by : by + bh];
  };
}
