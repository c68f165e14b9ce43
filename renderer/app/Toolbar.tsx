// The toolbar of the explorer: open, graph selection, search, colour mode, the scope engine's
// toggles, fit, compare, exports, theme and help, on one row: the less used buttons fold into the
// ⋯ menu as the window narrows.
import type { RefObject } from 'react';
import { COLOUR_MODES, type ColourMode } from '../../core/pipeline/scene';
import type { GraphCanvas } from '../canvas/graph-canvas';
import type { OpenedInput } from '../host/host';
import type { Explorer } from './explorer';
import type { AppState } from './pane-controller';
import { GraphSelector } from './GraphSelector';
import { MoreMenu } from './MoreMenu';
import { OpenButtons, type OpenButtonsHandle } from './OpenButtons';
import { ViewMenu } from './ViewMenu';

const MODE_NAMES: Record<ColourMode, string> = { structure: 'Structure', op: 'Op type', device: 'Device', xla: 'XLA cluster', compute: 'Compute time', memory: 'Memory', kind: 'Scope kind', diff: 'Diff' };

interface Props {
  state: AppState;
  explorer: Explorer;
  canvas: () => GraphCanvas | null;
  onOpen: (input: OpenedInput) => void;
  openRef: RefObject<OpenButtonsHandle | null>;
  searchRef: RefObject<HTMLInputElement | null>;
}

export function Toolbar({ state, explorer, canvas, onOpen, openRef, searchRef }: Props) {
  const ready = state.selection !== null && state.scene !== null;
  const { pane } = explorer;
  return (
    <header className="toolbar">
      <button type="button" className="brand" onClick={() => explorer.home()} title="Back to the start screen">Scopeview</button>
      <OpenButtons ref={openRef} onOpen={onOpen} compact />
      {state.opened && state.opened.graphs.length > 0 && (
        <GraphSelector opened={state.opened} graph={state.graph} fn={state.fn} onSelect={(g, f) => void pane.selectGraph(g, f)} />
      )}
      <input ref={searchRef} type="search" className="search" placeholder="Search  (/regex/, op:Type, attr:…)" aria-label="Search" data-testid="search"
        value={state.query} disabled={!state.selection} onChange={(e) => void pane.search(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void pane.stepResult(e.shiftKey ? -1 : 1);
        }} />
      <label className="field"><span className="field-name">Colour</span>
        <select value={state.colourMode} aria-label="Colour by" data-testid="colour-mode" disabled={!ready} onChange={(e) => pane.setColourMode(e.currentTarget.value as ColourMode)}>
          {COLOUR_MODES.filter((m) => m !== 'diff').map((m) => (
            <option key={m} value={m} disabled={(m === 'compute' || m === 'memory') && !state.selection?.hasRunMetadata}>{MODE_NAMES[m]}</option>
          ))}
        </select>
      </label>
      <ViewMenu state={state} pane={pane} ready={ready} />
      {/* fold-N buttons leave the toolbar for the ⋯ menu as the window narrows (styles.css). */}
      <button type="button" className="button fold-2" disabled={!ready} onClick={() => canvas()?.fit()} title="Fit to window (F)">Fit</button>
      <button type="button" className="button fold-3" onClick={() => explorer.openCompareDialog()} data-testid="open-compare" title="Compare two graphs side by side (Ctrl+D)">Compare…</button>
      <button type="button" className="button fold-1" disabled={!ready} onClick={() => void explorer.exportPng()} data-testid="export-png" title="Export the whole graph as PNG at 2× (Ctrl+E)">PNG</button>
      <button type="button" className="button fold-1" disabled={!ready} onClick={() => void explorer.exportSvg()} data-testid="export-svg" title="Export the graph as SVG, as shown (Ctrl+Shift+E)">SVG</button>
      <span className="spacer" />
      <button type="button" className="button icon fold-4" onClick={() => explorer.setTheme(state.theme === 'light' ? 'dark' : 'light')} title="Light / dark theme (T)" aria-label="Toggle theme">{state.theme === 'light' ? '☾' : '☀'}</button>
      <button type="button" className="button icon fold-4" onClick={() => explorer.setHelp(true)} title="Keyboard shortcuts (?)" aria-label="Help">?</button>
      <MoreMenu state={state} explorer={explorer} canvas={canvas} ready={ready} />
    </header>
  );
}
