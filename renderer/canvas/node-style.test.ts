// Colour by scope kind, where the style is decided: a re-entered scope (`discriminator_1` beside
// `discriminator`) keeps its kind's fill under a heavy, darker border; other scopes, and the same
// scene in another mode, do not get it.
import { describe, expect, it } from 'vitest';
import { SHAPE_OP, SHAPE_SCOPE, SHAPE_SCOPE_OPEN, type Scene } from '../../core/pipeline/scene';
import { KIND_REENTRY, kindOfCode, scopeKindCodes } from '../../core/pipeline/scope-kind-codes';
import { NameAnatomy } from '../../core/scope/anatomy/name-anatomy';
import { makeGraph } from '../../core/test-support/graphs';
import { syntheticScene } from '../bench/synthetic-scene';
import { computeNodeColours, NO_HIGHLIGHT, type CanvasStyle } from './node-style';

// A GAN's discriminator built twice with reuse: its second entry is the scope `discriminator_1`.
const graph = makeGraph([
  ['discriminator/conv/kernel', 'VariableV2'],
  ['discriminator/conv/kernel/read', 'Identity', ['discriminator/conv/kernel']],
  ['x', 'Placeholder'],
  ['discriminator/conv/Conv2D', 'Conv2D', ['x', 'discriminator/conv/kernel/read']],
  ['discriminator_1/conv/Conv2D', 'Conv2D', ['x', 'discriminator/conv/kernel/read']],
  ['generator/Add', 'Add', ['x', 'x']],
]);

const NAMES = ['discriminator', 'discriminator_1', 'generator', 'discriminator_1/conv', 'x'];

/** The scene's boxes for NAMES: three closed scopes, an open one, an op (the fields the style reads). */
function scene(open: boolean): Scene {
  const shapes = Uint8Array.of(SHAPE_SCOPE, open ? SHAPE_SCOPE_OPEN : SHAPE_SCOPE, SHAPE_SCOPE, SHAPE_SCOPE, SHAPE_OP);
  const base: Scene = {
    ...syntheticScene(1),
    nodeCount: NAMES.length,
    ids: Int32Array.from(NAMES, (_, i) => i),
    shapes,
    depth: Uint8Array.of(0, 0, 0, 1, 0),
    aux: new Uint8Array(NAMES.length),
    names: NAMES,
  };
  return { ...base, scopeKinds: scopeKindCodes(new NameAnatomy(graph), base) };
}

const KIND: CanvasStyle = { theme: 'light', colourMode: 'kind' };
const rgba = (a: Uint8Array, i: number): number[] => [...a.slice(4 * i, 4 * i + 4)];

describe('colour by scope kind: the re-entry border', () => {
  it('codes discriminator_1 as a re-entry of a scope holding variables, and no other box', () => {
    const codes = scene(false).scopeKinds as Uint8Array;
    expect(codes[1]! & KIND_REENTRY).toBe(KIND_REENTRY);
    expect(kindOfCode(codes[1]!)).toBe(kindOfCode(codes[0]!));
    expect(kindOfCode(codes[0]!)).toBe('variables');
    for (const i of [0, 2, 3, 4]) expect(codes[i]! & KIND_REENTRY).toBe(0);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`gives the re-entered scope the same fill as its kind and a heavier, different border (${theme})`, () => {
      const c = computeNodeColours(scene(false), { theme, colourMode: 'kind' }, NO_HIGHLIGHT);
      expect(rgba(c.fill, 1)).toEqual(rgba(c.fill, 0));
      expect(c.lineWidth[1]).toBe(3);
      expect(c.lineWidth[0]).toBeLessThan(2);
      expect(c.lineWidth[2]).toBeLessThan(2);
      expect(rgba(c.line, 1)).not.toEqual(rgba(c.line, 0));
    });
  }

  it('marks an open re-entered scope too', () => {
    const c = computeNodeColours(scene(true), KIND, NO_HIGHLIGHT);
    expect(c.lineWidth[1]).toBe(3);
    expect(rgba(c.line, 1)).not.toEqual(rgba(c.line, 2));
  });

  it('draws no re-entry border in the other modes, though the scene carries the codes', () => {
    for (const colourMode of ['structure', 'op', 'device'] as const) {
      const c = computeNodeColours(scene(false), { theme: 'light', colourMode }, NO_HIGHLIGHT);
      expect(c.lineWidth[1]).toBe(c.lineWidth[0]);
      expect(c.lineWidth[1]).toBeLessThan(2);
    }
  });

  it('gives way to the search outline, which must stay readable', () => {
    const c = computeNodeColours(scene(false), KIND, { ...NO_HIGHLIGHT, matches: new Set([1]) });
    expect(c.lineWidth[1]).toBe(2);
  });
});
