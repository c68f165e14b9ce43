// The explorer's layout: start screen or toolbar + canvas + side panel (or compare mode's two
// panes), drop handling anywhere in the window, notices, the help overlay and the Compare dialog.
// State lives in the Explorer and its pane.
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import type { GraphCanvas } from '../canvas/graph-canvas';
import { fromDataTransfer } from '../host/drop-files';
import type { OpenedInput } from '../host/host';
import type { LayoutStats } from '../../core/pipeline/scene';
import { CanvasView } from './CanvasView';
import { CompareDialog } from './CompareDialog';
import { CompareView } from './CompareView';
import type { Explorer } from './explorer';
import type { Panel } from './pane-controller';
import { HelpOverlay } from './HelpOverlay';
import { Inspector } from './Inspector';
import { LoadProblems, Toasts } from './Notices';
import { OpenLocationDialog } from './OpenLocationDialog';
import type { LocationOpener } from './OpenUrlField';
import { openUrlInput } from '../host/open-url';
import type { OpenButtonsHandle } from './OpenButtons';
import { ScopesPanel } from './ScopesPanel';
import { SearchPanel } from './SearchPanel';
import { SidePanelFrame } from './SidePanelFrame';
import { SignaturesPanel } from './SignaturesPanel';
import { StartScreen } from './StartScreen';
import { Toolbar } from './Toolbar';
import { useAppState } from './use-app-state';
import { useShellCommands } from './use-shell-commands';
import { useShortcuts } from './use-shortcuts';

const PANELS: readonly [Panel, string][] = [['inspector', 'Inspector'], ['search', 'Search'], ['scopes', 'Scopes']];

/** The Signatures tab is there only for graphs that have some (SavedModels, MetaGraphs). */
const panelsOf = (signatures: readonly unknown[]): readonly [Panel, string][] => (signatures.length > 0 ? [...PANELS, ['signatures', 'Signatures']] : PANELS);

export function App({ explorer, demoUrl }: { explorer: Explorer; demoUrl: string }) {
  const state = useAppState(explorer);
  const { pane } = explorer;
  const canvasRef = useRef<GraphCanvas | null>(null);
  const openRef = useRef<OpenButtonsHandle | null>(null);
  const searchRef = useRef<HTMLInputElement | null>(null);
  const [dragging, setDragging] = useState(false);
  const canvas = useCallback(() => canvasRef.current, []);
  const onCanvas = useCallback((g: GraphCanvas | null) => { canvasRef.current = g; }, []);
  // In the shell, files from disk are re-opened by path (watched, remembered); elsewhere as given.
  const open = useCallback((input: OpenedInput) => void (explorer.host.adopt?.(input) ?? Promise.resolve(input)).then((i) => explorer.open(i)), [explorer]);
  const closeCompare = useCallback(() => explorer.closeCompareDialog(), [explorer]);
  const openDemo = useCallback(async () => {
    const blob = await (await fetch(demoUrl)).blob();
    await explorer.open({ name: 'demo: events.out.tfevents.0.scopeview', files: [{ path: 'events.out.tfevents.0.scopeview', file: blob }], folder: false }, false);
  }, [explorer, demoUrl]);
  const cancel = useCallback(() => explorer.cancel(), [explorer]);
  useShortcuts(explorer, canvas, () => openRef.current?.openFile(), () => openRef.current?.openFolder(), () => searchRef.current?.focus());
  // The shell opens https://, s3:// and gs:// in main; the browser reads https:// itself.
  const [askLocation, setAskLocation] = useState(false);
  const openLocation = useCallback<LocationOpener>((text, onNotice) => (explorer.host.openLocation ? explorer.host.openLocation(text) : openUrlInput(text, onNotice)), [explorer]);
  const showLocation = useCallback(() => setAskLocation(true), []);
  useShellCommands(explorer, canvas, showLocation);

  useEffect(() => {
    document.documentElement.dataset.theme = state.theme;
  }, [state.theme]);
  useEffect(() => {
    if (new URLSearchParams(location.search).has('demo')) void openDemo();
  }, [openDemo]);

  const onDrop = async (ev: DragEvent): Promise<void> => {
    ev.preventDefault();
    setDragging(false);
    const input = await fromDataTransfer(ev.dataTransfer);
    if (input) open(input);
  };
  const cmp = state.mode === 'compare' ? explorer.comparison : null;
  const showExplorer = !cmp && (state.phase !== 'start' || state.opened !== null);
  const input = explorer.currentInput;
  const current = input && state.opened && state.opened.graphs.length > 0 ? { input, opened: state.opened, graph: state.graph } : null;
  const signatures = state.opened?.graphs[state.graph]?.signatures ?? [];
  const traced = state.traced ? `${state.traced.count.toLocaleString()} ops on the ${state.traced.direction === 'inputs' ? 'input' : 'output'} side` : null;

  return (
    <div className={dragging ? 'app dragging' : 'app'} data-testid="app" data-phase={state.phase}
      onDragOver={(e) => { e.preventDefault(); setDragging(true); }} onDragLeave={(e) => { if (e.currentTarget === e.target) setDragging(false); }}
      onDrop={(e) => void onDrop(e)}>
      {cmp && <CompareView cmp={cmp} theme={state.theme} onExit={() => explorer.exitCompare()} onTheme={() => explorer.setTheme(state.theme === 'light' ? 'dark' : 'light')} onHelp={() => explorer.setHelp(true)} />}
      {!showExplorer && !cmp && <StartScreen recent={state.recent} onOpen={open} onDemo={() => void openDemo()} onRecent={(k) => void explorer.reopenRecent(k)} onCompare={() => explorer.openCompareDialog()} openRef={openRef} location={openLocation}
        locationHint={explorer.host.openLocation ? 'https://…, s3://bucket/logs or gs://bucket/logs' : 'https://…/events.out.tfevents…'} />}
      {askLocation && <OpenLocationDialog open={openLocation} onOpen={open} onClose={() => setAskLocation(false)} />}
      {showExplorer && (
        <>
          <Toolbar state={state} explorer={explorer} canvas={canvas} onOpen={open} openRef={openRef} searchRef={searchRef} />
          {state.opened && <LoadProblems error={state.opened.error} warnings={state.opened.warnings} />}
          <main className="explorer">
            <CanvasView state={state} pane={pane} onCanvas={onCanvas} onCancel={cancel} />
            <SidePanelFrame host={explorer.host}>
              <nav className="tabs" role="tablist">
                {panelsOf(signatures).map(([p, label]) => (
                  <button key={p} type="button" role="tab" aria-selected={state.panel === p} className={state.panel === p ? 'tab active' : 'tab'} onClick={() => pane.setPanel(p)}>{label}</button>
                ))}
              </nav>
              <div className="panel-body">
                {state.panel === 'inspector' && <Inspector details={state.details} pane={pane} traced={traced} />}
                {state.panel === 'search' && <SearchPanel results={state.results} query={state.query} cursor={state.searchCursor} pane={pane} />}
                {state.panel === 'scopes' && <ScopesPanel report={state.variables} pane={pane} />}
                {state.panel === 'signatures' && <SignaturesPanel signatures={signatures} pane={pane} />}
              </div>
            </SidePanelFrame>
          </main>
          <footer className="status">
            {state.opened && <span>{state.opened.name} · {state.opened.format ?? 'unreadable'}</span>}
            {state.selection && <span>{state.selection.nodes.toLocaleString()} nodes · {state.selection.scopes.toLocaleString()} scopes</span>}
            {state.scene && <span data-testid="visible-count" title={layoutTitle(state.scene.layoutStats)} data-laid-out={state.scene.layoutStats?.laidOut}>{state.scene.nodeCount.toLocaleString()} boxes · {state.scene.edgeCount.toLocaleString()} edges shown</span>}
            <span className="spacer" />
            <span className="muted">Press ? for shortcuts</span>
          </footer>
        </>
      )}
      <Toasts state={state} pane={pane} />
      {state.help && <HelpOverlay onClose={() => explorer.setHelp(false)} />}
      {state.compareDialog && <CompareDialog current={current} onClose={closeCompare} onCompare={(a, b) => void explorer.compare(a.input, b.input, [a.graph, b.graph])} />}
      {dragging && <div className="drop-overlay">Drop to open</div>}
    </div>
  );
}

/** The status count's tooltip: how much of the layout was computed and how much came from the cache. */
function layoutTitle(stats: LayoutStats | null): string | undefined {
  if (!stats) return undefined;
  const reused = stats.open - stats.laidOut;
  return `Laid out ${stats.laidOut.toLocaleString()} of ${stats.open.toLocaleString()} open scopes in ${(stats.ms / 1000).toFixed(2)} s` +
    (reused > 0 ? `; ${reused.toLocaleString()} came from the cache or share the layout of a scope with the same structure` : '');
}
