import { describe, expect, it } from 'vitest';
import { HEADER } from '../../layout/node-sizes';
import { buildGroups, CONST_INSET, GROUP_ORDER, GROUP_RADIUS, SERIES_STEP } from './scene-groups';
import { everyShapeScene } from '../../test-support/tiny-scene';

const scene = everyShapeScene();
const groups = buildGroups(scene);
const group = (name: string) => groups.find((g) => g.name === name);

describe('buildGroups', () => {
  it('makes one group per drawn shape in draw order', () => {
    expect(groups.map((g) => g.name)).toEqual(GROUP_ORDER);
    expect(groups.map((g) => g.count)).toEqual([1, 1, 1, 3, 1, 1, 1]);
    expect(GROUP_RADIUS.variable).toBe(0);
    expect(GROUP_RADIUS.op).toBeGreaterThan(100);
  });

  it('gives open scopes a title band as wide as the box and HEADER tall', () => {
    const band = group('band');
    expect([...(band?.positions ?? [])]).toEqual([0, 0]);
    expect([...(band?.rects ?? [])]).toEqual([0, 0, 500, HEADER]);
  });

  it('draws a series as two offset copies behind a front box, back first', () => {
    const s = group('series');
    expect([...(s?.slots ?? [])]).toEqual([5, 5, 5]);
    expect([...(s?.positions ?? [])]).toEqual([10 + 2 * SERIES_STEP, 220 + 2 * SERIES_STEP, 10 + SERIES_STEP, 220 + SERIES_STEP, 10, 220]);
    // Together the copies span exactly the scene's box.
    expect(s?.rects[2]).toBe(90 - 2 * SERIES_STEP);
    expect((s?.positions[0] as number) + (s?.rects[2] as number)).toBe(100);
  });

  it('draws constants as a slimmer pill inside their box', () => {
    const c = group('const');
    expect([...(c?.positions ?? [])]).toEqual([10, 140 + CONST_INSET]);
    expect(c?.rects[3]).toBe(22 - 2 * CONST_INSET);
  });
});
