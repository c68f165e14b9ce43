// The legend of the current colour mode, over the canvas.
import { useMemo } from 'react';
import type { ColourMode, Scene } from '../../core/pipeline/scene';
import { cssColour, legendFor } from '../canvas/palette';

const TITLES: Record<ColourMode, string> = {
  structure: 'Structure (same colour: same inner structure)', op: 'Op type (dominant in a scope)', device: 'Device', xla: 'XLA cluster',
  compute: 'Compute time (run metadata)', memory: 'Memory (run metadata)', kind: 'Scope kind (what made each scope)', diff: 'Diff (A → B)',
};

export function Legend({ scene, mode }: { scene: Scene; mode: ColourMode }) {
  const entries = useMemo(() => legendFor(scene, mode), [scene, mode]);
  return (
    <div className="legend" data-testid="legend" data-mode={mode}>
      <h4>{TITLES[mode]}</h4>
      <ul>
        {entries.map((e) => (
          <li key={e.label}><span className="swatch" style={{ background: cssColour(e.colour) }} />{e.label}</li>
        ))}
      </ul>
    </div>
  );
}
