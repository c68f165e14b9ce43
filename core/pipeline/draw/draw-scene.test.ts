// The shaped scene as the session sends it: shaped after its last change, its lookups agreeing with
// the scene, and every typed array of it on the transfer list exactly once.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { memorySource } from '../../io/byte-source';
import { inlineExecutor } from '../../layout/local-layout';
import { DEFAULT_VIEW_OPTIONS } from '../protocol';
import { Session } from '../session';
import { drawSceneBuffers, shapeScene, slotOf, type DrawScene } from './draw-scene';
import { LABEL_TENSOR } from './label-index';

async function demoScene(expanded: readonly string[], labels: boolean): Promise<DrawScene> {
  const file = new Uint8Array(readFileSync(new URL('../../../fixtures/generated/demo/events.out.tfevents.0.scopeview', import.meta.url)));
  const s = new Session<Uint8Array>({ source: (f) => memorySource(f.path, f.file), executor: inlineExecutor(() => performance.now()), store: null, now: () => performance.now() });
  await s.open('demo', [{ path: 'events.out.tfevents.0.scopeview', file }], false, {});
  s.select(0, null, DEFAULT_VIEW_OPTIONS, () => {});
  return s.layout(expanded, false, undefined, false, labels);
}

/** Every typed array reachable from `value`: its path and its buffer. */
function typedArrays(value: unknown, path = 'scene'): [string, ArrayBufferLike][] {
  if (ArrayBuffer.isView(value)) return [[path, value.buffer]];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => typedArrays(v, `${path}.${k}`));
  return [];
}

describe('shaped scenes', () => {
  it('are shaped after the session\u2019s last change: tensor labels on edges are in the label index', async () => {
    const scene = await demoScene(['conv1', 'gradients'], true);
    const { shape, ...plain } = scene;
    expect(shape).toEqual(shapeScene(plain).shape);
    const tensors = [...shape.labels.kind].filter((k) => k === LABEL_TENSOR).length;
    expect(tensors).toBeGreaterThan(0);
    expect(tensors).toBe(scene.edgeLabels?.filter((t) => t !== '').length);
  });

  it('look every drawn id and each edge\u2019s ends up to the slots the scene holds them in', async () => {
    const scene = await demoScene(['conv1', 'gradients'], false);
    const ids = [...scene.ids];
    expect(ids.map((id) => slotOf(scene, id))).toEqual(ids.map((_, slot) => slot));
    expect(slotOf(scene, Math.max(...ids) + 1)).toBe(-1);
    const ends = Array.from({ length: scene.edgeCount }, (_, k) => [ids.indexOf(scene.edgeFrom[k] as number), ids.indexOf(scene.edgeTo[k] as number)]);
    expect([...scene.shape.edgeEnds]).toEqual(ends.flat());
  });

  it('list every typed array once for the transfer, so postMessage moves them all without copying', async () => {
    const scene = await demoScene(['conv1'], true);
    const buffers = drawSceneBuffers(scene);
    const listed = new Set<ArrayBufferLike>(buffers);
    expect(listed.size).toBe(buffers.length);
    const arrays = typedArrays(scene);
    expect(arrays.filter(([, buffer]) => !listed.has(buffer)).map(([path]) => path)).toEqual([]);
    expect(new Set(arrays.map(([, buffer]) => buffer)).size).toBe(buffers.length);
    const before = structuredClone(scene);
    const moved = structuredClone(scene, { transfer: buffers });
    expect(moved).toEqual(before);
    expect(scene.shape.edges.segSource.byteLength).toBe(0);
  });
});
