// What the canvas tooltip says under the name: what kind of box it is first, so that a scope never
// reads as an op ("scope · 40 ops · mostly Identity", not "Identity · 40 ops").
import { SHAPE_SCOPE, SHAPE_SCOPE_OPEN, SHAPE_SERIES, type Scene } from '../../core/pipeline/scene';

export type TooltipScene = Pick<Scene, 'shapes' | 'sublabels' | 'keys' | 'tables'>;

export function tooltipDetail(scene: TooltipScene, slot: number): string {
  const shape = scene.shapes[slot];
  const op = scene.tables.op[scene.keys.op[slot] as number] ?? '';
  const count = scene.sublabels[slot] ?? '';
  if (shape === SHAPE_SCOPE || shape === SHAPE_SCOPE_OPEN) {
    return [shape === SHAPE_SCOPE_OPEN ? 'scope (open)' : 'scope', count, op ? `mostly ${op}` : ''].filter(Boolean).join(' · ');
  }
  // A series' sublabel already says "N ops · Op".
  if (shape === SHAPE_SERIES) return ['series', count].filter(Boolean).join(' · ');
  return op;
}
