// The ELK graph of a scope: few ports are ELK's to place; a scope touching many peers is handed over
// without ports, so its size (ELK's cost) does not grow with them, and its drawn edges still reach
// their ports and boxes.
import { describe, expect, it } from 'vitest';
import { analyzeHierarchy, type ScopedHierarchy } from '../scope/scope-engine';
import { makeGraph, type NodeSpec } from '../test-support/graphs';
import { layoutProblems } from '../test-support/layout-invariants';
import { assemble } from './assemble';
import { elkGraph, elkLayout, PORT_LIMIT } from './elk-layout';
import { DEFAULT_SETTINGS, LayoutEngine } from './layout-engine';
import { inlineExecutor } from './local-layout';
import { scopeInput } from './scope-input';

const now = (): number => 0;

/**
 * An optimizer-like hub: `opt` holds a chain of `children` updates, each reading `peers` variables
 * outside it and feeding one consumer outside it; every outside node is a peer with a port.
 */
function hub(children: number, peers: number): ScopedHierarchy {
  const nodes: NodeSpec[] = [];
  for (let i = 0; i < children; i++) {
    const reads = Array.from({ length: peers }, (_, k) => `var_${i}_${k}_w`);
    for (const r of reads) nodes.push([r, 'VarHandleOp']);
    nodes.push([`opt/update_${i}_op`, 'AssignAdd', [...reads, ...(i > 0 ? [`opt/update_${i - 1}_op`] : [])]]);
    nodes.push([`after_${i}_op`, 'Identity', [`opt/update_${i}_op`]]);
  }
  return analyzeHierarchy(makeGraph(nodes), { extraction: false, seriesGrouping: false });
}

const optInput = (model: ScopedHierarchy) => scopeInput(model, model.hierarchy.find('opt'), new Set([model.hierarchy.find('opt')]), DEFAULT_SETTINGS, new Map());

describe('ELK graph of a scope', () => {
  it('hands a scope with few ports to ELK with its ports', () => {
    const input = optInput(hub(4, 1));
    expect(input.ownPorts.length).toBeLessThanOrEqual(PORT_LIMIT);
    expect(elkGraph(input).ports?.length).toBe(input.ownPorts.length);
  });

  it('hands a scope with many ports to ELK without them: the same graph for 3 or 12 peers per child', () => {
    const [few, many] = [3, 12].map((peers) => optInput(hub(30, peers)));
    expect(few?.ownPorts.length).toBe(30 * 3 + 30);
    expect(many?.ownPorts.length).toBe(30 * 12 + 30);
    const [a, b] = [few, many].map((i) => elkGraph(i as NonNullable<typeof i>));
    for (const g of [a, b]) {
      expect(g?.ports ?? []).toEqual([]);
      expect(g?.children?.every((c) => (c.ports ?? []).length === 0)).toBe(true);
      // The 30 children, one source bundling what enters, one sink bundling what leaves.
      expect(g?.children).toHaveLength(32);
    }
    // 29 edges of the chain and 2 bundle edges per child, whatever the number of ports.
    expect(a?.edges).toHaveLength(29 + 60);
    expect(b?.edges).toHaveLength(29 + 60);
  });

  it('a bundled scope keeps every edge followable: from each port to its child, and on to the peer outside', async () => {
    const model = hub(20, 4);
    const h = model.hierarchy;
    const opt = h.find('opt');
    const layout = await elkLayout(optInput(model), now);
    expect(layout.portKeys.length).toBeGreaterThan(PORT_LIMIT);
    // Entering ports on the bottom border, leaving ones on the top (data flows up).
    for (let k = 0; k < layout.portKeys.length; k++) {
      expect(layout.portXY[2 * k + 1]).toBe((layout.portKeys[k] as number) % 2 === 1 ? 0 : layout.height);
    }
    const visible = await new LayoutEngine(model, inlineExecutor(now)).layout(new Set([opt]));
    const placed = assemble(model, visible);
    // Invariants: every edge ends on its node's border or exactly at the port it names.
    expect(layoutProblems(placed, visible)).toEqual([]);
    // Each variable's edge into opt, and the edge inside opt from that port to its update, meet.
    const v = h.find('var_7_2_w');
    const outside = placed.edges.find((e) => e.from === v && e.to === opt);
    const inside = placed.edges.find((e) => e.scope === opt && e.from === opt && e.fromPort === outside?.toPort);
    expect(inside?.to).toBe(h.find('opt/update_7_op'));
    const end = outside?.points.slice(-2);
    expect(Array.from(inside?.points.slice(0, 2) ?? [])).toEqual(Array.from(end ?? []));
  });
});
