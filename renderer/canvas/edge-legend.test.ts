import { describe, expect, it } from 'vitest';
import { EDGE_KIND_CONTROL, EDGE_KIND_DATA, EDGE_KIND_REF } from '../../core/pipeline/scene';
import { edgeLegend } from './edge-legend';
import { THEMES } from './palette';
import { tinyScene, type TinyNode } from '../../core/test-support/tiny-scene';

const nodes: TinyNode[] = [{ box: [0, 0, 40, 20] }, { box: [0, 60, 40, 20] }];
const edge = (kind: number, mult = 1) => ({ from: 100, to: 101, points: [20, 20, 20, 60], kind, mult });

describe('edge legend', () => {
  it('explains only the edge styles the scene draws', () => {
    expect(edgeLegend(tinyScene(nodes, [edge(EDGE_KIND_DATA)]), 'light').map((e) => e.key)).toEqual(['data']);
    const all = edgeLegend(tinyScene(nodes, [edge(EDGE_KIND_DATA), edge(EDGE_KIND_CONTROL), edge(EDGE_KIND_REF, 3)]), 'light');
    expect(all.map((e) => e.key)).toEqual(['data', 'ref', 'control', 'count']);
    expect(all.find((e) => e.key === 'control')?.sample).toBe('dashed');
    expect(edgeLegend(tinyScene(nodes), 'light')).toEqual([]);
  });

  it('draws reference edges in the canvas colour of the theme', () => {
    const scene = tinyScene(nodes, [edge(EDGE_KIND_REF)]);
    expect(edgeLegend(scene, 'light')[0]?.colour).toEqual(THEMES.light.edgeRef);
    expect(edgeLegend(scene, 'dark')[0]?.colour).toEqual(THEMES.dark.edgeRef);
  });

  it('explains compare badges when a scope carries one', () => {
    const scene = { ...tinyScene(nodes, [edge(EDGE_KIND_DATA)]), badges: ['', '+2 −1 ~11'] };
    expect(edgeLegend(scene, 'light').map((e) => e.key)).toEqual(['data', 'badge']);
    expect(edgeLegend({ ...scene, badges: ['', ''] }, 'light').map((e) => e.key)).toEqual(['data']);
  });
});
