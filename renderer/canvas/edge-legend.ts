// What the legend says about edges: one entry per edge style the scene draws (data, reference,
// control), the ×N count pills of merged edges, and compare mode's change badges. Pure: the
// React legend draws each entry's sample in the theme's colours.
import { EDGE_KIND_CONTROL, EDGE_KIND_DATA, EDGE_KIND_REF, type Scene } from '../../core/pipeline/scene';
import { THEMES, type Rgb, type ThemeName } from './palette';

export type EdgeSample = 'line' | 'dashed' | 'count' | 'badge';

export interface EdgeLegendEntry {
  readonly key: 'data' | 'ref' | 'control' | 'count' | 'badge';
  readonly sample: EdgeSample;
  /** Line colour for line samples; the text shown in count and badge samples. */
  readonly colour: Rgb;
  readonly text: string;
  readonly label: string;
}

/** The edge entries that apply to `scene`, in a fixed order. */
export function edgeLegend(scene: Scene, theme: ThemeName): EdgeLegendEntry[] {
  const t = THEMES[theme];
  const kinds = new Set<number>();
  let maxCount = 1;
  for (let e = 0; e < scene.edgeCount; e++) {
    kinds.add(scene.edgeKind[e] as number);
    maxCount = Math.max(maxCount, scene.edgeMultiplicity[e] as number);
  }
  const out: EdgeLegendEntry[] = [];
  if (kinds.has(EDGE_KIND_DATA)) out.push({ key: 'data', sample: 'line', colour: t.edgeData, text: '', label: 'data (wider: larger tensors)' });
  if (kinds.has(EDGE_KIND_REF)) out.push({ key: 'ref', sample: 'line', colour: t.edgeRef, text: '', label: 'reference (a variable passed by ref)' });
  if (kinds.has(EDGE_KIND_CONTROL)) out.push({ key: 'control', sample: 'dashed', colour: t.edgeControl, text: '', label: 'control dependency' });
  if (maxCount > 1) out.push({ key: 'count', sample: 'count', colour: t.mutedText, text: '×N', label: 'N edges drawn as one' });
  if (scene.badges?.some((b) => b !== '')) {
    out.push({ key: 'badge', sample: 'badge', colour: t.text, text: '+a −r ~c', label: 'nodes added, removed, changed inside a closed scope' });
  }
  return out;
}
