import { describe, expect, it } from 'vitest';
import { SHAPE_SCOPE_OPEN } from '../../core/pipeline/scene';
import { buildEdgeGeometry } from '../../core/pipeline/draw/edge-geometry';
import { buildGroups } from '../../core/pipeline/draw/scene-groups';
import { idOf, tinyScene, type TinyNode } from '../../core/test-support/tiny-scene';
import { CullWindow, DetailBudget, LOD, selectVisible } from './visibility';

// An open scope holding a row of 20 ops (80 × 22) linked in a chain, and one op far away.
const ops: TinyNode[] = Array.from({ length: 20 }, (_, k) => ({ box: [20 + 100 * k, 40, 80, 22] }));
const scene = tinyScene([{ box: [0, 0, 2100, 100], shape: SHAPE_SCOPE_OPEN }, ...ops, { box: [10_000, 10_000, 80, 22] }],
  ops.slice(1).map((_, k) => ({ from: idOf(k + 1), to: idOf(k + 2), points: [100 + 100 * k, 51, 120 + 100 * k, 51] })));
const groups = buildGroups(scene);
const edges = buildEdgeGeometry(scene);
const opGroup = groups.findIndex((g) => g.name === 'op');
const everything = { x: -1e6, y: -1e6, width: 2e6, height: 2e6 };

describe('selectVisible', () => {
  it('keeps what is in the region', () => {
    const v = selectVisible(groups, edges, { x: 0, y: 0, width: 2200, height: 200 }, 1, Infinity);
    expect(v.groups[opGroup]?.length).toBe(20);
    expect(v.edges.length).toBe(19);
    expect(v.truncated).toBe(false);
    const half = selectVisible(groups, edges, { x: 0, y: 0, width: 1000, height: 200 }, 1, Infinity);
    expect(half.groups[opGroup]?.length).toBe(10);
  });

  it('drops edges and title bands too small on screen, never boxes (tiny ones are drawn as marks)', () => {
    // At 1/400 an op is 0.2 px wide: still drawn (as a one-pixel mark), and so is the scope.
    const v = selectVisible(groups, edges, everything, 1 / 400, Infinity);
    expect(LOD.minBoxPx).toBe(0);
    expect(v.groups[opGroup]?.length).toBe(21);
    expect(v.groups[groups.findIndex((g) => g.name === 'open')]?.length).toBe(1);
    expect(v.edges.length).toBe(0);
    // Its title band (26 × 1/400 px) is too thin to show.
    expect(v.groups[groups.findIndex((g) => g.name === 'band')]?.length).toBe(0);
  });

  it('cuts whole size classes, smallest first, to stay within the budget', () => {
    const all = selectVisible(groups, edges, everything, 1, Infinity);
    expect(all.instances).toBe(1 + 1 + 21 + 19 + 19);
    const cut = selectVisible(groups, edges, everything, 1, 30);
    expect(cut.truncated).toBe(true);
    expect(cut.instances).toBeLessThanOrEqual(30);
    // The edges (20 px) are the smallest class: they go; the ops (80 px) and the scope stay.
    expect(cut.edges.length).toBe(0);
    expect(cut.groups[opGroup]?.length).toBe(21);
    // No box was cut, so labels are not limited.
    expect(cut.cutPx).toBe(0);
    // With room for less than all 21 equal ops, they go together (no holes); the scope stays.
    const tight = selectVisible(groups, edges, everything, 1, 10);
    expect(tight.groups[opGroup]?.length).toBe(0);
    expect(tight.groups[groups.findIndex((g) => g.name === 'open')]?.length).toBe(1);
    // Boxes under the kept class (the 80 px ops) were cut; the 2100 px scope was not.
    expect(tight.cutPx).toBeGreaterThan(80);
    expect(tight.cutPx).toBeLessThan(2100);
  });

  it('cuts edges before boxes, even edges larger on screen than the boxes', () => {
    const far = tinyScene([{ box: [0, 0, 40, 22] }, { box: [2000, 0, 40, 22] }], [{ from: idOf(0), to: idOf(1), points: [40, 11, 2000, 11] }]);
    const g = buildGroups(far);
    const e = buildEdgeGeometry(far);
    const op = g.findIndex((x) => x.name === 'op');
    expect(selectVisible(g, e, everything, 1, Infinity).instances).toBe(4);
    // Room for the two boxes but not the edge (a segment and an arrowhead): the edge goes.
    const cut = selectVisible(g, e, everything, 1, 3);
    expect(cut.groups[op]?.length).toBe(2);
    expect(cut.edges.length).toBe(0);
    expect(cut.truncated).toBe(true);
    expect(cut.cutPx).toBe(0);
  });
});

describe('edge level of detail', () => {
  it('draws an edge only when the boxes at both ends are drawn', () => {
    const slots = new Int32Array(2 * scene.edgeCount);
    for (let e = 0; e < scene.edgeCount; e++) {
      slots[2 * e] = (scene.edgeFrom[e] as number) - 100;
      slots[2 * e + 1] = (scene.edgeTo[e] as number) - 100;
    }
    const ends = { slots, boxes: scene.boxes };
    // At zoom 1 every op is drawn, so are the edges between them.
    expect(selectVisible(groups, edges, everything, 1, Infinity, ends).edges.length).toBe(19);
    // With a box LOD (the default draws every box), ops too flat to draw (1 < 2 px) take their
    // edges with them, even edges long enough on screen.
    const flat = Float32Array.from(scene.boxes);
    for (let i = 1; i <= 20; i++) flat[4 * i + 3] = 1;
    expect(selectVisible(groups, edges, everything, 1, Infinity, { slots, boxes: flat }, { ...LOD, minBoxHeightPx: 2 }).edges.length).toBe(0);
  });
});

describe('CullWindow', () => {
  it('re-chooses only when the view leaves the padded window or the zoom moves', () => {
    const w = new CullWindow();
    const v = { x: 0, y: 0, width: 300, height: 300 };
    expect(w.needsUpdate(v, 0)).toBe(true);
    w.update(v, 0);
    expect(w.needsUpdate({ ...v, x: 90 }, 0)).toBe(false);
    expect(w.needsUpdate({ ...v, x: 110 }, 0)).toBe(true);
    expect(w.needsUpdate(v, 0.25)).toBe(true);
  });
});

describe('DetailBudget', () => {
  it('shrinks in proportion when frames are slow, not below its floor', () => {
    const b = new DetailBudget(100_000, 3000);
    let changed = false;
    for (let i = 0; i < 6; i++) changed = b.report(100, 40_000, false) || changed;
    expect(changed).toBe(true);
    expect(b.value).toBe(10_000);
    // The cut helped (100 → 60 ms) but frames are still slow: cut again, down to the floor.
    for (let i = 0; i < 6; i++) b.report(60, 10_000, true);
    expect(b.value).toBe(4166);
    for (let i = 0; i < 6; i++) b.report(45, 4166, true);
    expect(b.value).toBe(3000);
  });

  it('keeps a cut that made frames at least 10% faster, even if they are still slow', () => {
    const b = new DetailBudget(100_000, 1000);
    for (let i = 0; i < 6; i++) b.report(52, 40_000, false);
    const cut = b.value;
    expect(cut).toBeLessThan(40_000);
    // 52 → 44 ms: 15% faster; still over the limit, so it is cut further rather than undone.
    for (let i = 0; i < 6; i++) b.report(44, 16_000, true);
    expect(b.value).toBeLessThan(cut);
  });

  it('undoes a cut that did not make frames faster, and does not cut again', () => {
    const b = new DetailBudget(100_000, 1000);
    for (let i = 0; i < 6; i++) b.report(90, 20_000, false);
    expect(b.value).toBe(5555);
    for (let i = 0; i < 6; i++) b.report(85, 5555, true);
    expect(b.value).toBe(100_000);
    for (let i = 0; i < 12; i++) b.report(90, 20_000, false);
    expect(b.value).toBe(100_000);
    // A new scene may be cut again.
    b.resetCeiling();
    for (let i = 0; i < 6; i++) b.report(90, 20_000, false);
    expect(b.value).toBe(5555);
  });

  it('grows back when fast and cut, never past a size that was slow', () => {
    const b = new DetailBudget(100_000, 1000);
    for (let i = 0; i < 6; i++) b.report(80, 8000, false);
    const low = b.value;
    for (let i = 0; i < 60; i++) b.report(10, b.value, true);
    expect(b.value).toBeGreaterThan(low);
    expect(b.value).toBeLessThan(8000);
    // Fast frames with nothing cut: no reason to grow.
    const c = new DetailBudget(5000);
    for (let i = 0; i < 12; i++) c.report(5, 5000, false);
    expect(c.value).toBe(5000);
  });
});
