import { describe, expect, it } from 'vitest';
import { SHAPE_SCOPE } from '../../core/pipeline/scene';
import {
  categoricalColour, categorySlots, DIFF_COLOURS, formatMicros, legendFor, logRange, PALETTE_SIZE, rampColour, rampPosition,
} from './palette';
import { tinyScene, type TinyNode } from '../../core/test-support/tiny-scene';

const op = (name: string): TinyNode => ({ box: [0, 0, 40, 22], cats: { op: name } });

describe('categorical colours', () => {
  it('are grey for "no category" and cycle through the palette', () => {
    expect(categoricalColour(-1)).toEqual([170, 176, 186]);
    expect(categoricalColour(PALETTE_SIZE + 2)).toEqual(categoricalColour(2));
    const distinct = new Set(Array.from({ length: PALETTE_SIZE }, (_, k) => categoricalColour(k).join()));
    expect(distinct.size).toBe(PALETTE_SIZE);
  });

  it('follow the graph-wide ranks: the graph\'s most common categories get distinct slots', () => {
    const scene = tinyScene([op('MatMul'), op('MatMul'), op('Add'), op('Relu'), op('MatMul')]);
    const ranked = { ...scene, ranks: { ...emptyRanks(scene), op: Int32Array.from(scene.tables.op, (name) => ['MatMul', 'Add', 'Relu'].indexOf(name)) } };
    const slots = categorySlots(ranked, 'op');
    expect([...slots]).toEqual(scene.tables.op.map((name) => ['MatMul', 'Add', 'Relu'].indexOf(name)));
    const wrapped = { ...scene, ranks: { ...emptyRanks(scene), op: Int32Array.from(scene.tables.op, (_, k) => k + PALETTE_SIZE) } };
    expect([...categorySlots(wrapped, 'op')]).toEqual(scene.tables.op.map((_, k) => k));
  });

  it('depend on the category alone, not on what was coloured before or on table order', () => {
    const a = tinyScene([op('MatMul'), op('Add')]);
    const slotsA = categorySlots(a, 'op');
    const b = tinyScene([op('Conv2D'), op('Add'), op('Add'), op('MatMul')]);
    const slotsB = categorySlots(b, 'op');
    expect(slotsB[b.tables.op.indexOf('MatMul')]).toBe(slotsA[a.tables.op.indexOf('MatMul')]);
    expect(slotsB[b.tables.op.indexOf('Add')]).toBe(slotsA[a.tables.op.indexOf('Add')]);
    // Seeing b first changes nothing for a.
    expect([...categorySlots(a, 'op')]).toEqual([...slotsA]);
  });
});

const emptyRanks = (scene: ReturnType<typeof tinyScene>) => ({
  structure: new Int32Array(scene.tables.structure.length).fill(-1), op: new Int32Array(scene.tables.op.length).fill(-1),
  device: new Int32Array(scene.tables.device.length).fill(-1), xla: new Int32Array(scene.tables.xla.length).fill(-1),
});

describe('legendFor', () => {
  it('lists the top categories by frequency with the colours the canvas uses, then "other"', () => {
    const names = Array.from({ length: 15 }, (_, k) => `op${k}`);
    const nodes = names.flatMap((name, k) => Array.from({ length: 20 - k }, () => op(name)));
    nodes.push({ box: [0, 0, 1, 1] });
    const scene = tinyScene(nodes);
    const legend = legendFor(scene, 'op');
    expect(legend.length).toBe(13);
    expect(legend.slice(0, 12).map((e) => e.label)).toEqual(names.slice(0, 12));
    expect(legend[12]?.label).toBe('other / none');
    const slots = categorySlots(scene, 'op');
    expect(legend[0]?.colour).toEqual([...categoricalColour(slots[scene.tables.op.indexOf('op0')] ?? -1)]);
  });

  it('shows structure templates of closed scopes', () => {
    const scene = tinyScene([
      { box: [0, 0, 80, 38], shape: SHAPE_SCOPE, cats: { structure: 'block' } },
      { box: [0, 0, 80, 38], shape: SHAPE_SCOPE, cats: { structure: 'block' } },
    ]);
    expect(legendFor(scene, 'structure')).toEqual([{ label: 'block', colour: expect.any(Array), category: true }]);
  });

  it('gives ramp stops with formatted values for numeric modes', () => {
    const scene = tinyScene([10, 1000, 100000].map((v) => ({ box: [0, 0, 10, 10] as const, compute: v })));
    const legend = legendFor(scene, 'compute');
    expect(legend.map((e) => e.label)).toEqual(['10.0 µs', '100 µs', '1.00 ms', '10.0 ms', '100 ms']);
    expect(legend[0]?.colour).toEqual([...rampColour(0)]);
    expect(legend.at(-1)?.colour).toEqual([...rampColour(1)]);
    expect(legendFor(scene, 'memory')).toEqual([{ label: 'no figures', colour: [...categoricalColour(-1)] }]);
  });
});

describe('ramp', () => {
  it('maps values on a log scale, NaN to unknown', () => {
    const range = logRange(Float32Array.of(NaN, 10, 1000, 0, -1));
    expect(range).toEqual({ lo: 1, hi: 3 });
    if (!range) return;
    expect(rampPosition(100, range)).toBeCloseTo(0.5, 9);
    expect(rampPosition(0, range)).toBe(0);
    expect(Number.isNaN(rampPosition(NaN, range))).toBe(true);
    // The ramp darkens: the sum of channels falls.
    const lum = (t: number): number => rampColour(t).reduce((a, b) => a + b, 0);
    expect(lum(0)).toBeGreaterThan(lum(0.5));
    expect(lum(0.5)).toBeGreaterThan(lum(1));
  });

  it('formats time (bytes: common/format-bytes.test.ts)', () => {
    expect(formatMicros(12.5)).toBe('12.5 µs');
    expect(formatMicros(2_500_000)).toBe('2.50 s');
  });
});

describe('diff colours', () => {
  it('legend only the statuses the scene shows, and say when there is no diff', () => {
    const plain = tinyScene([op('MatMul')]);
    expect(legendFor(plain, 'diff').map((e) => e.label)).toEqual(['no diff (open two graphs with Compare)']);
    const scene = { ...plain, ...tinyScene([op('A'), op('B'), op('C')]), diff: Uint8Array.from([0, 4, 4]) };
    const legend = legendFor(scene, 'diff');
    expect(legend.map((e) => e.label)).toEqual(['same', 'added (only in B)']);
    expect(legend[1]?.colour).toEqual([...(DIFF_COLOURS[4] ?? [])]);
  });

  it('are distinct for every status but same, which keeps its neutral colour', () => {
    expect(DIFF_COLOURS[0]).toBeNull();
    const hues = DIFF_COLOURS.slice(1).map((c) => c?.join());
    expect(new Set(hues).size).toBe(hues.length);
  });
});
