// Lifts every graph edge to the lowest common ancestor (LCA) of its endpoints and merges edges
// between the same two children of that scope into one metaedge counting data, control and
// reference edges. It works on the edges after embedding (embedding.ts `routeEdges`).
import { groupByKey } from '../graph/csr';
import { EDGE_CONTROL, EDGE_REF } from '../graph/graph';
import type { RoutedEdges } from './embedding';
import type { MetaEdges } from './hierarchy';
import { PairTable } from './pair-table';

interface Cols {
  readonly parent: Int32Array;
  readonly hnodeOf: Int32Array;
  readonly routed: RoutedEdges;
}

/** Depth of every hierarchy node (parents may have larger ids than children: series). */
export function depths(parent: Int32Array): Int32Array {
  const n = parent.length;
  const depth = new Int32Array(n).fill(-1);
  if (n) depth[0] = 0;
  const stack: number[] = [];
  for (let h = 0; h < n; h++) {
    let x = h;
    while ((depth[x] as number) < 0) {
      stack.push(x);
      x = parent[x] as number;
      if (x < 0) break;
    }
    let d = x < 0 ? -1 : (depth[x] as number);
    while (stack.length) {
      const y = stack.pop() as number;
      depth[y] = ++d;
    }
  }
  return depth;
}

export function buildMetaedges(cols: Cols): MetaEdges {
  const { parent, hnodeOf, routed: edges } = cols;
  const n = parent.length;
  const depth = depths(parent);
  const ids = new PairTable(edges.count / 2);
  // Columns grow by doubling: JS arrays of 10^6 numbers, copied into typed arrays at the end,
  // cost twice the memory and a good share of the build in garbage collection.
  let cap = Math.max(1024, edges.count >> 2);
  let src = new Int32Array(cap);
  let dst = new Int32Array(cap);
  let lca = new Int32Array(cap);
  let data = new Int32Array(cap);
  let control = new Int32Array(cap);
  let ref = new Int32Array(cap);
  let count = 0;
  const ofEdge = new Int32Array(edges.count).fill(-1);
  for (let e = 0; e < edges.count; e++) {
    let a = hnodeOf[edges.src[e] as number] as number;
    let b = hnodeOf[edges.dst[e] as number] as number;
    if (a < 0 || b < 0 || a === b) continue;
    // Most edges join siblings: only other edges climb to the lowest common ancestor.
    if (parent[a] !== parent[b]) {
      while ((depth[a] as number) > (depth[b] as number)) a = parent[a] as number;
      while ((depth[b] as number) > (depth[a] as number)) b = parent[b] as number;
      if (a === b) continue;
      while (parent[a] !== parent[b]) {
        a = parent[a] as number;
        b = parent[b] as number;
      }
    }
    let id = ids.get(a, b);
    if (id < 0) {
      if (count === cap) {
        cap *= 2;
        src = grow(src, cap);
        dst = grow(dst, cap);
        lca = grow(lca, cap);
        data = grow(data, cap);
        control = grow(control, cap);
        ref = grow(ref, cap);
      }
      id = count++;
      ids.set(a, b, id);
      src[id] = a;
      dst[id] = b;
      lca[id] = parent[a] as number;
    }
    ofEdge[e] = id;
    const k = edges.kind[e];
    if (k === EDGE_CONTROL) control[id] = (control[id] as number) + 1;
    else if (k === EDGE_REF) ref[id] = (ref[id] as number) + 1;
    else data[id] = (data[id] as number) + 1;
  }
  const { start: byLcaStart, items: byLca } = groupByKey(lca.subarray(0, count), n);
  return {
    count,
    src: src.slice(0, count),
    dst: dst.slice(0, count),
    lca: lca.slice(0, count),
    data: data.slice(0, count),
    control: control.slice(0, count),
    ref: ref.slice(0, count),
    byLcaStart,
    byLca,
    ofEdge,
  };
}

function grow(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}
