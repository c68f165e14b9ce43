// Compare mode's window: a toolbar, the two panes side by side (each a canvas with its graph
// selector) and a side panel with the changes, the variables side by side and the inspector.
import { useCallback, useSyncExternalStore } from 'react';
import type { Pane } from '../../core/pipeline/protocol';
import type { CompareController, ComparePanel, CompareState } from './compare-controller';
import { CanvasView } from './CanvasView';
import type { PaneController } from './pane-controller';
import { DiffList, DiffSummary } from './DiffList';
import { GraphSelector } from './GraphSelector';
import { Inspector } from './Inspector';
import { ProgressTrack } from './ProgressTrack';
import { ScopesCompare } from './ScopesCompare';
import { useAppState } from './use-app-state';

const PANELS: readonly [ComparePanel, string][] = [['changes', 'Changes'], ['scopes', 'Scopes'], ['inspector', 'Inspector']];
const noCanvas = (): void => {};

function useCompareState(cmp: CompareController): CompareState {
  return useSyncExternalStore(cmp.subscribe, cmp.getState);
}

function PaneView({ pane, controller, cmp, name }: { pane: Pane; controller: PaneController; cmp: CompareController; name: string }) {
  const state = useAppState(controller);
  const side = pane === 0 ? 'A' : 'B';
  return (
    <section className={`pane pane-${side.toLowerCase()}`} data-testid={`pane-${side.toLowerCase()}`} data-phase={state.phase}>
      <header className="pane-head">
        <span className={`side-tag side-${side.toLowerCase()}`}>{side}</span>
        <span className="pane-name" title={name}>{name}</span>
        {state.opened && state.opened.graphs.length > 1 && (
          <GraphSelector opened={{ ...state.opened, graphs: state.opened.graphs.map((g) => ({ ...g, functions: [] })) }} graph={state.graph} fn={null}
            onSelect={(g) => void cmp.selectGraph(pane, g)} />
        )}
      </header>
      {state.opened?.error && <div className="banner error" role="alert">Could not read all of {state.opened.error.file}: {state.opened.error.message}</div>}
      {(state.failure ?? state.toast) && (
        <div className={state.failure ? 'banner error' : 'banner warning'} role="alert" data-testid={`pane-${side.toLowerCase()}-notice`}>
          {state.failure ?? state.toast} <button type="button" className="link" onClick={() => controller.dismiss()} aria-label="Dismiss">✕</button>
        </div>
      )}
      <CanvasView state={state} pane={controller} onCanvas={noCanvas} compact />
    </section>
  );
}

/** Both panes' colouring: the diff, or each scope by its kind (how TensorFlow made it). */
function CompareColour({ panes, ready }: { panes: readonly PaneController[]; ready: boolean }) {
  const state = useAppState(panes[0] as PaneController);
  return (
    <label className="field">Colour
      <select value={state.colourMode === 'kind' ? 'kind' : 'diff'} aria-label="Colour both by" data-testid="compare-colour" disabled={!ready}
        onChange={(e) => { for (const p of panes) p.setColourMode(e.currentTarget.value === 'kind' ? 'kind' : 'diff'); }}>
        <option value="diff">Diff</option>
        <option value="kind">Scope kind</option>
      </select>
    </label>
  );
}

/** The inspector of one pane; it alone follows that pane's state, so hovering does not redraw the window. */
function PaneInspector({ pane }: { pane: PaneController }) {
  const state = useAppState(pane);
  return <Inspector details={state.details} pane={pane} traced={null} />;
}

export function CompareView({ cmp, onExit, onTheme, onHelp, theme }: { cmp: CompareController; onExit: () => void; onTheme: () => void; onHelp: () => void; theme: string }) {
  const s = useCompareState(cmp);
  const [pa, pb] = cmp.panes;
  const fitBoth = useCallback(() => {
    for (const p of cmp.panes) p.graphCanvas?.fit();
  }, [cmp]);
  const ready = s.phase === 'ready' && s.diff !== null;
  return (
    <div className="compare" data-testid="compare" data-phase={s.phase}>
      <header className="toolbar">
        <button type="button" className="button" onClick={onExit} title="Back to the single-graph explorer (Esc)" data-testid="compare-exit">← Explorer</button>
        <strong className="compare-title">Compare</strong>
        <label className="field check"><input type="checkbox" checked={s.syncCamera} onChange={(e) => cmp.setSyncCamera(e.currentTarget.checked)} data-testid="sync-camera" /> Move together</label>
        <CompareColour panes={cmp.panes} ready={ready} />
        <button type="button" className="button" disabled={!ready} onClick={fitBoth} title="Fit both graphs (F)">Fit</button>
        <button type="button" className="button" disabled={!ready} onClick={() => void cmp.exportJson()} data-testid="export-diff-json" title="Save the diff as JSON, as `scopeview diff --json` prints it (Ctrl+Shift+E)">JSON</button>
        <button type="button" className="button" disabled={!ready} onClick={() => void cmp.exportPng()} data-testid="export-compare-png" title="Save both panes as one PNG (Ctrl+E)">PNG</button>
        <span className="spacer" />
        <button type="button" className="button icon" onClick={onTheme} title="Light / dark theme (T)" aria-label="Toggle theme">{theme === 'light' ? '☾' : '☀'}</button>
        <button type="button" className="button icon" onClick={onHelp} title="Keyboard shortcuts (?)" aria-label="Help">?</button>
      </header>
      {s.phase === 'loading' && (
        <div className="progress" role="status" data-testid="progress">
          <span className="stage">{s.stage}…</span>
          <ProgressTrack percent={null} />
          <button type="button" className="button small" onClick={onExit} data-testid="cancel">Cancel</button>
        </div>
      )}
      {(s.failure ?? s.note) && (
        <div className={s.failure ? 'banner error' : 'banner warning'} role="alert" data-testid={s.failure ? 'compare-failure' : 'compare-note'}>
          {s.failure ?? s.note} <button type="button" className="link" onClick={() => cmp.dismiss()} aria-label="Dismiss">✕</button>
        </div>
      )}
      {s.diff && <DiffSummary diff={s.diff} filter={s.filter} cmp={cmp} />}
      <main className="explorer">
        <div className="panes">
          <PaneView pane={0} controller={pa} cmp={cmp} name={s.names[0]} />
          <PaneView pane={1} controller={pb} cmp={cmp} name={s.names[1]} />
        </div>
        <aside className="side">
          <nav className="tabs" role="tablist">
            {PANELS.map(([p, label]) => (
              <button key={p} type="button" role="tab" aria-selected={s.panel === p} className={s.panel === p ? 'tab active' : 'tab'} onClick={() => cmp.setPanel(p)}>{label}</button>
            ))}
          </nav>
          <div className="panel-body">
            {s.panel === 'changes' && (s.diff ? <DiffList diff={s.diff} focused={s.focused} cmp={cmp} /> : <p className="muted empty">{s.phase === 'loading' ? 'Computing the diff…' : 'No diff.'}</p>)}
            {s.panel === 'scopes' && <ScopesCompare rows={s.variables} cmp={cmp} />}
            {s.panel === 'inspector' && (
              <>
                <p className="muted hint">Side {s.active === 0 ? 'A' : 'B'}</p>
                <PaneInspector pane={cmp.panes[s.active]} />
              </>
            )}
          </div>
        </aside>
      </main>
    </div>
  );
}
