// `scopeview hierarchy`: every node of the scope hierarchy, named as TensorBoard names them
// (strict `a/(a)`, series `prefix[start-end]`, embedded nodes with every host in `embeddedIn`), so both can be
// compared entry by entry. Library functions follow under `__function_library__/NAME/`.
import type { Graph } from '../core/graph/graph';
import { H_KIND_NAMES, type Hierarchy } from '../core/scope/hierarchy';
import type { ScopeModel } from '../core/scope/scope-engine';

export interface HierarchyJsonNode {
  name: string;
  parent: string | null;
  type: 'scope' | 'op' | 'series';
  op: string | null;
  /** Hierarchy names of every node this one is drawn inside, in graph order; [] when it has a box of its own. */
  embeddedIn: string[];
  auxiliary: boolean;
  template: string | null;
}

export const LIBRARY_ROOT = '__function_library__';

/** The hierarchy node holding embedded node `i`: the nearest scope on its name's path. */
function embeddedParent(h: Hierarchy, name: string): number {
  for (let pos = name.lastIndexOf('/'); pos > 0; pos = name.lastIndexOf('/', pos - 1)) {
    const s = h.find(name.slice(0, pos));
    if (s > 0 && h.kind[s] === 0) return s;
  }
  return h.root;
}

function strictName(h: Hierarchy, raw: string): string {
  const s = h.find(raw);
  return s > 0 && h.kind[s] === 0 ? `${raw}/(${raw.slice(raw.lastIndexOf('/') + 1)})` : raw;
}

export function hierarchyJson(h: Hierarchy, templateOf: (x: number) => string | null, aux: Uint8Array, prefix = '', top: string | null = null): HierarchyJsonNode[] {
  const out: HierarchyJsonNode[] = [];
  const full = (x: number): string | null => (x === h.root ? top : prefix + h.name(x));
  const template = (x: number): string | null => {
    const t = templateOf(x);
    return t === null ? null : prefix + t;
  };
  for (let x = 1; x < h.count; x++) {
    out.push({
      name: prefix + h.name(x),
      parent: full(h.parent[x] as number),
      type: H_KIND_NAMES[h.kind[x] as 0 | 1 | 2],
      op: h.op(x),
      embeddedIn: [],
      auxiliary: aux[x] === 1,
      template: template(x),
    });
  }
  const g: Graph = h.graph;
  for (let i = 0; i < g.nodeCount; i++) {
    const hosts = h.hostsOf(i);
    if (hosts.length === 0) continue;
    out.push({
      name: prefix + strictName(h, g.name(i)),
      parent: full(embeddedParent(h, g.name(i))),
      type: 'op',
      op: g.op(i),
      embeddedIn: Array.from(hosts, (host) => prefix + h.name(h.hnodeOf[host] as number)),
      auxiliary: false,
      template: null,
    });
  }
  return out;
}

/** All nodes of a scope model, library functions included. */
export function modelJson(model: ScopeModel): { nodes: HierarchyJsonNode[] } {
  const nodes = hierarchyJson(model.hierarchy, model.templates.of, model.auxiliary);
  if (model.library.length) {
    nodes.push({ name: LIBRARY_ROOT, parent: null, type: 'scope', op: null, embeddedIn: [], auxiliary: false, template: null });
    for (const f of model.library) {
      const top = `${LIBRARY_ROOT}/${f.name}`;
      nodes.push({ name: top, parent: LIBRARY_ROOT, type: 'scope', op: null, embeddedIn: [], auxiliary: false, template: null });
      nodes.push(...hierarchyJson(f.hierarchy, f.templates.of, f.auxiliary, `${top}/`, top));
    }
  }
  return { nodes };
}

/** A readable outline: the top-level scopes with their sizes, series and auxiliary nodes. */
export function hierarchyText(model: ScopeModel, maxLines = 60): string {
  const h = model.hierarchy;
  const lines: string[] = [];
  let scopes = 0;
  let series = 0;
  for (let x = 1; x < h.count; x++) {
    if (h.kind[x] === 0) scopes++;
    else if (h.kind[x] === 2) series++;
  }
  lines.push(`${h.graph.nodeCount} nodes: ${scopes} scopes, ${series} series, ${h.metaedges.count} metaedges, ${model.library.length} library functions`);
  const top = [...h.children(h.root)].sort((a, b) => (h.size[b] as number) - (h.size[a] as number));
  for (const x of top.slice(0, maxLines)) {
    const kind = H_KIND_NAMES[h.kind[x] as 0 | 1 | 2];
    const extra = h.kind[x] === 0 ? ` (${(h.size[x] as number) - 1} nodes inside, template ${model.templates.of(x) ?? '-'})` : ` [${h.op(x) ?? ''}]`;
    lines.push(`  ${kind} ${h.name(x)}${extra}${model.auxiliary[x] ? ' (auxiliary)' : ''}`);
  }
  if (top.length > maxLines) lines.push(`  … ${top.length - maxLines} more top-level nodes`);
  return lines.join('\n');
}
