// The layered layout, which draws every scope with edges between its children (ELK's layered
// algorithm remains the reference it is measured against: LayoutSettings.algorithm). Layers by
// longest path; long edges as chains of dummies; crossing minimisation from several initial orders
// (layered-order.ts); coordinates (layered-place.ts); components that do not reach the scope's
// border packed in rows beside the one that does, a very deep one folded into columns
// (layered-fold.ts). The scope's own ports are items of a layer above the first (entering) and
// below the last (leaving), ordered with the rest as ELK orders external ports, so that their order
// along the border follows the edges they carry. Why not ELK: docs/ARCHITECTURE.md, "Layout".
import { groupByKey } from '../graph/csr';
import { childPorts, endPointOf, placeOwnPorts } from './border-ports';
import { EndNumbers, endPair } from './end-numbers';
import { layers } from './fast-layout';
import { orderWithPorts, type Segments } from './layered-order';
import { ITEM_BEND, ITEM_BOX, ITEM_PORT, placeX } from './layered-place';
import { crossings } from './crossings';
import { foldComponent, type Lane, type PlacedComponent } from './layered-fold';
import { layoutResult } from './layout-result';
import { PADDING } from './node-sizes';
import type { EdgeEnd, ScopeInput, ScopeLayout } from './types';

const LAYER_GAP = 26;
const COMPONENT_GAP = 20;
/** A carrier's end at the scope's own port k (negative, so that children keep indices 0..n-1). */
const ownItem = (k: number): number => -1 - k;
const ownIndex = (end: number): number => -1 - end;

/** One drawn path between two children (or a child and the border), shared by the input edges with the same ends and ports. */
interface Carrier {
  readonly a: number;
  readonly aPort: number;
  readonly b: number;
  readonly bPort: number;
}

function find(parent: Int32Array, v: number): number {
  while (parent[v] !== v) {
    parent[v] = parent[parent[v] as number] as number;
    v = parent[v] as number;
  }
  return v;
}

/** Carriers of the input's edges (null: an edge drawn straight, between two own ports or a child and itself). */
function carriers(input: ScopeInput, index: ReadonlyMap<number, number>): { list: Carrier[]; ofEdge: Int32Array } {
  const list: Carrier[] = [];
  const ofEdge = new Int32Array(input.edges.length).fill(-1);
  const own = new Map(input.ownPorts.map((key, k) => [key, k]));
  // Carriers by their ends' numbers (a text key per edge was a tenth of a small scope's layout).
  const ends = new EndNumbers(ownItem(input.ownPorts.length - 1));
  const byKey = new Map<number, number>();
  /** An end's item (a child's index, or an own port's ownItem) and the child's port it meets (-1: none). */
  const itemOf = (e: EdgeEnd): number => (e.node < 0 ? ownItem(own.get(e.port) as number) : (index.get(e.node) as number));
  const portOf = (e: EdgeEnd): number => (e.node < 0 ? -1 : e.port);
  input.edges.forEach((e, j) => {
    const a = itemOf(e.from);
    const aPort = portOf(e.from);
    const b = itemOf(e.to);
    const bPort = portOf(e.to);
    if ((a < 0 && b < 0) || a === b) return;
    const key = endPair(ends.of(a, aPort), ends.of(b, bPort));
    let c = byKey.get(key);
    if (c === undefined) {
      c = list.length;
      byKey.set(key, c);
      list.push({ a, aPort, b, bPort });
    }
    ofEdge[j] = c;
  });
  return { list, ofEdge };
}

/**
 * Layers: with `tighten`, by the longest path from a source, then each node moved down next to its
 * nearest reader (shorter edges from constants and variables); otherwise by the longest path to a sink.
 */
function layering(n: number, list: readonly Carrier[], tighten: boolean): Int32Array {
  const inner = list.filter((c) => c.a >= 0 && c.b >= 0);
  const src = Int32Array.from(inner, (c) => c.a);
  const dst = Int32Array.from(inner, (c) => c.b);
  if (!tighten) {
    // As ELK layers: by the longest path to a sink, so that every sink sits in the last layer.
    const back = layers(n, dst, src);
    const last = back.reduce((a, b) => Math.max(a, b), 0);
    return back.map((l) => last - l);
  }
  const layer = layers(n, src, dst);
  const out = groupByKey(src, n);
  const byDepth = Array.from({ length: n }, (_, i) => i).sort((p, q) => (layer[q] as number) - (layer[p] as number) || p - q);
  for (const v of byDepth) {
    let min = Infinity;
    for (let k = out.start[v] as number; k < (out.start[v + 1] as number); k++) {
      const w = dst[out.items[k] as number] as number;
      if ((layer[w] as number) > (layer[v] as number)) min = Math.min(min, layer[w] as number);
    }
    if (min !== Infinity && min - 1 > (layer[v] as number)) layer[v] = min - 1;
  }
  return layer;
}

/** Offset of a child's port from its box's centre, in px, or 0 for an edge that ends on the box (`i` < 0 or `port` < 0). */
function portOffsets(input: ScopeInput): (i: number, port: number) => number {
  const childPort = childPorts(input);
  return (i, port) => {
    const p = i < 0 ? null : childPort(i, port);
    return p ? p.x - (input.nodes[i] as ScopeInput['nodes'][number]).width / 2 : 0;
  };
}

/** Lays out one component (`members`: child indices; `cs`: its carriers) with the flow downwards. */
function placeComponent(input: ScopeInput, members: readonly number[], cs: readonly number[], list: readonly Carrier[], layer: Int32Array): PlacedComponent {
  const itemOf = new Map<number, number>();
  let minL = Infinity;
  let maxL = -Infinity;
  for (const i of members) {
    minL = Math.min(minL, layer[i] as number);
    maxL = Math.max(maxL, layer[i] as number);
  }
  const depth = maxL - minL + 1;
  const layerOf: number[] = [];
  const width: number[] = [];
  /** Per item: ITEM_BOX, ITEM_BEND or ITEM_PORT. */
  const kind: number[] = [];
  members.forEach((i, k) => {
    itemOf.set(i, k);
    layerOf.push((layer[i] as number) - minL);
    width.push((input.nodes[i] as ScopeInput['nodes'][number]).width);
    kind.push(ITEM_BOX);
  });
  const up: number[] = [];
  const down: number[] = [];
  const pxUp: number[] = [];
  const pxDown: number[] = [];
  const chains = new Map<number, readonly number[]>();
  // Own ports are items of a layer above the first (entering) or below the last (leaving), ordered
  // with the rest as ELK orders a scope's external ports: their order along the border follows the
  // edges they feed instead of being decided after the layout.
  const portItem = new Map<number, number>();
  const portItemOf = (k: number, L: number): number => {
    let v = portItem.get(k);
    if (v === undefined) {
      v = layerOf.length;
      portItem.set(k, v);
      layerOf.push(L);
      width.push(0);
      kind.push(ITEM_PORT);
    }
    return v;
  };
  const portOffset = portOffsets(input);
  for (const c of cs) {
    const { a, aPort, b, bPort } = list[c] as Carrier;
    // The chain runs from the upper end's layer to the lower one's: a back edge runs reversed.
    const la = a < 0 ? -1 : (layerOf[itemOf.get(a) as number] as number);
    const lb = b < 0 ? depth : (layerOf[itemOf.get(b) as number] as number);
    if (la === lb) continue;
    const aAbove = la < lb;
    const top = aAbove ? a : b;
    const topPort = aAbove ? aPort : bPort;
    const bottom = aAbove ? b : a;
    const bottomPort = aAbove ? bPort : aPort;
    const chain: number[] = [];
    if (top >= 0) chain.push(itemOf.get(top) as number);
    for (let L = Math.max(Math.min(la, lb) + 1, 0); L < Math.min(Math.max(la, lb), depth); L++) {
      chain.push(layerOf.length);
      layerOf.push(L);
      width.push(0);
      kind.push(ITEM_BEND);
    }
    if (bottom >= 0) chain.push(itemOf.get(bottom) as number);
    // Port items after the chain's bends, the upper one first (item numbers decide ties later on).
    const ends = top < 0 ? [portItemOf(ownIndex(top), -1), ...chain] : chain.slice();
    if (bottom < 0) ends.push(portItemOf(ownIndex(bottom), depth));
    for (let k = 0; k + 1 < ends.length; k++) {
      up.push(ends[k] as number);
      down.push(ends[k + 1] as number);
      pxUp.push(k === 0 && top >= 0 ? portOffset(top, topPort) : 0);
      pxDown.push(k + 2 === ends.length && bottom >= 0 ? portOffset(bottom, bottomPort) : 0);
    }
    chains.set(c, chain);
  }
  const items = layerOf.length;
  const widths = Float64Array.from(width);
  const toRank = (px: number[], ends: number[]): Float64Array => Float64Array.from(px, (p, s) => {
    const w = widths[ends[s] as number] as number;
    return w > 0 ? Math.max(-0.45, Math.min(0.45, p / w)) : 0;
  });
  const seg: Segments = { up: Int32Array.from(up), down: Int32Array.from(down), offUp: toRank(pxUp, up), offDown: toRank(pxDown, down) };
  // rows[0]: entering ports; rows[L + 1]: layer L; rows[depth + 1]: leaving ports. Items start in
  // reverse input order, as ELK breaks ties, so that a scope faces its parent's peers the way the
  // reference does when nothing else decides.
  const rows: number[][] = Array.from({ length: depth + 2 }, () => []);
  for (let v = items - 1; v >= 0; v--) if (kind[v] !== ITEM_PORT) (rows[(layerOf[v] as number) + 1] as number[]).push(v);
  const ports = [...portItem.values()];
  const portRank = new Float64Array(items);
  for (const [k, v] of portItem) portRank[v] = k;
  orderWithPorts(rows, seg, items, ports.filter((v) => (layerOf[v] as number) < 0), ports.filter((v) => (layerOf[v] as number) >= depth), portRank, triesFor(seg.up.length));
  const x = placeX(rows, seg, Float64Array.from(pxUp), Float64Array.from(pxDown), widths, Uint8Array.from(kind));
  let left = Infinity;
  let right = -Infinity;
  for (let v = 0; v < items; v++) {
    left = Math.min(left, (x[v] as number) - (widths[v] as number) / 2);
    right = Math.max(right, (x[v] as number) + (widths[v] as number) / 2);
  }
  for (let v = 0; v < items; v++) x[v] = (x[v] as number) - left;
  const bandTop = new Float64Array(depth);
  const bandHeight = new Float64Array(depth);
  members.forEach((i, k) => {
    const L = layerOf[k] as number;
    bandHeight[L] = Math.max(bandHeight[L] as number, (input.nodes[i] as ScopeInput['nodes'][number]).height);
  });
  let y = 0;
  for (let L = 0; L < depth; L++) {
    bandTop[L] = y;
    y += (bandHeight[L] as number) + LAYER_GAP;
  }
  return { children: members, x, widths, layerOf: Int32Array.from(layerOf), bandTop, bandHeight, width: right - left, height: y - LAYER_GAP, chains, itemOf, portItem };
}

/** Components: children joined by edges, and every child that reaches the border in one. The border's comes first. */
function components(n: number, list: readonly Carrier[]): { members: number[][]; carriers: number[][]; border: boolean } {
  const parent = Int32Array.from({ length: n + 1 }, (_, i) => i); // n: the border
  const join = (p: number, q: number): void => {
    parent[find(parent, p)] = find(parent, q);
  };
  for (const c of list) join(c.a < 0 ? n : c.a, c.b < 0 ? n : c.b);
  const root = find(parent, n);
  const slot = new Map<number, number>();
  const members: number[][] = [];
  const border = list.some((c) => c.a < 0 || c.b < 0);
  if (border) {
    slot.set(root, 0);
    members.push([]);
  }
  for (let i = 0; i < n; i++) {
    const r = find(parent, i);
    let k = slot.get(r);
    if (k === undefined) {
      k = members.length;
      slot.set(r, k);
      members.push([]);
    }
    (members[k] as number[]).push(i);
  }
  const cs: number[][] = members.map(() => []);
  list.forEach((c, k) => (cs[slot.get(find(parent, c.a < 0 ? n : c.a)) as number] as number[]).push(k));
  return { members, carriers: cs, border };
}

/** Segments one ordering try may have for a component to get the most tries: fewer tries above (work stays bounded). */
const SEGMENT_BUDGET = 600;
const MOST_TRIES = 8;
/** Children plus edges up to which a scope is also laid out with the second layering. */
const SECOND_LAYERING_MAX = 400;

/** Initial orders tried for a component of `segments` segments. */
const triesFor = (segments: number): number => Math.max(1, Math.min(MOST_TRIES, Math.floor(SEGMENT_BUDGET / Math.max(1, segments))));

/**
 * Lays out `input` with two layerings and keeps the drawing with fewer crossings (the first on
 * ties): each node next to its nearest reader (short edges), and, as ELK layers, every node by its
 * longest path to a sink (long edges, which can pass around what they would cross). When both give
 * the same layers (three small scopes in four), so would the drawings: it is laid out once.
 */
export function layeredLayout(input: ScopeInput, now: () => number): ScopeLayout {
  const t0 = now();
  const n = input.nodes.length;
  const index = new Map(input.nodes.map((node, i) => [node.id, i]));
  const edges = carriers(input, index);
  const tight = layering(n, edges.list, true);
  let best = layeredOnce(input, index, edges, tight);
  if (n + input.edges.length <= SECOND_LAYERING_MAX) {
    const c = crossings(best);
    const long = c > 0 ? layering(n, edges.list, false) : tight;
    if (long.some((l, i) => l !== tight[i])) {
      const other = layeredOnce(input, index, edges, long);
      if (crossings(other) < c) best = other;
    }
  }
  return { ...best, ms: now() - t0 };
}

function layeredOnce(input: ScopeInput, index: ReadonlyMap<number, number>, { list, ofEdge }: ReturnType<typeof carriers>, layer: Int32Array): ScopeLayout {
  const n = input.nodes.length;
  const comps = components(n, list);
  // A very deep component away from the border folds into columns, taking the folded size; the
  // border's stays whole, its ports face the parent's peers along one side.
  const placed = comps.members.map((m, k): PlacedComponent => {
    const p = placeComponent(input, m, comps.carriers[k] as number[], list, layer);
    const fold = comps.border && k === 0 ? null : foldComponent(p, LAYER_GAP);
    return fold ? { ...p, width: fold.width, height: fold.height, fold } : p;
  });
  // The border's component on the left, as tall as it is; the rest in rows beside it, largest first.
  const origin = placed.map(() => [0, 0] as [number, number]);
  const first = comps.border ? 1 : 0;
  const startX = comps.border ? (placed[0] as PlacedComponent).width + 3 * COMPONENT_GAP : 0;
  const rest = placed.map((_, k) => k).slice(first).sort((p, q) => (placed[q] as PlacedComponent).height - (placed[p] as PlacedComponent).height || p - q);
  const area = rest.reduce((s, k) => s + ((placed[k] as PlacedComponent).width + COMPONENT_GAP) * ((placed[k] as PlacedComponent).height + COMPONENT_GAP), 0);
  const widest = rest.reduce((s, k) => Math.max(s, (placed[k] as PlacedComponent).width), 0);
  const rowWidth = Math.max(widest, Math.sqrt(area) * 1.6);
  let [cx, cy, rowH, contentW, contentH] = [0, 0, 0, comps.border ? (placed[0] as PlacedComponent).width : 0, comps.border ? (placed[0] as PlacedComponent).height : 0];
  for (const k of rest) {
    const p = placed[k] as PlacedComponent;
    if (cx > 0 && cx + p.width > rowWidth) {
      cy += rowH + COMPONENT_GAP;
      cx = 0;
      rowH = 0;
    }
    origin[k] = [startX + cx, cy];
    cx += p.width + COMPONENT_GAP;
    rowH = Math.max(rowH, p.height);
    contentW = Math.max(contentW, startX + cx - COMPONENT_GAP);
    contentH = Math.max(contentH, cy + rowH);
  }
  const up = input.settings.direction !== 'DOWN';
  const top = input.header + PADDING;
  const W = contentW + 2 * PADDING;
  const H = top + contentH + PADDING;
  // Page coordinates of a point of a component, at its place once folded (flow downwards within it;
  // flipped when data flows up).
  const pageAt = (k: number, x: number, y: number): [number, number] => {
    const p = placed[k] as PlacedComponent;
    const [ox, oy] = origin[k] as [number, number];
    return [PADDING + ox + x, top + oy + (up ? p.height - y : y)];
  };
  // ... and of a point of layer L, where its layout put it.
  const page = (k: number, x: number, y: number, L: number): [number, number] => {
    const f = (placed[k] as PlacedComponent).fold;
    if (!f) return pageAt(k, x, y);
    const c = f.columnOf[L] as number;
    return pageAt(k, x + (f.dx[c] as number), y + (f.dy[c] as number));
  };
  const boxes = new Float64Array(4 * n);
  placed.forEach((p, k) => p.children.forEach((i, item) => {
    const node = input.nodes[i] as ScopeInput['nodes'][number];
    const L = p.layerOf[item] as number;
    const yTop = (p.bandTop[L] as number) + ((p.bandHeight[L] as number) - node.height) / 2;
    const [bx, by] = page(k, (p.x[item] as number) - node.width / 2, up ? yTop + node.height : yTop, L);
    boxes.set([bx, by, node.width, node.height], 4 * i);
  }));
  const compOf = new Int32Array(list.length);
  comps.carriers.forEach((cs, k) => cs.forEach((c) => (compOf[c] = k)));
  /** Carriers of edges against the flow (in a cycle): they leave their source and reach their target by the other sides. */
  const backward = new Uint8Array(list.length);
  /** The bends of carrier c in flow order (from its `a` end to its `b` end): two per dummy, at its band's ends. */
  const bends = list.map((car, c) => {
    const k = compOf[c] as number;
    const p = placed[k] as PlacedComponent;
    const chain = p.chains.get(c);
    if (!chain) return [];
    const pts: number[] = [];
    const f = p.fold;
    const lanes = f?.lanes.get(c);
    let column = -1;
    let lane = 0;
    for (const v of chain) {
      const L = p.layerOf[v] as number;
      if (f && lanes) {
        // On to the next column: past this one's last layer, along its lane in the gap, into the next one's first.
        const next = f.columnOf[L] as number;
        for (; column >= 0 && column < next; column++, lane++) {
          const l = lanes[lane] as Lane;
          pts.push(...pageAt(k, l.x, l.leave), ...pageAt(k, l.x, l.enter));
        }
        column = next;
      }
      if (v < p.children.length) continue;
      const t = page(k, p.x[v] as number, p.bandTop[L] as number, L);
      const b = page(k, p.x[v] as number, (p.bandTop[L] as number) + (p.bandHeight[L] as number), L);
      pts.push(...t, ...((p.bandHeight[L] as number) > 0 ? b : []));
    }
    // Built from the upper layer down; the flow goes from a to b.
    const aFirst = car.a < 0 || car.b < 0 || (p.layerOf[p.itemOf.get(car.a) as number] as number) < (p.layerOf[p.itemOf.get(car.b) as number] as number);
    if (aFirst) return pts;
    backward[c] = 1;
    const rev: number[] = [];
    for (let q = pts.length - 2; q >= 0; q -= 2) rev.push(pts[q] as number, pts[q + 1] as number);
    return rev;
  });
  const at = { boxes, index };
  // A port ordered with the layers heads where that put it; one without (its edges run straight to
  // another port) heads for its edges' children; placeOwnPorts keeps them all apart.
  const portX = new Map<number, number>();
  placed.forEach((p, k) => p.portItem.forEach((v, port) => portX.set(input.ownPorts[port] as number, pageAt(k, p.x[v] as number, 0)[0])));
  const portXY = placeOwnPorts(input, at, W, H, up, (j) => {
    const e = input.edges[j] as ScopeInput['edges'][number];
    return portX.get(e.from.node < 0 ? e.from.port : e.to.port);
  });
  const endPoint = endPointOf(input, at, portXY, up);
  const routes = input.edges.map((e, j) => {
    const back = backward[ofEdge[j] as number] === 1;
    return [...endPoint(e.from, !back), ...(bends[ofEdge[j] as number] ?? []), ...endPoint(e.to, back)];
  });
  return layoutResult(input, { boxes, width: W, height: H, portXY, routes }, 0, null);
}
