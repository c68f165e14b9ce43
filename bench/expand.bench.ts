// "Expand all" and big expansions (issues 14 and 23): every scope of real corpus graphs, and of a
// 15K-node graph made of different corpus graphs side by side, laid out as `scopeview layout
// --expand all` does it (load, scope engine, layout on one thread, code warm), with layouts shared
// by structure against the same engine without sharing; the built command itself (against
// SCOPEVIEW_BASELINE_CLI when set); in the app (Chromium), opening to the laid-out top level, E to
// the expanded scene and "Expand the top level" on a root of over a thousand children and on the
// tiled 10^6-node graph (against the build in SCOPEVIEW_BASELINE_DIST when set); and crossings per
// edge of the layered layout against ELK on the same scopes. First, every corpus graph fully
// expanded scope by scope, with its slowest scopes and crossings (corpus-expand.ts).
import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { memorySource } from '../core/io/byte-source';
import { loadSource } from '../core/io/load';
import { elkLayout } from '../core/layout/elk-layout';
import { expandedBySpec } from '../core/layout/expand-spec';
import { layeredLayout } from '../core/layout/layered-layout';
import { DEFAULT_SETTINGS, LayoutEngine } from '../core/layout/layout-engine';
import { inlineExecutor } from '../core/layout/local-layout';
import type { ScopeInput } from '../core/layout/types';
import type { Graph } from '../core/graph/graph';
import { analyzeGraph } from '../core/scope/scope-engine';
import { CORPUS_DIR, HAVE_CORPUS } from '../core/test-support/corpus';
import { ensureRendererBuild } from '../scripts/build-renderer';
import { haveChromium, launchChromium } from '../scripts/chromium';
import { serveStatic } from '../scripts/static-server';
import { benchCorpusExpand, corpusFiles } from './corpus-expand';
import { crossings } from '../core/layout/crossings';
import { tiledFile } from './load.bench';
import { dropToFirstFrame } from './ui.bench';
import { lazyNodes, unionAtRoot } from './tile';
import type { BenchRow } from './report';

const now = (): number => performance.now();
const OUT = join(import.meta.dirname, '.out');
/** A graph to expand: its path and the name its rows carry. */
interface Case {
  readonly label: string;
  readonly path: string;
}
const corpusCase = (rel: string): Case => ({ label: rel.split('/')[0] as string, path: join(CORPUS_DIR, rel) });
const KERAS = 'tf_repo/compiler/jit/tests/keras_imagenet_main.pbtxt';
const GRAPHS = [KERAS, 'pix2pix_gan_reuse/1/events.out.tfevents.1573068136.neuromancer-lab', 'albert_cls/albert_model.ckpt.meta'].map(corpusCase);
/** The issue's "now" figures, measured on a real 15K-node Keras graph (root of 1,423 children) that the corpus does not hold. */
const ISSUE_15K = { cli: 20, top: 12.4, label: "the issue's \"now\", on its 15K-node Keras graph" };
const ISSUE_1M_TOP = 14.9;

/** The size the issue's 15K-node budgets are checked at. */
const UNION_NODES = 15_000;

/**
 * The corpus holds no graph of 15K nodes. Several *different* real graphs side by side at one root
 * instead: every corpus file's largest graph (the damaged copy of a tutorial left out), largest
 * first, until 15K nodes; each graph's top level becomes part of the root (graph k > 0 suffixes its
 * top-level names), so the root is also a real-graph root of well over a thousand children. Built
 * once into bench/.out/.
 */
export async function unionFile(): Promise<Case> {
  const file = join(OUT, 'corpus-union-15k.pb');
  const listFile = `${file}.txt`;
  if (!existsSync(file) || !existsSync(listFile)) {
    const graphs: { rel: string; graph: Graph }[] = [];
    for (const rel of corpusFiles()) {
      if (rel.startsWith('corrupt_real_world/')) continue;
      const path = join(CORPUS_DIR, rel);
      try {
        const all = (await loadSource(memorySource(path, new Uint8Array(readFileSync(path))))).graphs.filter((g) => g.source !== 'run_metadata');
        const biggest = all.sort((x, y) => y.graph.nodeCount - x.graph.nodeCount)[0];
        if (biggest && biggest.graph.nodeCount > 0) graphs.push({ rel, graph: biggest.graph });
      } catch {
        // A file the loader rejects is not part of the union.
      }
    }
    graphs.sort((x, y) => y.graph.nodeCount - x.graph.nodeCount || (x.rel < y.rel ? -1 : 1));
    const chosen: typeof graphs = [];
    let total = 0;
    for (const g of graphs) {
      if (total >= UNION_NODES) break;
      chosen.push(g);
      total += g.graph.nodeCount;
    }
    mkdirSync(OUT, { recursive: true });
    writeFileSync(file, unionAtRoot(chosen.map((g) => lazyNodes(g.graph)), 'graph'));
    writeFileSync(listFile, chosen.map((g) => `${g.graph.nodeCount}\t${g.rel}`).join('\n') + '\n');
  }
  const count = readFileSync(listFile, 'utf8').trim().split('\n').length;
  return { label: `${count} different corpus graphs side by side at one root`, path: file };
}

async function loadGraph(path: string): Promise<Graph> {
  const graph = (await loadSource(memorySource(path, new Uint8Array(readFileSync(path))))).graphs.find((g) => g.source !== 'run_metadata')?.graph;
  if (!graph) throw new Error(`${path}: no graph`);
  return graph;
}

/**
 * The union with keras_imagenet_main once more beside it: a root of over 1,400 children (the issue's
 * graph has 1,423), every one of them from a real graph, for "Expand the top level".
 */
async function bigRootFile(union: Case): Promise<Case> {
  const file = join(OUT, 'corpus-union-big-root.pb');
  if (!existsSync(file)) writeFileSync(file, unionAtRoot([lazyNodes(await loadGraph(union.path)), lazyNodes(await loadGraph((GRAPHS[0] as Case).path))], 'root'));
  return { label: 'the same union with keras_imagenet_main once more beside it', path: file };
}

async function expandAllInline(path: string, share: boolean, record?: ScopeInput[]): Promise<{ ms: number; nodes: number; scopes: number; laidOut: number }> {
  const t0 = now();
  const graph = await loadGraph(path);
  const model = analyzeGraph(graph, {});
  const inner = inlineExecutor(now);
  const executor = record ? { run: (i: ScopeInput, s: () => boolean) => (record.push(i), inner.run(i, s)) } : inner;
  const expanded = expandedBySpec(model.hierarchy, 'all') as Set<number>;
  const visible = await new LayoutEngine(model, executor, DEFAULT_SETTINGS, undefined, now, share).layout(expanded);
  return { ms: now() - t0, nodes: graph.nodeCount, scopes: expanded.size, laidOut: visible.laidOut };
}

/**
 * The issue's budgets for a whole graph fully expanded: 15K nodes in 4 s in the app and 3 s for
 * `layout --expand all`; "a graph with 5K–7K nodes ≤ 2 s" names no surface, and is applied to the
 * app and to the layout itself (the one-thread rows), while the built command keeps its 3 s
 * (docs/PERFORMANCE.md gives its figures against 2 s too).
 */
const wholeBudget = (nodes: number, where: 'app' | 'layout' | 'command'): { limit: number; higherIsBetter: false } =>
  ({ limit: where === 'command' ? 3 : nodes <= 7000 ? 2 : where === 'app' ? 4 : 3, higherIsBetter: false });
/** Issue 23's budget for the command on keras_imagenet_main (its figure before the issue: 3.9–4.2 s). */
const KERAS_COMMAND_BUDGET = 1.5;
/** Issue 23: opening a real graph of up to 15K nodes shows its laid-out top level within this. */
const OPEN_BUDGET = 2;

/** Wall time of the built command `scopeview layout FILE --expand all --json`, best of 2 processes. */
function commandSeconds(cli: string, path: string): number {
  let best = Infinity;
  for (let i = 0; i < 2; i++) {
    const t0 = now();
    execFileSync(process.execPath, [cli, 'layout', path, '--expand', 'all', '--json'], { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 30 });
    best = Math.min(best, now() - t0);
  }
  return best / 1000;
}

type AppAction = 'all' | 'top';
/** Top-level scopes laid out in the background so far, and to lay out (window.scopeview.layoutsPrepared). */
type Prepared = { readonly done: number; readonly total: number };
/** One app run: the command's time, the scene's counts, Shift+E's time, and the preparation at the command. */
type AppRun = { readonly ms: number; readonly boxes: string; readonly collapseMs: number; readonly prepared: Prepared | null };
const preparedNote = (p: Prepared | null): string => (p ? `; ${p.done} of ${p.total} top-level scopes prepared in the background at the command` : '');

/**
 * Time in the page from the command (the E key for "Expand all", the click on View → "Expand the top
 * level") to its finished scene (the count of boxes changed, no progress bar, nothing laying out),
 * both read by the page's own clock, best of `runs` fresh browser contexts (empty layout cache);
 * then, after "Expand all", Shift+E to the collapsed scene.
 */
async function expandInApp(dist: string, file: string, action: AppAction, runs = 1): Promise<AppRun> {
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  let best: AppRun | null = null;
  // The first poll that finds the scene finished notes the page's time; the command's time is noted
  // by a listener that sees the key or click before the app does.
  const finished = (shown: string): boolean => {
    const done = document.querySelector('[data-testid="visible-count"]')?.textContent !== shown && !document.querySelector('[data-testid="progress"]') && !document.querySelector('.busy');
    if (done) (window as unknown as { benchEnd: number }).benchEnd = performance.now();
    return done;
  };
  // A string, not a function: tsx would wrap the listener in a `__name` call the page does not have.
  const armStart = (page: Page): Promise<void> => page.evaluate(`(() => {
    window.benchStart = Number.NaN;
    const note = () => { if (Number.isNaN(window.benchStart)) window.benchStart = performance.now(); };
    addEventListener('keydown', note, { capture: true, once: true });
    addEventListener('click', note, { capture: true, once: true });
  })()`);
  const elapsed = (page: Page): Promise<number> => page.evaluate(() => {
    const w = window as unknown as { benchStart: number; benchEnd: number };
    return w.benchEnd - w.benchStart;
  });
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.setInputFiles('[data-testid="open-file"]', file);
      await page.waitForSelector('[data-testid="app"][data-phase="ready"]', { timeout: 120_000 });
      await page.waitForFunction(() => !document.querySelector('.busy'), undefined, { timeout: 120_000 });
      await page.mouse.click(5, 400);
      const before = (await page.textContent('[data-testid="visible-count"]')) ?? '';
      // How far the background preparation of the top level had got when the command came (a build before it has none).
      const prepared = await page.evaluate(() => (window as unknown as { scopeview: { layoutsPrepared?: () => Prepared } }).scopeview.layoutsPrepared?.() ?? null);
      if (action === 'all') {
        await armStart(page);
        await page.keyboard.press('e');
      } else {
        await page.click('[data-testid="view-menu"] summary');
        await armStart(page);
        await page.click('[data-testid="expand-top"]');
      }
      await page.waitForFunction(finished, before, { timeout: 300_000, polling: 16 });
      const ms = await elapsed(page);
      const boxes = (await page.textContent('[data-testid="visible-count"]')) ?? '';
      let collapseMs = NaN;
      if (action === 'all') {
        await armStart(page);
        await page.keyboard.press('Shift+E');
        await page.waitForFunction(finished, boxes, { timeout: 60_000, polling: 16 });
        collapseMs = await elapsed(page);
      }
      await context.close();
      if (!best || ms < best.ms) best = { ms, boxes, collapseMs, prepared };
    }
    return best as AppRun;
  } finally {
    await browser.close();
    await server.close();
  }
}

async function crossingRows(): Promise<BenchRow[]> {
  const inputs: ScopeInput[] = [];
  for (const c of GRAPHS) await expandAllInline(c.path, true, inputs);
  const rows: BenchRow[] = [];
  for (const [label, lo, hi] of [['2–10', 2, 10], ['11–50', 11, 50], ['51–1,500', 51, 1500]] as const) {
    const some = inputs.filter((i) => i.nodes.length >= lo && i.nodes.length <= hi && i.edges.some((e) => e.from.node >= 0 && e.to.node >= 0));
    let edges = 0;
    let elk = 0;
    let layered = 0;
    for (const input of some) {
      edges += input.edges.length;
      elk += crossings(elkLayout(input, now));
      layered += crossings(layeredLayout(input, now));
    }
    rows.push({
      name: `crossings per edge of each scope alone, the layered layout, ${some.length} distinct scopes of ${label} children (${edges} edges; keras_imagenet_main, pix2pix, albert fully expanded)`,
      value: layered / edges, unit: 'crossings/edge', baseline: { value: elk / edges, label: 'ELK on the same scopes' },
    });
  }
  return rows;
}

export async function benchExpand(): Promise<BenchRow[]> {
  if (!HAVE_CORPUS) {
    console.error('bench expand: skipped: no corpus at ../shared/tf-corpus');
    return [];
  }
  const rows: BenchRow[] = await benchCorpusExpand();
  const union = await unionFile();
  const cases = [...GRAPHS, union];
  const nodes = new Map<Case, number>();
  // The layout code warmed once, as the CLI's first scopes warm it for the rest.
  await expandAllInline((GRAPHS[2] as Case).path, true);
  for (const c of cases) {
    const before = await expandAllInline(c.path, false);
    const ours = await expandAllInline(c.path, true);
    nodes.set(c, ours.nodes);
    rows.push({
      name: `expand all, one thread (scopeview layout --expand all): ${c.label}, ${ours.nodes} nodes, ${ours.scopes} scopes (${ours.laidOut} laid out, ${before.laidOut} before)`,
      value: ours.ms / 1000, unit: 's', budget: wholeBudget(ours.nodes, 'layout'),
      baseline: { value: before.ms / 1000, label: 'no layouts shared by structure (the code before)' },
    });
  }
  const cli = join(import.meta.dirname, '../dist/cli.mjs');
  const baseCli = process.env.SCOPEVIEW_BASELINE_CLI;
  for (const c of cases) {
    const ours = commandSeconds(cli, c.path);
    const build = baseCli ? { value: commandSeconds(baseCli, c.path), label: 'the command in SCOPEVIEW_BASELINE_CLI' } : null;
    // The issue's "now" stays the baseline of the row it was given for; another build is a row of its own.
    const issueNow = c === union ? { value: ISSUE_15K.cli, label: `${ISSUE_15K.label}: 20–31 s` } : null;
    const baseline = issueNow ?? build;
    const name = `scopeview layout --expand all (the built command: start-up, load, scope engine, layout, JSON; best of 2 processes): ${c.label}`;
    const budget = c === GRAPHS[0] ? { limit: KERAS_COMMAND_BUDGET, higherIsBetter: false as const } : wholeBudget(nodes.get(c) ?? 0, 'command');
    rows.push({ name, value: ours, unit: 's', budget, ...(baseline ? { baseline } : {}) });
    if (issueNow && build) rows.push({ name: '  the same against the command in SCOPEVIEW_BASELINE_CLI', value: ours, unit: 's', baseline: build });
  }
  if (!haveChromium()) {
    console.error('bench expand: app rows skipped: no Chromium');
    return [...rows, ...(await crossingRows())];
  }
  const dist = ensureRendererBuild();
  const baseDist = process.env.SCOPEVIEW_BASELINE_DIST;
  const baseLabel = (boxes: string): string => `the build in SCOPEVIEW_BASELINE_DIST (${boxes})`;
  for (const c of [...GRAPHS.slice(0, 2), union]) {
    const ours = await dropToFirstFrame(c.path, 2, dist);
    const base = baseDist ? await dropToFirstFrame(c.path, 2, baseDist) : null;
    rows.push({
      name: `open → laid-out top level in the app (Chromium, scopeview:open → scopeview:complete; best of 2): ${c.label} (${nodes.get(c) ?? '?'} nodes; ${ours.boxes})`,
      value: Math.min(...ours.completes) / 1000, unit: 's', budget: { limit: OPEN_BUDGET, higherIsBetter: false },
      ...(base ? { baseline: { value: Math.min(...base.completes) / 1000, label: baseLabel(base.boxes) } } : {}),
    });
  }
  for (const c of [...GRAPHS.slice(0, 2), union]) {
    const ours = await expandInApp(dist, c.path, 'all', 2);
    const base = baseDist ? await expandInApp(baseDist, c.path, 'all', 2) : null;
    rows.push({
      name: `expand all in the app (Chromium, E → expanded scene, layout workers: cores − 1; best of 2): ${c.label} (${ours.boxes}${preparedNote(ours.prepared)})`,
      value: ours.ms / 1000, unit: 's', budget: wholeBudget(nodes.get(c) ?? 0, 'app'),
      ...(base ? { baseline: { value: base.ms / 1000, label: baseLabel(base.boxes) } } : {}),
    });
    rows.push({
      name: `  then collapse all (Shift+E → the collapsed scene): ${c.label}`, value: ours.collapseMs, unit: 'ms',
      ...(base ? { baseline: { value: base.collapseMs, label: 'the build in SCOPEVIEW_BASELINE_DIST' } } : {}),
    });
  }
  // Big expansions: a root of thousands of children with its top-level scopes opened, and the 10^6-node graph's top level.
  const million: Case = { label: 'tiled 10^6-node GraphDef', path: await tiledFile(1_000_000) };
  const bigRoot = await bigRootFile(union);
  const issueTop = { value: ISSUE_15K.top, label: ISSUE_15K.label };
  for (const [c, limit, issueNow] of [[union, 1, issueTop], [bigRoot, 1, issueTop], [million, 3, { value: ISSUE_1M_TOP, label: "the issue's \"now\" on a tiled 10^6-node GraphDef" }]] as const) {
    const ours = await expandInApp(dist, c.path, 'top', 2);
    const base = baseDist ? await expandInApp(baseDist, c.path, 'top', 2) : null;
    rows.push({
      name: `expand the top level in the app (View → Expand the top level → its scene; best of 2): ${c.label} (${ours.boxes}${preparedNote(ours.prepared)})`,
      value: ours.ms / 1000, unit: 's', budget: { limit, higherIsBetter: false }, baseline: issueNow,
    });
    if (base) rows.push({ name: '  the same against the build in SCOPEVIEW_BASELINE_DIST', value: ours.ms / 1000, unit: 's', baseline: { value: base.ms / 1000, label: baseLabel(base.boxes) } });
  }
  return [...rows, ...(await crossingRows())];
}
