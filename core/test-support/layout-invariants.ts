// Geometry invariants every layout must satisfy, checked by the layout tests on fixtures, the
// corpus and random graphs: containment with padding, no sibling overlap, finite numbers, and
// edges that start and end on their endpoints' boxes or ports.
import type { PlacedGraph, PlacedNode } from '../layout/assemble';
import type { VisibleLayout } from '../layout/layout-engine';
import { PADDING } from '../layout/node-sizes';

const EPS = 0.51;

export function layoutProblems(placed: PlacedGraph, visible: VisibleLayout, limit = 5): string[] {
  const problems: string[] = [];
  const say = (p: string): void => {
    if (problems.length < limit) problems.push(p);
  };
  const byId = new Map<number, PlacedNode>(placed.nodes.map((n) => [n.id, n]));
  const finite = (v: number): boolean => Number.isFinite(v);
  if (!finite(placed.width) || !finite(placed.height)) say('graph size is not finite');
  const siblings = new Map<number, PlacedNode[]>();
  for (const n of placed.nodes) {
    if (![n.x, n.y, n.width, n.height].every(finite)) say(`node ${n.id}: box is not finite`);
    if (n.width <= 0 || n.height <= 0) say(`node ${n.id}: empty box`);
    const p = n.parent < 0 ? null : byId.get(n.parent);
    if (n.parent >= 0 && !p) say(`node ${n.id}: parent ${n.parent} is not placed`);
    if (p && (n.x < p.x + PADDING - EPS || n.y < p.y + PADDING - EPS || n.x + n.width > p.x + p.width - PADDING + EPS || n.y + n.height > p.y + p.height - PADDING + EPS)) {
      say(`node ${n.id} [${n.x}, ${n.y}, ${n.width}, ${n.height}] is not inside parent ${p.id} [${p.x}, ${p.y}, ${p.width}, ${p.height}] with padding`);
    }
    if (!p && (n.x < -EPS || n.y < -EPS || n.x + n.width > placed.width + EPS || n.y + n.height > placed.height + EPS)) say(`top-level node ${n.id} lies outside the graph`);
    const list = siblings.get(n.parent) ?? [];
    list.push(n);
    siblings.set(n.parent, list);
  }
  for (const list of siblings.values()) {
    // Sweep along x: only boxes whose x ranges overlap can collide.
    const sorted = [...list].sort((a, b) => a.x - b.x);
    for (let i = 0; i < sorted.length; i++) {
      const a = sorted[i] as PlacedNode;
      for (let j = i + 1; j < sorted.length && (sorted[j] as PlacedNode).x < a.x + a.width - EPS; j++) {
        const b = sorted[j] as PlacedNode;
        if (b.y < a.y + a.height - EPS && a.y < b.y + b.height - EPS) say(`siblings ${a.id} and ${b.id} overlap`);
      }
    }
  }
  const onBorder = (n: PlacedNode, x: number, y: number): boolean => {
    const inX = x >= n.x - EPS && x <= n.x + n.width + EPS;
    const inY = y >= n.y - EPS && y <= n.y + n.height + EPS;
    const edgeX = Math.abs(x - n.x) < EPS || Math.abs(x - n.x - n.width) < EPS;
    const edgeY = Math.abs(y - n.y) < EPS || Math.abs(y - n.y - n.height) < EPS;
    return inX && inY && (edgeX || edgeY);
  };
  const portAt = (n: PlacedNode, key: number): [number, number] | null => {
    const l = visible.layouts.get(n.id);
    const k = l ? Array.from(l.portKeys).indexOf(key) : -1;
    return l && k >= 0 ? [n.x + (l.portXY[2 * k] as number), n.y + (l.portXY[2 * k + 1] as number)] : null;
  };
  const rootBox: PlacedNode = { id: visible.root, type: 'scope', expanded: true, parent: -1, x: 0, y: 0, width: placed.width, height: placed.height };
  for (const e of placed.edges) {
    if (!Array.from(e.points).every(finite)) say(`edge ${e.from}→${e.to}: points are not finite`);
    if (e.points.length < 4) {
      say(`edge ${e.from}→${e.to}: fewer than two points`);
      continue;
    }
    const ends: [number, number, number, number][] = [
      [e.from, e.fromPort, e.points[0] as number, e.points[1] as number],
      [e.to, e.toPort, e.points[e.points.length - 2] as number, e.points[e.points.length - 1] as number],
    ];
    for (const [node, port, x, y] of ends) {
      const n = node === visible.root ? rootBox : byId.get(node);
      if (!n) {
        say(`edge ${e.from}→${e.to}: endpoint ${node} is not placed`);
        continue;
      }
      if (!onBorder(n, x, y)) say(`edge ${e.from}→${e.to} in scope ${e.scope}: end (${x}, ${y}) is not on the border of ${node} [${n.x}, ${n.y}, ${n.width}, ${n.height}]`);
      if (port >= 0) {
        const at = portAt(n, port);
        if (!at) say(`edge ${e.from}→${e.to}: ${node} has no port ${port}`);
        else if (Math.abs(at[0] - x) > EPS || Math.abs(at[1] - y) > EPS) say(`edge ${e.from}→${e.to}: end (${x}, ${y}) is not at port ${port} of ${node} (${at[0]}, ${at[1]})`);
      }
    }
  }
  return problems;
}
