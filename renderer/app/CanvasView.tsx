// Thin React shell around the WebGL canvas and the minimap: creates them once, forwards the
// scene, style and highlight, and shows the hover tooltip (text only: names never become HTML).
import { useEffect, useMemo, useRef, useState } from 'react';
import { slotOf } from '../../core/pipeline/draw/draw-scene';
import { GraphCanvas } from '../canvas/graph-canvas';
import { Minimap } from '../canvas/minimap';
import type { AppState, PaneController } from './pane-controller';
import { Legend } from './Legend';
import { ProgressBar } from './Notices';
import { searchMatches } from './search-matches';
import { tooltipDetail } from './tooltip-text';
import { useRemembered } from './use-remembered';

interface Tip {
  readonly id: number;
  readonly x: number;
  readonly y: number;
}

/** Right of the cursor, or left of it in the right half of the canvas, so that the edge never squeezes the text. */
function tipPlace(tip: Tip, host: HTMLElement | null): { left?: number; right?: number; top: number } {
  const width = host?.clientWidth ?? 0;
  return tip.x > width / 2 ? { right: width - tip.x + 14, top: tip.y + 14 } : { left: tip.x + 14, top: tip.y + 14 };
}

/** Compare mode's panes are half a window each: a smaller minimap, and a legend folded to one line until clicked. */
const COMPACT_MINIMAP = { width: 120, height: 80 };

/** `onCancel`: the explorer's progress bar with its Cancel, over the canvas (compare mode shows its own above both panes). `compact`: the overlays of a compare pane. */
export function CanvasView({ state, pane, onCanvas, onCancel, compact = false }: {
  state: AppState; pane: PaneController; onCanvas: (g: GraphCanvas | null) => void; onCancel?: () => void; compact?: boolean;
}) {
  const host = useRef<HTMLDivElement>(null);
  const mini = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<GraphCanvas | null>(null);
  const miniRef = useRef<Minimap | null>(null);
  const [tip, setTip] = useState<Tip | null>(null);
  const [showLegend, setShowLegend] = useRemembered(pane.host, 'view:legend', true);
  const [showMinimap, setShowMinimap] = useRemembered(pane.host, 'view:minimap', true);

  useEffect(() => {
    if (!host.current || !mini.current) return;
    const minimap = new Minimap(mini.current, (cam) => canvasRef.current?.setCamera(cam), compact ? COMPACT_MINIMAP : undefined);
    const canvas = new GraphCanvas(host.current, {
      onHover: (id, screen) => {
        pane.hover(id);
        setTip(id >= 0 && screen ? { id, x: screen.x, y: screen.y } : null);
      },
      onSelect: (id) => void pane.select(id),
      onToggle: (id) => pane.toggle(id),
      onCamera: (cam) => {
        setTip(null);
        const el = host.current;
        if (el) minimap.setViewport(cam, el.clientWidth, el.clientHeight);
        pane.onCamera();
      },
    });
    canvasRef.current = canvas;
    miniRef.current = minimap;
    onCanvas(canvas);
    pane.attachCanvas(canvas);
    return () => {
      pane.attachCanvas(null);
      onCanvas(null);
      canvas.destroy();
      canvasRef.current = null;
      miniRef.current = null;
    };
  }, [pane, onCanvas, compact]);

  useEffect(() => {
    if (state.scene) miniRef.current?.setScene(state.scene);
    // The boxes moved under the cursor: whatever the tooltip named may no longer be there.
    setTip(null);
  }, [state.scene]);
  useEffect(() => {
    canvasRef.current?.setStyle({ theme: state.theme, colourMode: state.colourMode });
    miniRef.current?.setTheme(state.theme);
  }, [state.theme, state.colourMode]);
  const matches = useMemo(() => searchMatches(state.results, state.expanded), [state.results, state.expanded]);
  useEffect(() => {
    canvasRef.current?.setHighlight({ selected: state.selected, hovered: state.hovered, traced: state.traced?.nodes ?? null, matches });
  }, [state.selected, state.hovered, state.traced, matches]);

  const scene = state.scene;
  const progressShown = onCancel !== undefined && state.progress !== null;
  const slot = tip && scene ? slotOf(scene, tip.id) : -1;
  return (
    <div className="canvas-area">
      <div ref={host} className="canvas-host" data-testid="canvas" />
      {tip && scene && slot >= 0 && (
        <div className="tooltip" style={tipPlace(tip, host.current)} data-testid="tooltip">
          <div className="tip-name">{scene.names[slot]}</div>
          <div className="muted" data-testid="tooltip-detail">{tooltipDetail(scene, slot)}</div>
        </div>
      )}
      <div ref={mini} className="minimap" data-testid="minimap" hidden={!scene || !showMinimap} />
      {scene && showMinimap && <button type="button" className="link overlay-hide minimap-hide" onClick={() => setShowMinimap(false)} aria-label="Hide the minimap" title="Hide the minimap" data-testid="hide-minimap">✕</button>}
      {scene && showLegend && <Legend scene={scene} mode={state.colourMode} theme={state.theme} onHide={() => setShowLegend(false)} collapsible={compact} />}
      {scene && !showLegend && <button type="button" className="button small overlay-show show-legend" onClick={() => setShowLegend(true)} data-testid="show-legend">Legend</button>}
      {scene && !showMinimap && <button type="button" className="button small overlay-show show-minimap" onClick={() => setShowMinimap(true)} data-testid="show-minimap">Minimap</button>}
      {!scene && state.phase === 'ready' && state.opened && (
        <div className="canvas-empty muted" data-testid="canvas-empty">Nothing to show: {state.opened.name} holds no graph that could be read.</div>
      )}
      {/* Over the canvas, not above it: a bar that pushed the canvas down resized its drawing buffer
          when it came and again when it went (100-200 ms each on a software rasteriser). */}
      {progressShown ? <ProgressBar state={state} onCancel={onCancel} /> : state.layoutBusy && <div className="busy" role="status">Laying out…</div>}
      {scene && scene.notices.length > 0 && !progressShown && <div className="notice">{scene.notices[0]}</div>}
    </div>
  );
}
