// Which layout draws a scope: the layered layout by default, ELK's for an ordinary scope when the
// settings ask for ELK (its code then loaded on demand), the fast layout for children without edges.
import { describe, expect, it } from 'vitest';
import { elkLayout } from './elk-layout';
import { fastLayout } from './fast-layout';
import { layeredLayout } from './layered-layout';
import { DEFAULT_SETTINGS } from './layout-engine';
import { runLayout } from './run-layout';
import { portKey, type InputEdge, type LayoutAlgorithm, type ScopeInput, type ScopeLayout } from './types';

const now = (): number => 0;
const edge = (a: number, b: number): InputEdge => ({ from: { node: a, port: a < 0 ? portKey(99, false) : -1 }, to: { node: b, port: -1 }, data: 1, control: 0, ref: 0, elements: 1 });
const scope = (algorithm: LayoutAlgorithm, edges: InputEdge[]): ScopeInput => ({
  scope: 1, settings: { ...DEFAULT_SETTINGS, algorithm }, header: 20, aux: [], ownPorts: [portKey(99, false)], edges,
  nodes: [10, 11, 12, 13].map((id) => ({ id, width: 40 + 10 * id, height: 20, ports: [] })),
});
const geometry = (l: ScopeLayout): number[][] => [Array.from(l.nodeBoxes), Array.from(l.points), Array.from(l.portXY)];
const edges = [edge(-1, 10), edge(10, 11), edge(10, 12), edge(11, 13), edge(12, 13), edge(10, 13)];

describe('runLayout', () => {
  it('draws an ordinary scope with the layered layout by default, and with ELK when asked', async () => {
    const layered = await runLayout(scope('layered', edges), now);
    const elk = await runLayout(scope('elk', edges), now);
    expect(geometry(layered)).toEqual(geometry(layeredLayout(scope('layered', edges), now)));
    expect(geometry(elk)).toEqual(geometry(elkLayout(scope('elk', edges), now)));
    expect(geometry(elk)).not.toEqual(geometry(layered));
  });

  it('lays children without edges between them out in rows, whatever the algorithm', async () => {
    const flat = [edge(-1, 10), edge(-1, 12)];
    for (const algorithm of ['layered', 'elk'] as const) {
      expect(geometry(await runLayout(scope(algorithm, flat), now))).toEqual(geometry(fastLayout(scope(algorithm, flat), now, false)));
    }
  });
});
