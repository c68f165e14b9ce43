// Coordinates within the layers of the layered layout (layered-layout.ts), once their order is
// fixed: each item pulled towards its neighbours in the layer before (sweeps down) or after (sweeps
// up), solved exactly per layer as a weighted isotonic regression (pool adjacent violators), so that
// the order and the gaps hold and long edges (chains of dummies) run straight.
import type { Segments } from './layered-order';

/** Gap between two boxes of a layer, and beside an edge passing through it. */
export const NODE_GAP = 14;
export const EDGE_GAP = 8;
/** Gap between two of a scope's own ports on its border: they may crowd (a scope can have hundreds). */
export const PORT_GAP = 4;
/** What an item of a layer is: a child's box, a long edge's bend (a dummy), or one of the scope's own ports. */
export const ITEM_BOX = 0;
export const ITEM_BEND = 1;
export const ITEM_PORT = 2;
/** How much more a dummy (a long edge's bend) wants to sit straight than a box does. */
const DUMMY_WEIGHT = 4;
const SWEEPS = 6;

/**
 * Positions `x` (the order's spans from `pos` to `pos + 1` per item) minimising the weighted squared
 * distance to `want` with gaps `sep[k]` between items k and k + 1 of the row (isotonic regression).
 */
export function placeRow(row: readonly number[], want: Float64Array, weight: Float64Array, sep: Float64Array, x: Float64Array, scratch: RowScratch = rowScratch(row.length)): void {
  const m = row.length;
  const { off, bW, bS, bN } = scratch;
  off[0] = 0;
  for (let k = 1; k < m; k++) off[k] = (off[k - 1] as number) + (sep[k - 1] as number);
  // Blocks of consecutive items that share one shift y (x = y + off), merged while out of order:
  // a stack of `top` blocks.
  let top = 0;
  for (let k = 0; k < m; k++) {
    const v = row[k] as number;
    let w = weight[v] as number;
    let s = w * ((want[v] as number) - (off[k] as number));
    let n = 1;
    while (top > 0 && (bS[top - 1] as number) / (bW[top - 1] as number) >= s / w) {
      top--;
      w += bW[top] as number;
      s += bS[top] as number;
      n += bN[top] as number;
    }
    bW[top] = w;
    bS[top] = s;
    bN[top] = n;
    top++;
  }
  let k = 0;
  for (let b = 0; b < top; b++) {
    const y = (bS[b] as number) / (bW[b] as number);
    for (let j = 0; j < (bN[b] as number); j++, k++) x[row[k] as number] = y + (off[k] as number);
  }
}

/** Work space of placeRow for rows of up to `size` items (placeX reuses one for every row). */
export interface RowScratch {
  readonly off: Float64Array;
  readonly bW: Float64Array;
  readonly bS: Float64Array;
  readonly bN: Int32Array;
}

export function rowScratch(size: number): RowScratch {
  const n = Math.max(1, size);
  return { off: new Float64Array(n), bW: new Float64Array(n), bS: new Float64Array(n), bN: new Int32Array(n) };
}

/**
 * Centre x of every item: rows packed left to right, then sweeps that pull each item to the mean of
 * its neighbours' (port-adjusted) centres, alternately above and below, and a last one using both.
 * `pxUp[s]` / `pxDown[s]`: where segment s meets its upper / lower item, relative to its centre.
 * `kind[v]`: ITEM_BOX, ITEM_BEND or ITEM_PORT.
 */
export function placeX(rows: readonly number[][], seg: Segments, pxUp: Float64Array, pxDown: Float64Array, width: Float64Array, kind: Uint8Array): Float64Array {
  const items = width.length;
  const x = new Float64Array(items);
  const weight = new Float64Array(items);
  for (let v = 0; v < items; v++) weight[v] = kind[v] === ITEM_BEND ? DUMMY_WEIGHT : 1;
  const seps = rows.map((row) => {
    const sep = new Float64Array(Math.max(0, row.length - 1));
    for (let k = 0; k + 1 < row.length; k++) {
      const a = row[k] as number;
      const b = row[k + 1] as number;
      sep[k] = ((width[a] as number) + (width[b] as number)) / 2 + (kind[a] === ITEM_PORT && kind[b] === ITEM_PORT ? PORT_GAP : kind[a] !== ITEM_BOX || kind[b] !== ITEM_BOX ? EDGE_GAP : NODE_GAP);
    }
    return sep;
  });
  rows.forEach((row, L) => {
    let at = 0;
    row.forEach((v, k) => {
      x[v] = at;
      at += (seps[L] as Float64Array)[k] ?? 0;
    });
  });
  const sum = new Float64Array(items);
  const cnt = new Float64Array(items);
  const want = new Float64Array(items);
  const rowOf = new Int32Array(items);
  rows.forEach((row, L) => row.forEach((v) => (rowOf[v] = L)));
  // Segments by the row of their upper item, so that a row's pull only scans its own segments.
  const segsOfRow: number[][] = rows.map(() => []);
  for (let s = 0; s < seg.up.length; s++) (segsOfRow[rowOf[seg.up[s] as number] as number] as number[]).push(s);
  const scratch = rowScratch(rows.reduce((n, row) => Math.max(n, row.length), 0));
  const pullRow = (L: number, fromAbove: boolean, fromBelow: boolean): void => {
    const row = rows[L] as number[];
    for (let k = 0; k < row.length; k++) {
      const v = row[k] as number;
      sum[v] = 0;
      cnt[v] = 0;
    }
    if (fromAbove && L > 0) {
      const segs = segsOfRow[L - 1] as number[];
      for (let q = 0; q < segs.length; q++) {
        const s = segs[q] as number;
        const b = seg.down[s] as number;
        sum[b] = (sum[b] as number) + (x[seg.up[s] as number] as number) + (pxUp[s] as number) - (pxDown[s] as number);
        cnt[b] = (cnt[b] as number) + 1;
      }
    }
    if (fromBelow) {
      const segs = segsOfRow[L] as number[];
      for (let q = 0; q < segs.length; q++) {
        const s = segs[q] as number;
        const a = seg.up[s] as number;
        sum[a] = (sum[a] as number) + (x[seg.down[s] as number] as number) + (pxDown[s] as number) - (pxUp[s] as number);
        cnt[a] = (cnt[a] as number) + 1;
      }
    }
    for (let k = 0; k < row.length; k++) {
      const v = row[k] as number;
      want[v] = (cnt[v] as number) > 0 ? (sum[v] as number) / (cnt[v] as number) : (x[v] as number);
    }
    placeRow(row, want, weight, seps[L] as Float64Array, x, scratch);
  };
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    if (sweep % 2 === 0) for (let L = 1; L < rows.length; L++) pullRow(L, true, false);
    else for (let L = rows.length - 2; L >= 0; L--) pullRow(L, false, true);
  }
  for (let L = 0; L < rows.length; L++) pullRow(L, true, true);
  return x;
}
