import { describe, expect, it } from 'vitest';
import { buildGroups } from '../../core/pipeline/draw/scene-groups';
import { idOf, everyShapeScene } from '../../core/test-support/tiny-scene';
import { gatherColours } from './group-colours';
import { computeNodeColours, NO_HIGHLIGHT } from './node-style';
import { THEMES } from './palette';

const scene = everyShapeScene();
const groups = buildGroups(scene);
const group = (name: string) => groups.find((g) => g.name === name);

describe('node colours', () => {
  const style = { theme: 'light' as const, colourMode: 'structure' as const };
  const rgb = (a: Uint8Array, i: number): number[] => [...a.slice(4 * i, 4 * i + 3)];

  it('gives ops their neutral colour and scopes with a template a palette colour', () => {
    const c = computeNodeColours(scene, style, NO_HIGHLIGHT);
    expect(rgb(c.fill, 2)).toEqual([...THEMES.light.op]);
    expect(rgb(c.fill, 1)).not.toEqual([...THEMES.light.scope]);
    expect(rgb(c.fill, 4)).toEqual([...THEMES.light.variable]);
  });

  it('makes auxiliary nodes slightly transparent', () => {
    const c = computeNodeColours(scene, style, NO_HIGHLIGHT);
    expect(c.fill[4 * 5 + 3]).toBeLessThan(255);
    expect(c.fill[4 * 5 + 3]).toBeGreaterThan(150);
    expect(c.fill[4 * 2 + 3]).toBe(255);
  });

  it('dims what a trace leaves out and outlines search matches', () => {
    const c = computeNodeColours(scene, style, { selected: -1, hovered: -1, traced: new Set([idOf(2)]), matches: new Set([idOf(3)]) });
    expect(c.dim[2]).toBe(0);
    expect(c.dim[3]).toBe(1);
    const bg = THEMES.light.background;
    const dist = (i: number): number => rgb(c.fill, i).reduce((s, v, k) => s + Math.abs(v - (bg[k] as number)), 0);
    expect(dist(4)).toBeLessThan(dist(2) + 1);
    expect(rgb(c.line, 3)).not.toEqual([...THEMES.light.match]); // dimmed, so faded toward the background
    const m = computeNodeColours(scene, style, { selected: -1, hovered: -1, traced: null, matches: new Set([idOf(3)]) });
    expect(rgb(m.line, 3)).toEqual([...THEMES.light.match]);
    expect(m.lineWidth[3]).toBe(2);
  });

  it('gathers per-instance colours, paler for the copies behind a series', () => {
    const c = computeNodeColours(scene, style, NO_HIGHLIGHT);
    const s = group('series');
    if (!s) throw new Error('no series group');
    const gc = gatherColours(s, c);
    expect(gc.fill[3]).toBeLessThan(gc.fill[7] as number);
    expect(gc.fill[7]).toBeLessThan(gc.fill[11] as number);
    const band = group('band');
    if (!band) throw new Error('no band group');
    expect(gatherColours(band, c).lineWidth[0]).toBe(0);
  });
});
