// Grouping by a small integer key in compressed-sparse-row form (a stable counting sort): the
// children of each hierarchy node, the edges of each node, the metaedges of each scope.

export interface Csr {
  /** Items of key k are items[start[k] .. start[k + 1]), in their original order. */
  readonly start: Int32Array;
  readonly items: Int32Array;
}

/** Groups the indices 0..keys.length-1 by keys[i] in [0, n); indices with a negative key are left out. */
export function groupByKey(keys: ArrayLike<number>, n: number): Csr {
  const start = new Int32Array(n + 1);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as number;
    if (k >= 0) start[k + 1] = (start[k + 1] as number) + 1;
  }
  for (let k = 0; k < n; k++) start[k + 1] = (start[k + 1] as number) + (start[k] as number);
  const fill = start.slice(0, n);
  const items = new Int32Array(start[n] as number);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as number;
    if (k < 0) continue;
    items[fill[k] as number] = i;
    fill[k] = (fill[k] as number) + 1;
  }
  return { start, items };
}
