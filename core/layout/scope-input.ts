// Builds the layout input of one expanded scope from the scope engine: its children with their
// sizes (an expanded child brings its own laid-out size and ports), the metaedges between them and
// the bridges through the scope's border, each bridge attached to the port of its peer.
import type { ScopedHierarchy } from '../scope/scope-engine';
import { H_SCOPE } from '../scope/hierarchy';
import type { Bridge, BridgeEdgeHook, ScopeContents } from '../scope/scope-view';
import { collapsedSize, HEADER } from './node-sizes';
import { EndNumbers, endPair } from './end-numbers';
import { portKey, type EdgeEnd, type InputNode, type LayoutSettings, type PortKey, type ScopeInput, type ScopeLayout } from './types';

/** A scope is drawn open when it is expanded and is a scope (ops and series never open). */
export function isOpen(model: ScopedHierarchy, x: number, expanded: ReadonlySet<number>): boolean {
  return x === model.hierarchy.root || (expanded.has(x) && model.hierarchy.kind[x] === H_SCOPE);
}

/** The node next to `scope` where the edges between scope and `outer` meet: a child of their lowest common ancestor. */
export function peerOf(model: ScopedHierarchy, scope: number, outer: number): number {
  const h = model.hierarchy;
  let lca = h.parent[scope] as number;
  while (lca >= 0 && !h.contains(lca, outer)) lca = h.parent[lca] as number;
  return h.childToward(lca < 0 ? h.root : lca, outer);
}

function inputNode(model: ScopedHierarchy, x: number, expanded: ReadonlySet<number>, settings: LayoutSettings, layouts: ReadonlyMap<number, ScopeLayout>): InputNode {
  if (isOpen(model, x, expanded)) {
    const l = layouts.get(x);
    if (!l) throw new Error(`scope-input: the layout of open child ${x} is missing`);
    const ports = Array.from(l.portKeys, (key, i) => ({ key, x: l.portXY[2 * i] as number, y: l.portXY[2 * i + 1] as number }));
    return { id: x, width: l.width, height: l.height, ports };
  }
  return { id: x, ...collapsedSize(model.hierarchy, x, settings.metrics), ports: [] };
}

interface EdgeAcc { from: EdgeEnd; to: EdgeEnd; data: number; control: number; ref: number; elements: number }

/** One part of a laid-out edge: a metaedge between children, or a bridge through the scope's border. */
export type EdgePart = { readonly metaedge: number } | { readonly bridge: Bridge };

/** The key a scope's layout edge is merged under (`edgeFrom` / `edgeFromPort` ... of its ScopeLayout; -1: the scope itself). */
export function edgeKey(fromNode: number, fromPort: number, toNode: number, toPort: number): string {
  return `${fromNode}.${fromPort}>${toNode}.${toPort}`;
}

export interface ScopeEdges {
  readonly contents: ScopeContents;
  /** Merged edges, in the order their first part was met. */
  readonly edges: EdgeAcc[];
  readonly ownPorts: Set<PortKey>;
}

/**
 * The edges of `scope`'s layout, merged per endpoint pair (node or port). `onPart` sees what each
 * merged edge is made of, under its edgeKey, and `onBridgeEdge` the routed edges of each bridge
 * (edge-labels.ts).
 */
export function scopeEdges(model: ScopedHierarchy, scope: number, expanded: ReadonlySet<number>, layouts: ReadonlyMap<number, ScopeLayout>,
  onPart?: (key: string, part: EdgePart) => void, onBridgeEdge?: BridgeEdgeHook): ScopeEdges {
  const h = model.hierarchy;
  const contents = model.view.expand(scope, onBridgeEdge);
  const aux = new Set(contents.auxiliary);
  const open = (x: number): boolean => isOpen(model, x, expanded);
  const portSets = new Map<number, Set<number>>();
  // One end object per numbered end (node, port), shared by the edges that meet it.
  const numbers = new EndNumbers(-1);
  const endObjects: EdgeEnd[] = [];
  const endOf = (node: number, port: number): number => {
    const id = numbers.of(node, port);
    if (id === endObjects.length) endObjects.push({ node, port });
    return id;
  };
  /** An open child's port, when its layout has one (a port toward an auxiliary node inside it is
   *  not drawn there, as in TensorBoard); otherwise the edge ends on the child's box. */
  const end = (x: number, key: PortKey): number => {
    if (!open(x)) return endOf(x, -1);
    let ports = portSets.get(x);
    if (!ports) {
      ports = new Set(layouts.get(x)?.portKeys ?? []);
      portSets.set(x, ports);
    }
    return endOf(x, ports.has(key) ? key : -1);
  };
  const edges = new Map<number, EdgeAcc>();
  const add = (fromId: number, toId: number, data: number, control: number, ref: number, elements: number, part: EdgePart): void => {
    const key = endPair(fromId, toId);
    const from = endObjects[fromId] as EdgeEnd;
    const to = endObjects[toId] as EdgeEnd;
    if (onPart) onPart(edgeKey(from.node, from.port, to.node, to.port), part);
    const e = edges.get(key);
    if (e) {
      e.data += data;
      e.control += control;
      e.ref += ref;
      e.elements += elements;
    } else edges.set(key, { from, to, data, control, ref, elements });
  };
  const m = h.metaedges;
  for (const id of contents.metaedges) {
    const a = m.src[id] as number;
    const b = m.dst[id] as number;
    if (aux.has(a) || aux.has(b)) continue;
    add(end(a, portKey(b, true)), end(b, portKey(a, false)),
      m.data[id] as number, m.control[id] as number, m.ref[id] as number, model.view.sizes.metaedgeElements(id), { metaedge: id });
  }
  const ownPorts = new Set<PortKey>();
  for (const br of contents.bridges) {
    if (aux.has(br.inner)) continue;
    const out = br.direction === 'out';
    const key = portKey(peerOf(model, scope, br.outer), out);
    ownPorts.add(key);
    const inner = end(br.inner, key);
    const own = endOf(-1, key);
    if (out) add(inner, own, br.data, br.control, br.ref, br.elements, { bridge: br });
    else add(own, inner, br.data, br.control, br.ref, br.elements, { bridge: br });
  }
  return { contents, edges: [...edges.values()], ownPorts };
}

export function scopeInput(model: ScopedHierarchy, scope: number, expanded: ReadonlySet<number>, settings: LayoutSettings, layouts: ReadonlyMap<number, ScopeLayout>): ScopeInput {
  const h = model.hierarchy;
  const { contents, edges, ownPorts } = scopeEdges(model, scope, expanded, layouts);
  return {
    scope,
    settings,
    header: scope === h.root ? 0 : HEADER,
    nodes: contents.children.map((c) => inputNode(model, c, expanded, settings, layouts)),
    aux: contents.auxiliary.map((c) => inputNode(model, c, expanded, settings, layouts)),
    ownPorts: [...ownPorts].sort((a, b) => a - b),
    edges,
  };
}
