// The canvas frame-time benchmark page: builds a synthetic scene of ?n= nodes, draws it with
// GraphCanvas (or, with ?mode=svg, as the SVG DOM baseline), pans continuously for ?ms= ms by
// setting the camera every animation frame, and publishes the frame intervals on
// window.__benchResult (after a warm-up pan of ?warm= ms). With ?static=1 it only shows the scene (?x=&y=&zoom= place the camera),
// for screenshots; window.__canvas is the GraphCanvas then. ?mode=quads-instanced / quads-plain
// instead times raw WebGL quads drawn with and without instancing (quad-draw-bench.ts).
import { sceneBounds, shapeScene } from '../../core/pipeline/draw/draw-scene';
import { COLOUR_MODES, type ColourMode } from '../../core/pipeline/scene';
import { fitCamera, type Camera } from '../canvas/camera';
import { GraphCanvas } from '../canvas/graph-canvas';
import { Minimap } from '../canvas/minimap';
import { SvgBaseline } from './svg-baseline';
import type { BenchResult } from './bench-result';
import { runQuadDrawBench } from './quad-draw-bench';
import { syntheticScene } from './synthetic-scene';

declare global {
  interface Window {
    __benchResult?: BenchResult;
    __benchReady?: boolean;
    __benchError?: string;
    __canvas?: GraphCanvas;
    /** Canvas callbacks as they happened (for interaction checks). */
    __events?: { type: string; id: number }[];
  }
}

const params = new URLSearchParams(location.search);
const num = (k: string, d: number): number => {
  const v = Number(params.get(k));
  return params.has(k) && Number.isFinite(v) ? v : d;
};
const n = num('n', 10_000);
const duration = num('ms', 3000);
const mode = params.get('mode') === 'svg' ? 'svg' : 'canvas';
const status = document.getElementById('status') as HTMLElement;
const graph = document.getElementById('graph') as HTMLElement;

const frame = (): Promise<number> => new Promise((r) => requestAnimationFrame(r));
const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

async function run(): Promise<void> {
  const quads = params.get('mode');
  if (quads === 'quads-instanced' || quads === 'quads-plain') {
    status.textContent = `${n} quads, ${quads}…`;
    window.__benchResult = await runQuadDrawBench(graph, n, quads === 'quads-instanced', duration);
    status.textContent = `${n} quads, ${quads}: ${window.__benchResult.fps.toFixed(1)} fps`;
    return;
  }
  const t0 = performance.now();
  const scene = syntheticScene(n);
  const view = { w: graph.clientWidth, h: graph.clientHeight };
  const fitted = fitCamera(sceneBounds(scene), view.w, view.h);
  const zoomParam = params.get('zoom');
  const start: Camera = {
    x: num('x', fitted.x),
    y: num('y', fitted.y),
    zoom: zoomParam === null || zoomParam === 'fit' ? fitted.zoom : Number(zoomParam),
  };
  const drawMs: number[] = [];
  let setCamera: (c: Camera) => void;
  let stats = (): { instances: number; labels: number; cutPx: number } => ({ instances: NaN, labels: NaN, cutPx: 0 });
  if (mode === 'svg') {
    const svg = new SvgBaseline(graph, scene);
    setCamera = (c) => svg.setCamera(c);
  } else {
    const mini = new Minimap(document.getElementById('mini') as HTMLElement, (c) => canvas.setCamera(c));
    const events: { type: string; id: number }[] = [];
    window.__events = events;
    let selected = -1;
    const canvas = new GraphCanvas(graph, {
      onHover: (id) => {
        if (events.at(-1)?.type !== 'hover' || events.at(-1)?.id !== id) events.push({ type: 'hover', id });
        canvas.setHighlight({ selected, hovered: id, traced: null, matches: null });
      },
      onSelect: (id) => {
        events.push({ type: 'select', id });
        selected = id;
        canvas.setHighlight({ selected: id, hovered: -1, traced: null, matches: null });
      },
      onToggle: (id) => events.push({ type: 'toggle', id }),
      onCamera: (c) => mini.setViewport(c, graph.clientWidth, graph.clientHeight),
      onFrame: (ms) => drawMs.push(ms),
    });
    const theme = params.get('theme') === 'dark' ? 'dark' : 'light';
    const colour = (COLOUR_MODES as readonly string[]).includes(params.get('colour') ?? '') ? (params.get('colour') as ColourMode) : 'structure';
    canvas.setStyle({ theme, colourMode: colour });
    mini.setTheme(theme);
    // Shaped here as the session worker shapes what it sends (setupMs counts it, as it counted the canvas's own shaping before).
    const drawn = shapeScene(scene);
    mini.setScene(drawn);
    canvas.setScene(drawn);
    window.__canvas = canvas;
    setCamera = (c) => canvas.setCamera(c);
    stats = () => canvas.getDrawStats();
  }
  setCamera(start);
  // The first frames upload the buffers and build the font atlas: let them pass.
  for (let i = 0; i < 20 || (mode === 'canvas' && drawMs.length === 0 && i < 600); i++) await frame();
  const setupMs = performance.now() - t0;
  if (params.get('static') === '1') {
    status.textContent = `${scene.nodeCount} nodes, ${scene.edgeCount} edges`;
    window.__benchReady = true;
    return;
  }
  status.textContent = 'panning…';
  const scale = 2 ** start.zoom;
  // A Lissajous sweep over the view (up to ~700 screen px/s, the content always in view); a second
  // of warm-up first (JIT, shader variants, the detail budget settling), then `duration` ms measured.
  const begin = await frame();
  const warm = num('warm', 1000);
  const intervals: number[] = [];
  let last = begin;
  let measuredFrom = -1;
  for (;;) {
    const now = await frame();
    if (measuredFrom >= 0) intervals.push(now - last);
    else if (now - begin >= warm) {
      measuredFrom = now;
      drawMs.length = 0;
    }
    last = now;
    const t = (now - begin) / 1000;
    setCamera({
      x: start.x + (0.35 * view.w * Math.sin((2 * Math.PI * t) / 4)) / scale,
      y: start.y + (0.25 * view.h * Math.sin((2 * Math.PI * t) / 3)) / scale,
      zoom: start.zoom,
    });
    if (measuredFrom >= 0 && now - measuredFrom >= duration) break;
  }
  const total = last - measuredFrom;
  const result: BenchResult = {
    n: scene.nodeCount, edges: scene.edgeCount, mode, zoom: start.zoom, frames: intervals.length,
    medianMs: quantile(intervals, 0.5), p95Ms: quantile(intervals, 0.95), fps: (intervals.length * 1000) / total,
    drawMs: drawMs.length ? quantile(drawMs, 0.5) : NaN, setupMs, ...stats(),
  };
  status.textContent = `${result.n} nodes: median ${result.medianMs.toFixed(1)} ms, p95 ${result.p95Ms.toFixed(1)} ms, ${result.fps.toFixed(1)} fps`;
  window.__benchResult = result;
}

run().catch((e: unknown) => {
  window.__benchError = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
  status.textContent = `error: ${window.__benchError}`;
});
