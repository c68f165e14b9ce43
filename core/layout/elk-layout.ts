// Lays out one scope with ELK's layered algorithm, in one of two ways. A scope with few ports hands
// them to ELK: open children are boxes with ports at fixed positions (from their own layouts) and
// bridges end at ports of the scope itself, which ELK orders along its sides. A scope with many
// (optimizers, gradients, Keras blocks touch hundreds of peers) made ELK's time follow the ports,
// each one dummy nodes and constraints; there ELK sees plain boxes, one edge per pair of children,
// and the border as two bundles: a source in the first layer feeding every child that receives from
// outside and a sink in the last layer fed by every child that sends outside. Routes are then moved
// to the ports they use, and the scope's own ports placed where their bundled routes leave the
// border (border-ports.ts). Measured in docs/PERFORMANCE.md ("layout", "boundary ports").
import type { ElkExtendedEdge, ElkNode, ElkPort } from 'elkjs/lib/elk-api';
import { endPointOf, placeOwnPorts } from './border-ports';
import { elkLayoutSync } from './elk-engine';
import { PADDING } from './node-sizes';
import { layoutResult, type Placed } from './layout-result';
import { portIsOut, type Direction, type EdgeEnd, type InputEdge, type ScopeInput, type ScopeLayout } from './types';

/**
 * Ports (own, and on open children) up to which ELK places them itself; above, the border is
 * bundled. Chosen by measurement (docs/PERFORMANCE.md, "boundary ports"): below it ELK's port
 * ordering keeps fewer crossings at little cost; above it the cost grows with every port.
 */
export const PORT_LIMIT = 64;

export const portCount = (input: ScopeInput): number => input.ownPorts.length + input.nodes.reduce((a, n) => a + n.ports.length, 0);

/** Layered, tuned for speed: on synthetic DAGs, 3,000 nodes take 1.4 s instead of 4.4 s with ELK's defaults. */
export const ELK_OPTIONS: Readonly<Record<string, string>> = {
  'elk.algorithm': 'layered',
  'elk.layered.thoroughness': '1',
  'elk.layered.layering.strategy': 'LONGEST_PATH',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
  'elk.edgeRouting': 'POLYLINE',
  'elk.spacing.nodeNode': '14',
  'elk.layered.spacing.nodeNodeBetweenLayers': '26',
  'elk.spacing.edgeNode': '8',
  'elk.portConstraints': 'FIXED_SIDE',
};

/** The border where edges enter a box, and the one where they leave, for a flow direction. */
export function portSides(direction: Direction): { in: string; out: string } {
  return direction === 'DOWN' ? { in: 'NORTH', out: 'SOUTH' } : { in: 'SOUTH', out: 'NORTH' };
}

/** The bundles standing for the scope's border: what enters it, and what leaves it. */
const IN = 'in';
const OUT = 'out';
const nodeId = (id: number): string => `n${id}`;
/** The ELK edge that carries an input edge's route: between two children, or a child's bundle edge. */
function carrier(e: InputEdge): string | null {
  if (e.from.node >= 0 && e.to.node >= 0) return e.from.node === e.to.node ? null : `${nodeId(e.from.node)}>${nodeId(e.to.node)}`;
  if (e.from.node < 0 && e.to.node >= 0) return `${IN}>${nodeId(e.to.node)}`;
  if (e.to.node < 0 && e.from.node >= 0) return `${nodeId(e.from.node)}>${OUT}`;
  return null;
}

const childPortId = (id: number, key: number): string => `p${id}_${key}`;
const ownPortId = (key: number): string => `o${key}`;
const endId = (end: EdgeEnd): string => (end.node < 0 ? ownPortId(end.port) : end.port >= 0 ? childPortId(end.node, end.port) : nodeId(end.node));

const scopeOptions = (input: ScopeInput): Record<string, string> => ({
  ...ELK_OPTIONS,
  'elk.direction': input.settings.direction,
  'elk.padding': `[top=${input.header + PADDING},left=${PADDING},bottom=${PADDING},right=${PADDING}]`,
});

/** The scope with its ports, one ELK edge per input edge. */
export function portedGraph(input: ScopeInput): ElkNode {
  const sides = portSides(input.settings.direction);
  const ports: ElkPort[] = input.ownPorts.map((key) => ({
    id: ownPortId(key), width: 0, height: 0, layoutOptions: { 'elk.port.side': portIsOut(key) ? sides.out : sides.in },
  }));
  const children: ElkNode[] = input.nodes.map((n) => ({
    id: nodeId(n.id),
    width: n.width,
    height: n.height,
    ...(n.ports.length > 0 ? {
      layoutOptions: { 'elk.portConstraints': 'FIXED_POS' },
      ports: n.ports.map((p) => ({ id: childPortId(n.id, p.key), x: p.x, y: p.y, width: 0, height: 0 })),
    } : {}),
  }));
  const edges: ElkExtendedEdge[] = input.edges.map((e, i) => ({ id: `e${i}`, sources: [endId(e.from)], targets: [endId(e.to)] }));
  return { id: 'scope', layoutOptions: scopeOptions(input), ports, children, edges };
}

function portedLayout(input: ScopeInput): Placed {
  // ELK ignores (and trips over) ports of the graph it is given, so the scope is laid out as the one
  // child of a fixed-layout wrapper: then its ports are external ports and edges may end on them.
  const top = elkLayoutSync({ id: 'top', layoutOptions: { 'elk.algorithm': 'fixed' }, children: [portedGraph(input)] });
  const out = top.children?.[0];
  if (!out) throw new Error('ELK returned no scope');
  const boxes = new Float64Array(4 * input.nodes.length);
  (out.children ?? []).forEach((c, i) => boxes.set([c.x ?? 0, c.y ?? 0, c.width ?? 0, c.height ?? 0], 4 * i));
  const portXY = new Float64Array(2 * input.ownPorts.length);
  (out.ports ?? []).forEach((p, i) => portXY.set([p.x ?? 0, p.y ?? 0], 2 * i));
  const routes = (out.edges ?? []).map((e) => {
    const s = e.sections?.[0];
    if (!s) return [];
    return [s.startPoint.x, s.startPoint.y, ...(s.bendPoints ?? []).flatMap((b) => [b.x, b.y]), s.endPoint.x, s.endPoint.y];
  });
  return { boxes, width: out.width ?? 0, height: out.height ?? 0, portXY, routes };
}

/** The scope without ports: plain children, one edge per pair, the border as two bundles. */
export function bundledGraph(input: ScopeInput): ElkNode {
  const children: ElkNode[] = input.nodes.map((n) => ({ id: nodeId(n.id), width: n.width, height: n.height }));
  const edges: ElkExtendedEdge[] = [];
  const seen = new Set<string>();
  const bundles = new Set<string>();
  for (const e of input.edges) {
    const id = carrier(e);
    if (id === null || seen.has(id)) continue;
    seen.add(id);
    const [source, target] = id.split('>') as [string, string];
    if (source === IN) bundles.add(IN);
    if (target === OUT) bundles.add(OUT);
    edges.push({ id, sources: [source], targets: [target] });
  }
  for (const [id, layer] of [[IN, 'FIRST'], [OUT, 'LAST']] as const) {
    if (bundles.has(id)) children.push({ id, width: 1, height: 1, layoutOptions: { 'elk.layered.layering.layerConstraint': layer } });
  }
  return { id: 'scope', layoutOptions: scopeOptions(input), children, edges };
}

/** The ELK graph a scope is laid out as. */
export const elkGraph = (input: ScopeInput): ElkNode => (portCount(input) <= PORT_LIMIT ? portedGraph(input) : bundledGraph(input));


export function elkLayout(input: ScopeInput, now: () => number): ScopeLayout {
  const t0 = now();
  const placed = portCount(input) <= PORT_LIMIT ? portedLayout(input) : bundledLayout(input);
  return layoutResult(input, placed, now() - t0, null);
}

function bundledLayout(input: ScopeInput): Placed {
  const out = elkLayoutSync(bundledGraph(input));
  const boxes = new Float64Array(4 * input.nodes.length);
  const index = new Map(input.nodes.map((n, i) => [n.id, i]));
  for (const c of out.children ?? []) {
    const i = c.id.startsWith('n') ? index.get(Number(c.id.slice(1))) : undefined;
    if (i !== undefined) boxes.set([c.x ?? 0, c.y ?? 0, c.width ?? 0, c.height ?? 0], 4 * i);
  }
  const width = out.width ?? 0;
  const height = out.height ?? 0;
  /** Each carrier's bend points: the route without the points where ELK started and ended it. */
  const bends = new Map<string, number[]>();
  for (const e of out.edges ?? []) {
    const s = e.sections?.[0];
    if (s) bends.set(e.id, (s.bendPoints ?? []).flatMap((b) => [b.x, b.y]));
  }
  const bendsOf = (e: InputEdge): readonly number[] => bends.get(carrier(e) ?? '') ?? [];
  const up = input.settings.direction !== 'DOWN';
  const at = { boxes, index };
  // An own port sits where its edges' bundled routes first bend inside the scope, so that the
  // order ELK chose for them along the layers holds up to the border.
  const portXY = placeOwnPorts(input, at, width, height, up, (j) => {
    const e = input.edges[j] as InputEdge;
    const b = bendsOf(e);
    if (b.length === 0) return undefined;
    return e.from.node < 0 ? b[0] : b[b.length - 2];
  });
  const endPoint = endPointOf(input, at, portXY, up);
  return { boxes, width, height, portXY, routes: input.edges.map((e) => [...endPoint(e.from, true), ...bendsOf(e), ...endPoint(e.to, false)]) };
}
