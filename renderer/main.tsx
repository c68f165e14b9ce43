// Entry point of the renderer: the host, the explorer (which starts the session worker) and the React
// tree. The same page runs in the browser and in the Electron shell, whose preload provides a bridge.
import { createRoot } from 'react-dom/client';
import { slotOf } from '../core/pipeline/draw/draw-scene';
import demoUrl from '../fixtures/generated/demo/events.out.tfevents.0.scopeview?url';
import { App } from './app/App';
import { Explorer } from './app/explorer';
import { layoutsPrepared, layoutStoreWrites } from './app/session-client';
import { scenesShown } from './canvas/graph-canvas';
import { webglRenderer } from './canvas/gpu-info';
import { browserHost } from './host/browser-host';
import { electronHost, shellBridge } from './host/electron-host';
import { installTestHooks } from './app/test-hooks';
import './app/styles.css';

const bridge = shellBridge();
const explorer = new Explorer(bridge ? electronHost(bridge) : browserHost());
const { pane } = explorer;
// A view change still inside its save debounce is written as the page goes (reload, close).
addEventListener('pagehide', () => pane.flushView());
const root = document.getElementById('root');
if (!root) throw new Error('the page has no #root element');
// A read-only hook for end-to-end tests and automation: where a named node is drawn, in page pixels.
Object.assign(window, {
  scopeview: {
    /** Worker-side milliseconds of the last open, graph selection and layout (benchmarks read them). */
    timings() {
      const st = explorer.getState();
      return { open: st.opened?.ms ?? null, select: st.selection?.ms ?? null, layout: st.scene ? st.layoutMs : null };
    },
    boxOf(name: string) {
      const box = pane.boxOf(name);
      const host = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
      return box && host ? { ...box, x: box.x + host.left, y: box.y + host.top } : null;
    },
    /** Scenes shown so far, on any canvas: a count that only grows (docs/TESTING.md). */
    scenesShown,
    /** Layout-store writes asked for and ended: equal, nothing is left to write. */
    layoutStoreWrites,
    /** Top-level scopes laid out in the background after a graph is shown, and to lay out: equal, done. */
    layoutsPrepared,
    /** No canvas is animating (a fade, a motion's sharpening, a label update): the drawing stays as it is. */
    settled() {
      const canvases = [pane.graphCanvas, ...(explorer.comparison?.panes.map((p) => p.graphCanvas) ?? [])];
      return canvases.every((c) => !c || c.settled);
    },
    /** The selected box's name, and the names of the boxes outlined as search matches. */
    selectedName() {
      const { scene, selected } = explorer.getState();
      const i = scene ? slotOf(scene, selected) : -1;
      return scene && i >= 0 ? scene.names[i] : null;
    },
    /** Tensor shapes drawn on edges now (View → Tensor shapes on edges): only those in view, at readable zooms. */
    drawnTensorLabels() {
      return pane.graphCanvas?.drawnTensorLabels() ?? [];
    },
    outlinedMatches() {
      const scene = explorer.getState().scene;
      const matches = pane.graphCanvas?.currentHighlight.matches;
      if (!scene || !matches) return [];
      return scene.names.filter((_, i) => matches.has(scene.ids[i] as number));
    },
    /** The page rectangle holding every top-level box drawn (tests check that the view fits it). */
    shownBounds() {
      const scene = explorer.getState().scene;
      const canvas = pane.graphCanvas;
      const host = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
      if (!scene || !canvas || !host) return null;
      let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
      for (let i = 0; i < scene.nodeCount; i++) {
        const b = scene.depth[i] === 0 ? canvas.screenBoxOf(scene.ids[i] as number) : null;
        if (!b) continue;
        [x0, y0, x1, y1] = [Math.min(x0, b.x), Math.min(y0, b.y), Math.max(x1, b.x + b.width), Math.max(y1, b.y + b.height)];
      }
      return x0 > x1 ? null : { x: x0 + host.left, y: y0 + host.top, width: x1 - x0, height: y1 - y0 };
    },
    /** Compare mode: the same for pane 0 (A) or 1 (B), plus what a closed scope's diff badge says. */
    paneBoxOf(side: 0 | 1, name: string) {
      const box = explorer.comparison?.panes[side].boxOf(name);
      const host = document.querySelector(`[data-testid="pane-${side === 0 ? 'a' : 'b'}"] [data-testid="canvas"]`)?.getBoundingClientRect();
      return box && host ? { ...box, x: box.x + host.left, y: box.y + host.top } : null;
    },
    /** The drawn scene's extent in world units (1 unit = 1 px at zoom 1): the explorer's, or compare pane 0 / 1's. */
    sceneSize(side?: 0 | 1) {
      const scene = side === undefined ? explorer.getState().scene : explorer.comparison?.panes[side].getState().scene;
      if (!scene) return null;
      const b = scene.shape.bounds;
      return { width: b.width, height: b.height };
    },
    /** The open scopes of the explorer's view, or of compare pane 0 / 1: set as a scope is toggled, before its layout. */
    expandedIn(side?: 0 | 1) {
      return (side === undefined ? explorer.getState() : explorer.comparison?.panes[side].getState())?.expanded ?? [];
    },
    badgeOf(side: 0 | 1, name: string) {
      const scene = explorer.comparison?.panes[side].getState().scene;
      const i = scene ? scene.names.indexOf(name) : -1;
      return scene && i >= 0 ? (scene.badges?.[i] ?? '') : null;
    },
  },
});
if (__SCOPEVIEW_TEST_BUILD__) installTestHooks();
createRoot(root).render(<App explorer={explorer} demoUrl={demoUrl} />);
// The first WebGL context of a page starts the GPU process's side of it (a third of a second on a
// software rasteriser): asked for while the start screen waits, not when a file is opened.
setTimeout(() => webglRenderer(), 0);
