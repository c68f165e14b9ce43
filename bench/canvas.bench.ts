// Canvas frame-time benchmark: builds the renderer when stale (scripts/build-renderer.ts), serves it on 127.0.0.1, opens renderer/bench/canvas-bench.html in headless Chromium
// (WebGL2 through SwiftShader: a CPU rasteriser, so these are worst-case figures) and pans the
// synthetic scene for 3 s at 10^4 and 10^5 nodes. Baseline: the same scene as an SVG DOM (what
// TensorBoard's graph view and Netron draw), panned the same way in the same browser. Last, raw
// WebGL quads with and without GPU instancing: the measurement behind the canvas's own layers.
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import type { BenchResult } from '../renderer/bench/bench-result';
import { ensureRendererBuild } from '../scripts/build-renderer';
import { launchChromium } from '../scripts/chromium';
import { serveStatic } from '../scripts/static-server';
import { formatTable, type BenchRow } from './report';

const PAGE = 'bench/canvas-bench.html';
const FPS_BUDGET = 30;

/** What the page publishes (read inside the browser; tools code has no DOM types). */
interface BenchWindow {
  __benchResult?: BenchResult;
  __benchError?: string;
}

async function runPage(browser: Browser, url: string): Promise<BenchResult> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  try {
    await page.goto(url);
    await page.waitForFunction(() => {
      const w = globalThis as unknown as BenchWindow;
      return w.__benchResult !== undefined || w.__benchError !== undefined;
    }, null, { timeout: 600_000, polling: 500 });
    const error = await page.evaluate(() => (globalThis as unknown as BenchWindow).__benchError);
    if (error) throw new Error(`canvas bench page failed: ${error}`);
    return (await page.evaluate(() => (globalThis as unknown as BenchWindow).__benchResult)) as BenchResult;
  } finally {
    await page.close();
  }
}

const exp = (n: number): string => `10^${Math.round(Math.log10(n))}`;

export async function benchCanvas(): Promise<BenchRow[]> {
  const dir = ensureRendererBuild();
  const server = await serveStatic(dir);
  const url = server.url.replace(/\/$/, '');
  const browser = await launchChromium();
  const rows: BenchRow[] = [];
  try {
    const cases: { n: number; query: string; label: string; svg: boolean }[] = [
      // Context for the rest: the same page and camera sweep with nothing in view (what every
      // redraw costs here before drawing anything).
      { n: 280, query: 'zoom=0&x=-10000000', label: 'nothing in view: the redraw floor', svg: false },
      { n: 10_000, query: 'zoom=fit', label: 'whole graph in view', svg: true },
      { n: 100_000, query: 'zoom=fit', label: 'whole graph in view', svg: true },
      { n: 100_000, query: 'zoom=0', label: 'zoom 1:1, labels on', svg: true },
      // Zoomed out until labels are nearly too small to draw: the most labels a view holds.
      { n: 100_000, query: 'zoom=-0.5', label: 'zoom 0.71:1, labels on (the most labels in view)', svg: false },
      // Zoomed out to where the most boxes and edges pass the level of detail (about 40,000 in the
      // culling window): the detail budget has to cut while moving; the row says how much it kept.
      { n: 100_000, query: 'zoom=-3', label: 'zoom 1:8, the densest detail (about 40,000 boxes and edge segments at rest)', svg: false },
    ];
    for (const c of cases) {
      const page = `${url}/${PAGE}?n=${c.n}&${c.query}&ms=3000`;
      const ours = await runPage(browser, page);
      console.error(`  canvas ${exp(c.n)} ${c.query}: median ${ours.medianMs.toFixed(1)} ms, p95 ${ours.p95Ms.toFixed(1)} ms, ${ours.fps.toFixed(1)} fps, draw ${ours.drawMs.toFixed(1)} ms, ${ours.instances} instances + ${ours.labels} labels drawn (setup ${(ours.setupMs / 1000).toFixed(1)} s)`);
      let baseline: BenchRow['baseline'];
      if (c.svg) {
        const svg = await runPage(browser, `${page}&mode=svg`);
        baseline = { value: svg.fps, label: 'same scene as SVG DOM' };
        console.error(`  svg    ${exp(c.n)} ${c.query}: median ${svg.medianMs.toFixed(1)} ms, p95 ${svg.p95Ms.toFixed(1)} ms, ${svg.fps.toFixed(1)} fps (setup ${(svg.setupMs / 1000).toFixed(1)} s)`);
      }
      rows.push({
        name: c.n > 1000 ? `canvas pan, ${exp(c.n)} nodes + ${(ours.edges / 1000).toFixed(0)}K edges, ${c.label}` : `canvas pan, ${c.label}`,
        value: ours.fps,
        unit: 'fps',
        budget: { limit: FPS_BUDGET, higherIsBetter: true },
        ...(baseline ? { baseline } : {}),
        note: `median ${ours.medianMs.toFixed(1)} ms, p95 ${ours.p95Ms.toFixed(1)} ms per frame; ${ours.instances} instances, ${ours.labels} labels; SwiftShader`,
      });
    }
    // Why the canvas draws plain quads: the same quads, same shader, with and without instancing.
    for (const n of [2000, 8000]) {
      const page = `${url}/${PAGE}?n=${n}&ms=3000`;
      const plain = await runPage(browser, `${page}&mode=quads-plain`);
      const instanced = await runPage(browser, `${page}&mode=quads-instanced`);
      console.error(`  quads ${n}: plain ${plain.fps.toFixed(1)} fps (median ${plain.medianMs.toFixed(1)} ms), instanced ${instanced.fps.toFixed(1)} fps (median ${instanced.medianMs.toFixed(1)} ms)`);
      rows.push({
        name: `raw WebGL2, ${n} quads per frame as one plain indexed draw (how the canvas draws)`,
        value: plain.fps,
        unit: 'fps',
        baseline: { value: instanced.fps, label: `the same ${n} quads as GPU instances, as deck.gl's layers draw` },
        note: `median ${plain.medianMs.toFixed(1)} vs ${instanced.medianMs.toFixed(1)} ms per frame; SwiftShader`,
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatTable(await benchCanvas()));
}
