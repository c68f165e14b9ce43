// The legend over the canvas: what the colours of the current mode mean (category names shortened
// so that entries stay distinct, full names on hover) and what the edge styles, count pills and
// compare badges mean. It can be hidden; the choice is the caller's to remember. `collapsible`
// (compare mode's half-width panes) starts it folded to one line of swatches that opens on click.
import { useMemo, useState } from 'react';
import type { ColourMode, Scene } from '../../core/pipeline/scene';
import { edgeLegend, type EdgeLegendEntry } from '../canvas/edge-legend';
import { shortLabels } from '../canvas/legend-labels';
import { cssColour, legendFor, type ThemeName } from '../canvas/palette';

const TITLES: Record<ColourMode, string> = {
  structure: 'Structure (same colour: same inner structure)', op: 'Op type (dominant in a scope)', device: 'Device', xla: 'XLA cluster',
  compute: 'Compute time (run metadata)', memory: 'Memory (run metadata)', kind: 'Scope kind (what made each scope)', diff: 'Diff (A → B)',
};

/** Characters a label keeps in the two-column legend; longer category names get one column of twice that. */
const NARROW = 18;

/** Swatches a folded legend shows before "…". */
const FOLDED_SWATCHES = 8;

export function Legend({ scene, mode, theme, onHide, collapsible = false }: { scene: Scene; mode: ColourMode; theme: ThemeName; onHide: () => void; collapsible?: boolean }) {
  const entries = useMemo(() => legendFor(scene, mode), [scene, mode]);
  const [folded, setFolded] = useState(collapsible);
  const edges = useMemo(() => edgeLegend(scene, theme), [scene, theme]);
  const cats = entries.filter((e) => e.category).map((e) => e.label);
  // One column when two would cut names mid-word.
  const wide = shortLabels(cats, NARROW).labels.some((l) => l.length >= NARROW);
  const short = shortLabels(cats, wide ? 2 * NARROW : NARROW);
  const shortOf = new Map(cats.map((l, i) => [l, short.labels[i] ?? l]));
  const hide = <button type="button" className="link legend-hide" onClick={onHide} aria-label="Hide the legend" title="Hide the legend" data-testid="hide-legend">✕</button>;
  if (collapsible && folded) {
    return (
      <div className="legend folded" data-testid="legend" data-mode={mode} data-folded="true">
        {hide}
        <button type="button" className="link legend-unfold" onClick={() => setFolded(false)} aria-expanded="false" data-testid="legend-unfold" title={`${TITLES[mode]}: show the legend`}>
          {entries.slice(0, FOLDED_SWATCHES).map((e) => <span key={e.label} className="swatch" title={e.label} style={{ background: cssColour(e.colour) }} />)}
          {entries.length > FOLDED_SWATCHES && '…'} Legend ▸
        </button>
      </div>
    );
  }
  return (
    <div className={wide ? 'legend wide' : 'legend'} data-testid="legend" data-mode={mode}>
      {hide}
      {collapsible && <button type="button" className="link legend-fold" onClick={() => setFolded(true)} aria-expanded="true" aria-label="Fold the legend" title="Fold the legend" data-testid="legend-fold">▾</button>}
      <h4>{TITLES[mode]}</h4>
      {short.prefix && <div className="legend-prefix muted" title={short.prefix}>… = {short.prefix}</div>}
      <ul>
        {entries.map((e) => (
          <li key={e.label} title={e.label} data-testid="legend-entry">
            <span className="swatch" style={{ background: cssColour(e.colour) }} />{e.category ? shortOf.get(e.label) : e.label}
          </li>
        ))}
      </ul>
      {edges.length > 0 && (
        <>
          <h4 className="legend-edges">Edges</h4>
          <ul className="edges" data-testid="edge-legend">
            {edges.map((e) => <li key={e.key} title={e.label} data-edge={e.key}><EdgeSwatch e={e} />{e.label}</li>)}
          </ul>
        </>
      )}
    </div>
  );
}

function EdgeSwatch({ e }: { e: EdgeLegendEntry }) {
  if (e.sample === 'count' || e.sample === 'badge') return <span className={`edge-pill ${e.sample}`} style={{ color: cssColour(e.colour) }}>{e.text}</span>;
  return (
    <svg className="edge-swatch" width="24" height="10" aria-hidden="true">
      <line x1="1" y1="5" x2="23" y2="5" stroke={cssColour(e.colour)} strokeWidth="2" strokeDasharray={e.sample === 'dashed' ? '4 3' : undefined} />
    </svg>
  );
}
