// The id → slot map of a scene: the slot of every id drawn, -1 for any other, one map per scene.
import { describe, expect, it } from 'vitest';
import { sceneSlots, slotOf } from './scene-slots';

describe('scene slots', () => {
  it('finds the slot of each id drawn and -1 for an id not drawn', () => {
    const scene = { ids: Int32Array.from([7, 3, 12]), nodeCount: 3 };
    expect([7, 3, 12, 5].map((id) => slotOf(scene, id))).toEqual([0, 1, 2, -1]);
  });

  it('builds one map per scene and a separate one for another scene', () => {
    const a = { ids: Int32Array.from([1, 2]), nodeCount: 2 };
    const b = { ids: Int32Array.from([2, 1]), nodeCount: 2 };
    expect(sceneSlots(a)).toBe(sceneSlots({ ...a }));
    expect(slotOf(b, 1)).toBe(1);
    expect(slotOf(a, 1)).toBe(0);
  });
});
