// Which slot of a scene draws a hierarchy id: one map per scene, built on first use and kept as
// long as the scene, so that the canvas, the tooltip and the pane's actions never scan `ids`.
import type { Scene } from './scene';

const bySceneIds = new WeakMap<Int32Array, Map<number, number>>();

/** The id → slot map of `scene` (built once per scene). */
export function sceneSlots(scene: Pick<Scene, 'ids' | 'nodeCount'>): ReadonlyMap<number, number> {
  let map = bySceneIds.get(scene.ids);
  if (!map) {
    map = new Map();
    for (let i = 0; i < scene.nodeCount; i++) map.set(scene.ids[i] as number, i);
    bySceneIds.set(scene.ids, map);
  }
  return map;
}

/** The slot of hierarchy id `id` in `scene`, or -1. */
export function slotOf(scene: Pick<Scene, 'ids' | 'nodeCount'>, id: number): number {
  return sceneSlots(scene).get(id) ?? -1;
}
