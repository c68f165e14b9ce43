// Colour by scope kind: a code per scene box from the name anatomy of its scope (DESIGN.md §4,
// "Name anatomy"): the kind of the scope's last segment, with a flag for a re-entry (`s_1` beside
// `s`). Ops and series get 0 and keep their neutral colours.
import type { NameAnatomy } from '../scope/anatomy/name-anatomy';
import { SEGMENT_KINDS, type SegmentKind } from '../scope/anatomy/segment-kinds';
import { SHAPE_SCOPE, SHAPE_SCOPE_OPEN, type Scene } from './scene';

/** Set on a code when the scope re-enters a sibling `S` as `S_N`. */
export const KIND_REENTRY = 0x80;

/** Code of a kind: its index in SEGMENT_KINDS plus one (0: no kind). */
export function kindCode(kind: SegmentKind): number {
  return SEGMENT_KINDS.indexOf(kind) + 1;
}

/** The kind of a code, or null for 0. */
export function kindOfCode(code: number): SegmentKind | null {
  return SEGMENT_KINDS[(code & ~KIND_REENTRY) - 1] ?? null;
}

export function scopeKindCodes(anatomy: NameAnatomy, scene: Pick<Scene, 'nodeCount' | 'shapes' | 'names'>): Uint8Array {
  const out = new Uint8Array(scene.nodeCount);
  for (let i = 0; i < scene.nodeCount; i++) {
    const shape = scene.shapes[i];
    if (shape !== SHAPE_SCOPE && shape !== SHAPE_SCOPE_OPEN) continue;
    const k = anatomy.scopeKind(scene.names[i] as string);
    if (k) out[i] = kindCode(k.kind) | (k.reentryOf !== null ? KIND_REENTRY : 0);
  }
  return out;
}
