// A stable sort of indices by one or two float keys, for the layered layout's inner loops. A typed
// array's sort with a comparator calls back into JavaScript for every comparison and copies the
// array first; in the crossing minimisation that was a fifth of the layout's time.

/** Runs up to this long are sorted by insertion (few comparisons on the nearly sorted rows of later sweeps). */
const RUN = 16;

/** Whether index x sorts strictly before index y. */
function before(x: number, y: number, keyA: Float64Array, keyB: Float64Array | null): boolean {
  const a = keyA[x] as number;
  const b = keyA[y] as number;
  if (a !== b) return a < b;
  return keyB !== null && (keyB[x] as number) < (keyB[y] as number);
}

function insertion(idx: Int32Array, lo: number, hi: number, keyA: Float64Array, keyB: Float64Array | null): void {
  for (let i = lo + 1; i < hi; i++) {
    const v = idx[i] as number;
    let j = i - 1;
    while (j >= lo && before(v, idx[j] as number, keyA, keyB)) {
      idx[j + 1] = idx[j] as number;
      j--;
    }
    idx[j + 1] = v;
  }
}

/**
 * Sorts `idx[0..n)` in place, ascending by `keyA[i]`, then `keyB[i]` (when given); equal indices
 * keep their order. `tmp` holds at least n entries. The order matches a stable sort with the
 * comparator `keyA[x] - keyA[y] || keyB[x] - keyB[y]` for keys that are not NaN.
 */
export function sortIndices(idx: Int32Array, n: number, keyA: Float64Array, keyB: Float64Array | null, tmp: Int32Array): void {
  for (let lo = 0; lo < n; lo += RUN) insertion(idx, lo, Math.min(n, lo + RUN), keyA, keyB);
  let src = idx;
  let dst = tmp;
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(n, lo + width);
      const hi = Math.min(n, lo + 2 * width);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        // The right run's entry goes first only when strictly smaller: that keeps the sort stable.
        if (before(src[j] as number, src[i] as number, keyA, keyB)) dst[k++] = src[j++] as number;
        else dst[k++] = src[i++] as number;
      }
      while (i < mid) dst[k++] = src[i++] as number;
      while (j < hi) dst[k++] = src[j++] as number;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  if (src !== idx) idx.set(src.subarray(0, n));
}
