// The layout for huge flat scopes (more children than the layered layout finishes quickly): longest-path
// layers, one barycentre ordering sweep, rows wrapped to keep the aspect ratio, straight edges.
// Linear in nodes + edges; the scope layout carries a notice so the user knows why it looks plainer.
import { groupByKey } from '../graph/csr';
import { PADDING } from './node-sizes';
import { chooseCuts, columnsOf } from './column-wrap';
import { layoutResult } from './layout-result';
import { endPointOf, placeOwnPorts } from './border-ports';
import type { ScopeInput, ScopeLayout } from './types';

const GAP_X = 14;
const GAP_Y = 30;

/** Layer of each node: longest path from a source (Kahn's order; nodes on cycles go after their placed inputs). */
export function layers(n: number, src: Int32Array, dst: Int32Array): Int32Array {
  const indeg = new Int32Array(n);
  for (let e = 0; e < dst.length; e++) indeg[dst[e] as number] = (indeg[dst[e] as number] as number) + 1;
  const { start: outStart, items: outEdges } = groupByKey(src, n);
  const layer = new Int32Array(n);
  const queue: number[] = [];
  for (let i = 0; i < n; i++) if (indeg[i] === 0) queue.push(i);
  const done = new Uint8Array(n);
  for (let seen = 0; seen < n; ) {
    if (queue.length === 0) {
      // A cycle: release the first unplaced node as if its remaining inputs were back edges.
      let i = 0;
      while (done[i]) i++;
      queue.push(i);
      indeg[i] = 0;
    }
    for (let q = 0; q < queue.length; q++) {
      const v = queue[q] as number;
      if (done[v]) continue;
      done[v] = 1;
      seen++;
      for (let k = outStart[v] as number; k < (outStart[v + 1] as number); k++) {
        const w = dst[outEdges[k] as number] as number;
        if (done[w]) continue;
        layer[w] = Math.max(layer[w] as number, (layer[v] as number) + 1);
        indeg[w] = (indeg[w] as number) - 1;
        if (indeg[w] === 0) queue.push(w);
      }
    }
    queue.length = 0;
  }
  return layer;
}

/** One row of boxes: where it starts along the flow, how tall and how wide it is, and its children. */
interface Band { readonly start: number; readonly height: number; readonly width: number; readonly v: number[] }

/** Sweeps (down, then up) that order each layer by the mean position of its neighbours in the layer before. */
const SWEEPS = 4;

/**
 * Barycentre ordering: each layer sorted by the mean position of its inputs (downward sweeps) or of
 * its outputs (upward sweeps), a few times over; linear per sweep in nodes + edges (plus the sorts).
 */
function orderLayers(rows: number[][], src: Int32Array, dst: Int32Array, n: number): void {
  const inputs = groupByKey(dst, n);
  const outputs = groupByKey(src, n);
  const pos = new Float64Array(n);
  rows.forEach((row) => row.forEach((v, k) => (pos[v] = k)));
  const sortBy = (row: number[], csr: typeof inputs, other: Int32Array): void => {
    const key = new Map<number, number>();
    for (const v of row) {
      let sum = 0;
      let cnt = 0;
      for (let k = csr.start[v] as number; k < (csr.start[v + 1] as number); k++) {
        sum += pos[other[csr.items[k] as number] as number] as number;
        cnt++;
      }
      key.set(v, cnt > 0 ? sum / cnt : (pos[v] as number));
    }
    row.sort((a, b) => (key.get(a) as number) - (key.get(b) as number) || (pos[a] as number) - (pos[b] as number));
    row.forEach((v, k) => (pos[v] = k));
  };
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    if (sweep % 2 === 0) for (let r = 1; r < rows.length; r++) sortBy(rows[r] as number[], inputs, src);
    else for (let r = rows.length - 2; r >= 0; r--) sortBy(rows[r] as number[], outputs, dst);
  }
}

export function fastLayout(input: ScopeInput, now: () => number, withNotice = true): ScopeLayout {
  const t0 = now();
  const n = input.nodes.length;
  const index = new Map(input.nodes.map((node, i) => [node.id, i]));
  const pairs = input.edges.filter((e) => e.from.node >= 0 && e.to.node >= 0 && e.from.node !== e.to.node);
  const src = Int32Array.from(pairs, (e) => index.get(e.from.node) as number);
  const dst = Int32Array.from(pairs, (e) => index.get(e.to.node) as number);
  const layer = layers(n, src, dst);
  // A loop, not Math.max(...layer): spreading 10^5 arguments overflows the stack.
  let depth = 0;
  for (let i = 0; i < n; i++) depth = Math.max(depth, (layer[i] as number) + 1);
  const rows: number[][] = Array.from({ length: depth }, () => []);
  for (let i = 0; i < n; i++) (rows[layer[i] as number] as number[]).push(i);
  orderLayers(rows, src, dst, n);
  // Wrap long layers so a scope of 10^4 unconnected ops is a block, not a line.
  const totalArea = input.nodes.reduce((a, x) => a + (x.width + GAP_X) * (x.height + GAP_Y), 0);
  const maxRow = Math.max(800, Math.sqrt(totalArea) * 1.6);
  const boxes = new Float64Array(4 * n);
  let y = 0;
  const bands: Band[] = [];
  for (const row of rows) {
    let x = 0;
    let h = 0;
    let band: number[] = [];
    const flush = (): void => {
      bands.push({ start: y, height: h, width: x - GAP_X, v: band });
      y += h + GAP_Y;
      x = 0;
      h = 0;
      band = [];
    };
    for (const v of row) {
      const node = input.nodes[v] as (typeof input.nodes)[number];
      if (x > 0 && x + node.width > maxRow) flush();
      boxes.set([x, 0, node.width, node.height], 4 * v);
      band.push(v);
      x += node.width + GAP_X;
      h = Math.max(h, node.height);
    }
    if (band.length) flush();
  }
  // A deep scope's layers make a column far taller than wide: cut it into side-by-side columns of
  // consecutive bands, each as wide as its own bands, so that the fitted view uses a window's shape.
  const units = {
    top: Float64Array.from(bands, (b) => b.start),
    height: Float64Array.from(bands, (b) => b.height),
    lo: new Float64Array(bands.length),
    hi: Float64Array.from(bands, (b) => b.width),
  };
  const wrap = chooseCuts(units);
  const up = input.settings.direction !== 'DOWN';
  const top = input.header + PADDING;
  for (const col of columnsOf(units, wrap.cuts)) {
    const colStart = (bands[col.from] as Band).start;
    for (let b = col.from; b < col.to; b++) {
      const band = bands[b] as Band;
      const start = band.start - colStart;
      for (const v of band.v) {
        const yy = up ? wrap.height - start - (boxes[4 * v + 3] as number) : start;
        boxes[4 * v] = (boxes[4 * v] as number) + PADDING + col.dx;
        boxes[4 * v + 1] = yy + top;
      }
    }
  }
  const W = wrap.width + 2 * PADDING;
  const H = top + wrap.height + PADDING;
  const at = { boxes, index };
  const portXY = placeOwnPorts(input, at, W, H, up);
  const endPoint = endPointOf(input, at, portXY, up);
  const routes = input.edges.map((e) => [...endPoint(e.from, true), ...endPoint(e.to, false)]);
  const notice = withNotice ? `${n} children: drawn with the fast layered layout (the full layered layout is used up to ${input.settings.flatLimit} children)` : null;
  return layoutResult(input, { boxes, width: W, height: H, portXY, routes }, now() - t0, notice);
}
