// The id → slot table of a scene: the slot of every id drawn, -1 for any other.
import { describe, expect, it } from 'vitest';
import { slotIn, slotTable } from './scene-slots';

describe('scene slots', () => {
  it('finds the slot of each id drawn and -1 for an id not drawn', () => {
    const table = slotTable(Int32Array.from([7, 3, 12]), 3);
    expect([7, 3, 12, 5, 0, -1].map((id) => slotIn(table, id))).toEqual([0, 1, 2, -1, -1, -1]);
  });

  it('looks up only the first `count` ids', () => {
    const table = slotTable(Int32Array.from([4, 9]), 1);
    expect([slotIn(table, 4), slotIn(table, 9)]).toEqual([0, -1]);
  });

  it('holds every id of a large scene, runs and strides alike, whatever their collisions', () => {
    const ids = Int32Array.from({ length: 50_000 }, (_, i) => (i < 25_000 ? 1_000_000 + i : 4096 * i));
    const table = slotTable(ids, ids.length);
    const wrong = [...ids].filter((id, slot) => slotIn(table, id) !== slot);
    expect(wrong).toEqual([]);
    expect(slotIn(table, 4096 * 25_000 + 1)).toBe(-1);
    expect(slotIn(table, 999_999)).toBe(-1);
  });

  it('gives a repeated id its last slot, as a Map would', () => {
    expect(slotIn(slotTable(Int32Array.from([5, 6, 5]), 3), 5)).toBe(2);
  });
});
