// Per-instance colours of an instance group (core/pipeline/draw/scene-groups.ts), gathered from
// the per-slot node colours of the current style: what changes on restyling, while the groups'
// geometry stays as the session worker shaped it.
import type { Group } from '../../core/pipeline/draw/scene-groups';
import type { NodeColours } from './node-style';

export interface GroupColours {
  readonly fill: Uint8Array;
  readonly line: Uint8Array;
  readonly lineWidth: Float32Array;
}

/** The group's per-instance colours gathered from per-slot node colours. */
export function gatherColours(g: Group, c: NodeColours): GroupColours {
  const fill = new Uint8Array(4 * g.count);
  const line = new Uint8Array(4 * g.count);
  const lineWidth = new Float32Array(g.count);
  const band = g.name === 'band';
  const src = band ? c.band : c.fill;
  for (let k = 0; k < g.count; k++) {
    const s = g.slots[k] as number;
    fill.set(src.subarray(4 * s, 4 * s + 4), 4 * k);
    if (band) {
      // The band has no stroke of its own: the open box's outline is drawn by its body.
      line.set(src.subarray(4 * s, 4 * s + 4), 4 * k);
      lineWidth[k] = 0;
    } else {
      line.set(c.line.subarray(4 * s, 4 * s + 4), 4 * k);
      lineWidth[k] = c.lineWidth[s] as number;
    }
    // The copies behind a series' front box are a step paler, which reads as depth.
    if (g.perNode === 3 && k % 3 !== 2) {
      const a = k % 3 === 0 ? 0.55 : 0.78;
      fill[4 * k + 3] = Math.round((fill[4 * k + 3] as number) * a);
      line[4 * k + 3] = Math.round((line[4 * k + 3] as number) * a);
    }
  }
  return { fill, line, lineWidth };
}
