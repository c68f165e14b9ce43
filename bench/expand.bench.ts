// "Expand all" (issue 14): every scope of real corpus graphs laid out, as `scopeview layout
// --expand all` does it (load, scope engine, layout on one thread, ELK warm), with layouts shared by
// structure against the same engine without sharing (the code before it) in the same run; the built
// command itself (against SCOPEVIEW_BASELINE_CLI, another build of it, when set); the same in the app (Chromium: press E, wait for the expanded scene); and edge crossings per edge of the
// fast layered layout against ELK on the scopes ELK can do, where the fast layout would replace it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { memorySource } from '../core/io/byte-source';
import { loadSource } from '../core/io/load';
import { elkLayout } from '../core/layout/elk-layout';
import { expandedBySpec } from '../core/layout/expand-spec';
import { fastLayout } from '../core/layout/fast-layout';
import { DEFAULT_SETTINGS, LayoutEngine } from '../core/layout/layout-engine';
import { inlineExecutor } from '../core/layout/local-layout';
import type { ScopeInput } from '../core/layout/types';
import { analyzeGraph } from '../core/scope/scope-engine';
import { CORPUS_DIR, HAVE_CORPUS } from '../core/test-support/corpus';
import { ensureRendererBuild } from '../scripts/build-renderer';
import { haveChromium, launchChromium } from '../scripts/chromium';
import { serveStatic } from '../scripts/static-server';
import { crossings } from './crossings';
import type { BenchRow } from './report';

const now = (): number => performance.now();
const GRAPHS = [
  'tf_repo/compiler/jit/tests/keras_imagenet_main.pbtxt',
  'pix2pix_gan_reuse/1/events.out.tfevents.1573068136.neuromancer-lab',
  'albert_cls/albert_model.ckpt.meta',
];

async function expandAllInline(rel: string, share: boolean, record?: ScopeInput[]): Promise<{ ms: number; nodes: number; scopes: number; laidOut: number }> {
  const t0 = now();
  const bytes = new Uint8Array(readFileSync(join(CORPUS_DIR, rel)));
  const graph = (await loadSource(memorySource(rel, bytes))).graphs.find((g) => g.source !== 'run_metadata')?.graph;
  if (!graph) throw new Error(`${rel}: no graph`);
  const model = analyzeGraph(graph, {});
  const inner = inlineExecutor(now);
  const executor = record ? { run: (i: ScopeInput, s: () => boolean) => (record.push(i), inner.run(i, s)) } : inner;
  const expanded = expandedBySpec(model.hierarchy, 'all') as Set<number>;
  const visible = await new LayoutEngine(model, executor, DEFAULT_SETTINGS, undefined, now, share).layout(expanded);
  return { ms: now() - t0, nodes: graph.nodeCount, scopes: expanded.size, laidOut: visible.laidOut };
}

/** Wall time of the built command `scopeview layout FILE --expand all --json`, best of 2 processes. */
function commandSeconds(cli: string, rel: string): number {
  let best = Infinity;
  for (let i = 0; i < 2; i++) {
    const t0 = now();
    execFileSync(process.execPath, [cli, 'layout', join(CORPUS_DIR, rel), '--expand', 'all', '--json'], { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 30 });
    best = Math.min(best, now() - t0);
  }
  return best / 1000;
}

/**
 * Time from pressing E to the expanded scene in the page (no progress bar, nothing laying out), and
 * from Shift+E (collapse all) to the collapsed scene.
 */
async function expandAllInApp(dist: string, rel: string): Promise<{ ms: number; boxes: string; collapseMs: number }> {
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.setInputFiles('[data-testid="open-file"]', join(CORPUS_DIR, rel));
    await page.waitForSelector('[data-testid="app"][data-phase="ready"]', { timeout: 120_000 });
    await page.waitForFunction(() => !document.querySelector('.busy'), undefined, { timeout: 120_000 });
    await page.mouse.click(5, 400);
    const t0 = await page.evaluate(() => performance.now());
    await page.keyboard.press('e');
    await page.waitForSelector('[data-testid="progress"]', { timeout: 10_000 }).catch(() => undefined);
    await page.waitForFunction(() => !document.querySelector('[data-testid="progress"]') && !document.querySelector('.busy'), undefined, { timeout: 300_000, polling: 16 });
    const ms = (await page.evaluate(() => performance.now())) - t0;
    const boxes = (await page.textContent('[data-testid="visible-count"]')) ?? '';
    const t1 = await page.evaluate(() => performance.now());
    await page.keyboard.press('Shift+E');
    await page.waitForFunction((shown) => document.querySelector('[data-testid="visible-count"]')?.textContent !== shown && !document.querySelector('.busy'), boxes, { timeout: 60_000, polling: 16 });
    const collapseMs = (await page.evaluate(() => performance.now())) - t1;
    await context.close();
    return { ms, boxes, collapseMs };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function crossingRows(): Promise<BenchRow[]> {
  const inputs: ScopeInput[] = [];
  for (const rel of GRAPHS) await expandAllInline(rel, true, inputs);
  const rows: BenchRow[] = [];
  for (const [label, lo, hi] of [['2–10', 2, 10], ['11–50', 11, 50], ['51–1,500', 51, 1500]] as const) {
    const some = inputs.filter((i) => i.nodes.length >= lo && i.nodes.length <= hi && i.edges.some((e) => e.from.node >= 0 && e.to.node >= 0));
    let edges = 0;
    let elk = 0;
    let fast = 0;
    for (const input of some) {
      edges += input.edges.length;
      elk += crossings(await elkLayout(input, now));
      fast += crossings(fastLayout(input, now, false));
    }
    rows.push({
      name: `crossings per edge, fast layered layout, ${some.length} distinct scopes of ${label} children (${edges} edges; keras_imagenet_main, pix2pix, albert fully expanded)`,
      value: fast / edges, unit: 'crossings/edge', baseline: { value: elk / edges, label: 'ELK on the same scopes' },
    });
  }
  return rows;
}

export async function benchExpand(): Promise<BenchRow[]> {
  if (!HAVE_CORPUS) {
    console.error('bench expand: skipped: no corpus at ../shared/tf-corpus');
    return [];
  }
  const rows: BenchRow[] = [];
  // ELK's code warmed once, as the CLI's first scope warms it for the rest.
  await expandAllInline('albert_cls/albert_model.ckpt.meta', true);
  for (const rel of GRAPHS) {
    const before = await expandAllInline(rel, false);
    const ours = await expandAllInline(rel, true);
    rows.push({
      name: `expand all, one thread (scopeview layout --expand all): ${rel.split('/')[0]}, ${ours.nodes} nodes, ${ours.scopes} scopes (${ours.laidOut} laid out, ${before.laidOut} before)`,
      value: ours.ms / 1000, unit: 's', budget: ours.nodes <= 7000 ? { limit: 2, higherIsBetter: false } : { limit: 3, higherIsBetter: false },
      baseline: { value: before.ms / 1000, label: 'no layouts shared by structure (the code before)' },
    });
  }
  const cli = join(import.meta.dirname, '../dist/cli.mjs');
  const baseCli = process.env.SCOPEVIEW_BASELINE_CLI;
  for (const rel of GRAPHS) {
    const ours = commandSeconds(cli, rel);
    const base = baseCli ? commandSeconds(baseCli, rel) : null;
    rows.push({
      name: `scopeview layout --expand all (the built command: start-up, load, scope engine, layout, JSON; best of 2 processes): ${rel.split('/')[0]}`,
      value: ours, unit: 's', budget: { limit: 3, higherIsBetter: false },
      ...(base !== null ? { baseline: { value: base, label: 'the command in SCOPEVIEW_BASELINE_CLI' } } : {}),
    });
  }
  if (haveChromium()) {
    const dist = ensureRendererBuild();
    const baseDist = process.env.SCOPEVIEW_BASELINE_DIST;
    for (const rel of GRAPHS.slice(0, 2)) {
      const ours = await expandAllInApp(dist, rel);
      const base = baseDist ? await expandAllInApp(baseDist, rel) : null;
      rows.push({
        name: `expand all in the app (Chromium, E → expanded scene, layout workers: cores − 1): ${rel.split('/')[0]} (${ours.boxes})`,
        value: ours.ms / 1000, unit: 's', budget: { limit: 4, higherIsBetter: false },
        ...(base ? { baseline: { value: base.ms / 1000, label: `the build in SCOPEVIEW_BASELINE_DIST (${base.boxes})` } } : {}),
      });
      rows.push({
        name: `  then collapse all (Shift+E → the collapsed scene): ${rel.split('/')[0]}`, value: ours.collapseMs, unit: 'ms',
        ...(base ? { baseline: { value: base.collapseMs, label: 'the build in SCOPEVIEW_BASELINE_DIST' } } : {}),
      });
    }
  } else console.error('bench expand: app rows skipped: no Chromium');
  return [...rows, ...(await crossingRows())];
}
