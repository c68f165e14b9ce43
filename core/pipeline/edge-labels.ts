// Edge labels for a scene: the tensor each drawn edge carries, as TensorBoard labels them
// (`?×224×224×3`, the dtype when it is not float32). An edge standing for several tensors (between
// scopes, or through a scope's border) shows their shape when all share it, else their count.
// Computed per open scope from the same merge the layout input makes (scope-input.ts), so the
// labels line up with the drawn edges whether the layouts came from the cache or not; only asked
// for while the View menu's toggle is on, since it reads the attributes of every source op drawn.
import { EDGE_CONTROL } from '../graph/graph';
import { TensorTypes, edgeLabel } from '../graph/tensor-types';
import type { PlacedGraph } from '../layout/assemble';
import type { VisibleLayout } from '../layout/layout-engine';
import { edgeKey, scopeEdges } from '../layout/scope-input';
import type { Bridge } from '../scope/scope-view';
import type { ScopedHierarchy } from '../scope/scope-engine';

/** The tensors merged into one drawn edge: distinct (op, slot) pairs and whether their labels agree. */
class TensorSet {
  private readonly seen = new Set<number>();
  private label: string | null = null;
  private mixed = false;

  add(src: number, slot: number, label: () => string): void {
    // Nodes stay below 2^31 and slots small: one number per tensor keeps the set cheap.
    const id = src * 4096 + Math.min(slot, 4095);
    if (this.seen.has(id)) return;
    this.seen.add(id);
    const l = label();
    if (this.label === null) this.label = l;
    else if (l !== this.label) this.mixed = true;
  }

  text(): string {
    const n = this.seen.size;
    if (n === 0) return '';
    if (!this.mixed && this.label !== '') return this.label ?? '';
    return n === 1 ? '' : `${n} tensors`;
  }
}

const kept = new WeakMap<object, Map<string, string>>();

/** One label per edge of `placed` ('' for none: control edges, or tensors nothing is known of). */
export function sceneEdgeLabels(model: ScopedHierarchy, visible: VisibleLayout, placed: PlacedGraph, expanded: ReadonlySet<number>): string[] {
  const h = model.hierarchy;
  const g = h.graph;
  const routed = h.routed;
  const types = new TensorTypes(g);
  const byScope = new Map<number, Map<string, string>>();
  const addRouted = (set: TensorSet, r: number): void => {
    if (routed.kind[r] === EDGE_CONTROL) return;
    const e = routed.base[r] as number;
    const src = g.edges.src[e] as number;
    const slot = g.edges.srcSlot[e] as number;
    set.add(src, slot, () => edgeLabel(types.of(src, slot)));
  };
  const labelsOf = (scope: number): Map<string, string> => {
    let labels = byScope.get(scope);
    if (labels) return labels;
    // A scope's layout object stands for its contents and open children: the same object (from the
    // engine's cache) has the same edges, so its labels are kept with it across layouts.
    const layout = visible.layouts.get(scope);
    labels = layout ? kept.get(layout) : undefined;
    if (labels) {
      byScope.set(scope, labels);
      return labels;
    }
    const sets = new Map<string, TensorSet>();
    const bridgeEdges = new Map<Bridge, number[]>();
    const parts: [string, { metaedge: number } | { bridge: Bridge }][] = [];
    scopeEdges(model, scope, expanded, visible.layouts, (key, part) => parts.push([key, part]), (bridge, e) => {
      let list = bridgeEdges.get(bridge);
      if (!list) bridgeEdges.set(bridge, (list = []));
      list.push(e);
    });
    for (const [key, part] of parts) {
      let set = sets.get(key);
      if (!set) sets.set(key, (set = new TensorSet()));
      const edges = 'metaedge' in part ? model.view.sizes.edgesOf(part.metaedge) : (bridgeEdges.get(part.bridge) ?? []);
      for (const r of edges) addRouted(set, r);
    }
    labels = new Map([...sets].map(([k, s]) => [k, s.text()]));
    byScope.set(scope, labels);
    if (layout) kept.set(layout, labels);
    return labels;
  };
  return placed.edges.map((pe) => {
    if (pe.data + pe.ref === 0) return '';
    const from = pe.from === pe.scope ? -1 : pe.from;
    const to = pe.to === pe.scope ? -1 : pe.to;
    return labelsOf(pe.scope).get(edgeKey(from, pe.fromPort, to, pe.toPort)) ?? '';
  });
}
