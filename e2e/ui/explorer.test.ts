// The explorer in Chromium, driven as a user drives it: drop files, double-click scopes, search,
// inspect, switch colours, export, and open broken files. Each test checks the DOM and the canvas
// pixels (a screenshot that is not blank and changes as expected).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR, HAVE_CORPUS } from '../../core/test-support/corpus';
import { afterWork, boxOf, canvasShot, changedRatio, dropFiles, inkRatio, openApp, untilCanvasChanges, ROOT, shutdown, skipReason, visibleCount as countShown, waitReady, type App } from './harness';

const skip = skipReason();
if (skip) console.log(`UI end-to-end suite ${skip}`);
const corpus = (p: string): string => join(CORPUS_DIR, p);
const MORVAN = corpus('morvan_tutorials/tf15_tensorboard/events.out.tfevents.1494075549.Morvan');
const TRUNCATED = corpus('corrupt_real_world/morvan_tf20_RNN2.2/events.out.tfevents.1490697588.Morvan');
const MALFORMED = corpus('fazibear_cr/graph2.pb');
const DEMO_PB = join(ROOT, 'fixtures/generated/demo.pb');

const visibleCount = (app: App): Promise<number> => countShown(app.page);

async function centreOf(app: App, name: string): Promise<{ x: number; y: number }> {
  const b = await boxOf(app.page, name);
  if (!b) throw new Error(`${name} is not drawn`);
  return { x: b.x + b.width / 2, y: b.y + Math.min(b.height / 2, 12) };
}

describe.skipIf(skip !== null)('explorer UI (Chromium)', () => {
  let app: App;
  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(async () => {
    await app?.close();
    await shutdown();
  });

  it('starts on the start screen and opens the bundled demo graph', async () => {
    await app.page.waitForSelector('[data-testid="start-screen"]');
    expect(await app.page.locator('input[type="file"][data-testid="open-file"]').count()).toBe(1);
    await app.page.click('[data-testid="open-demo"]');
    await waitReady(app.page);
    expect(await app.page.textContent('.status')).toContain('298 nodes');
    expect(inkRatio(await canvasShot(app.page))).toBeGreaterThan(0.01);
    expect(app.errors).toEqual([]);
  });

  it('opens a GraphDef through the Open File input', async () => {
    await afterWork(app.page, () => app.page.setInputFiles('[data-testid="open-file"]', DEMO_PB));
    expect(await app.page.textContent('.status')).toContain('demo.pb');
    expect(await boxOf(app.page, 'gradients')).not.toBeNull();
  });

  it('pans and zooms from the keyboard, and F fits the whole graph', async () => {
    await app.page.mouse.click(5, 400); // focus the page, not an input
    const box0 = await boxOf(app.page, 'gradients');
    for (let i = 0; i < 3; i++) await app.page.keyboard.press('ArrowRight');
    const box1 = await boxOf(app.page, 'gradients');
    expect((box1?.x ?? 0) - (box0?.x ?? 0)).toBeLessThan(-100); // the view moved right: boxes moved left
    await app.page.keyboard.press('-');
    const box2 = await boxOf(app.page, 'gradients');
    expect(box2?.width ?? 0).toBeLessThan(box1?.width ?? 0);
    await app.page.keyboard.press('f');
    const canvas = await app.page.locator('[data-testid="canvas"]').boundingBox();
    for (const name of ['save', 'gradients', 'images']) {
      const b = await boxOf(app.page, name);
      expect(b && canvas && b.x >= canvas.x && b.y >= canvas.y && b.x + b.width <= canvas.x + canvas.width && b.y + b.height <= canvas.y + canvas.height).toBe(true);
    }
  });

  it('shows the keyboard help and switches theme', async () => {
    await app.page.keyboard.press('?');
    await app.page.waitForSelector('[data-testid="help"]');
    expect(await app.page.textContent('[data-testid="help"]')).toContain('Trace the selection');
    await app.page.keyboard.press('Escape');
    expect(await app.page.locator('[data-testid="help"]').count()).toBe(0);
    const before = await canvasShot(app.page);
    await app.page.keyboard.press('t');
    await app.page.waitForSelector('html[data-theme="dark"]');
    await untilCanvasChanges(app.page, before, 0.3);
    await app.page.keyboard.press('t');
  });
});

describe.skipIf(skip !== null || !HAVE_CORPUS)('explorer UI on corpus files (Chromium)', () => {
  let app: App;
  beforeAll(async () => {
    app = await openApp();
    await dropFiles(app.page, [MORVAN]);
    await waitReady(app.page);
  });
  afterAll(async () => {
    await app?.close();
    await shutdown();
  });

  it('drops a corpus event file and draws its graph', async () => {
    expect(await app.page.textContent('.status')).toContain('143 nodes');
    expect(await app.page.locator('[data-testid="graph-select"] option').count()).toBe(2); // graph_def and meta_graph_def
    const shot = await canvasShot(app.page);
    expect(inkRatio(shot)).toBeGreaterThan(0.02);
    for (const name of ['layer1', 'layer2', 'train', 'loss']) expect(await boxOf(app.page, name)).not.toBeNull();
    expect(app.errors).toEqual([]);
  });

  it('expands and collapses a scope by double-clicking it', async () => {
    const before = await visibleCount(app);
    const shot0 = await canvasShot(app.page);
    const p = await centreOf(app, 'layer1');
    await app.page.mouse.dblclick(p.x, p.y);
    await app.page.waitForFunction(() => (window as unknown as { scopeview: { boxOf(n: string): unknown } }).scopeview.boxOf('layer1/weights') !== null);
    await waitReady(app.page);
    expect(await visibleCount(app)).toBeGreaterThan(before);
    expect(changedRatio(shot0, await canvasShot(app.page))).toBeGreaterThan(0.01);
    const q = await centreOf(app, 'layer1');
    await app.page.mouse.dblclick(q.x, q.y);
    await app.page.waitForFunction(() => (window as unknown as { scopeview: { boxOf(n: string): unknown } }).scopeview.boxOf('layer1/weights') === null);
    expect(await visibleCount(app)).toBe(before);
  });

  it('searches for a node and lands on it: scopes open, the node is centred and selected', async () => {
    const shot0 = await canvasShot(app.page);
    await app.page.fill('[data-testid="search"]', 'Wx_plus_b/MatMul');
    await app.page.waitForSelector('[data-testid="search-results"] .result');
    expect(await app.page.textContent('[data-testid="search-results"]')).toContain('layer2/Wx_plus_b');
    await app.page.click('[data-testid="search-results"] .result >> nth=0');
    // The result list stays for stepping; the inspector is one tab away.
    await app.page.waitForSelector('[data-testid="search-results"] li[aria-current="true"]');
    await app.page.click('[role="tab"]:text("Inspector")');
    await app.page.waitForSelector('[data-testid="inspector"]');
    await waitReady(app.page);
    expect(await app.page.textContent('[data-testid="inspector"] .node-name')).toBe('layer1/Wx_plus_b/MatMul');
    const box = await boxOf(app.page, 'layer1/Wx_plus_b/MatMul');
    const canvas = await app.page.locator('[data-testid="canvas"]').boundingBox();
    expect(box && canvas).toBeTruthy();
    if (box && canvas) {
      expect(Math.abs(box.x + box.width / 2 - (canvas.x + canvas.width / 2))).toBeLessThan(40);
      expect(Math.abs(box.y + box.height / 2 - (canvas.y + canvas.height / 2))).toBeLessThan(40);
    }
    expect(changedRatio(shot0, await canvasShot(app.page))).toBeGreaterThan(0.05);
  });

  it('opens the inspector on a clicked node, with attributes and clickable inputs', async () => {
    const p = await centreOf(app, 'layer1/Wx_plus_b/MatMul');
    await app.page.mouse.click(p.x, p.y);
    await app.page.waitForSelector('[data-testid="inspector-op"]');
    expect(await app.page.textContent('[data-testid="inspector-op"]')).toBe('MatMul');
    const text = (await app.page.textContent('[data-testid="inspector"]')) ?? '';
    expect(text).toContain('transpose_a');
    expect(text).toContain('inputs/x_input');
    await app.page.click('[data-testid="inspector"] .refs button:text("layer1/weights/W/read")');
    await app.page.waitForFunction(() => document.querySelector('[data-testid="inspector"] .node-name')?.textContent === 'layer1/weights/W/read');
    expect(await app.page.textContent('[data-testid="inspector-op"]')).toBe('Identity');
  });

  it('traces the inputs of the selection: the rest dims, and the trace can be cleared', async () => {
    const before = await canvasShot(app.page);
    await app.page.click('[data-testid="inspector"] button:text("Trace inputs")');
    await app.page.waitForSelector('[data-testid="inspector"] >> text=/ops? on the input side/');
    const traced = await untilCanvasChanges(app.page, before, 0.01);
    await app.page.click('[data-testid="inspector"] button:text("Clear trace")');
    await untilCanvasChanges(app.page, traced, 0.01);
  });

  it('switches the colour mode: the legend and the canvas change', async () => {
    const before = await canvasShot(app.page);
    await app.page.selectOption('[data-testid="colour-mode"]', 'op');
    await app.page.waitForSelector('[data-testid="legend"][data-mode="op"]');
    expect(await app.page.textContent('[data-testid="legend"]')).toMatch(/MatMul|Const|Add|Identity/);
    await untilCanvasChanges(app.page, before, 0.005);
    await app.page.selectOption('[data-testid="colour-mode"]', 'structure');
  });

  it('exports the graph as PNG and SVG from the ⋯ menu', async () => {
    await app.page.click('[data-testid="more-menu"] summary');
    const [png] = await Promise.all([app.page.waitForEvent('download'), app.page.click('[data-testid="menu-export-png"]')]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    const pngBytes = readFileSync((await png.path()) as string);
    expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
    expect(pngBytes.length).toBeGreaterThan(5000);
    await app.page.click('[data-testid="more-menu"] summary');
    const [svg] = await Promise.all([app.page.waitForEvent('download'), app.page.click('[data-testid="menu-export-svg"]')]);
    expect(svg.suggestedFilename()).toMatch(/\.svg$/);
    const svgText = readFileSync((await svg.path()) as string, 'utf8');
    expect(svgText).toContain('<svg');
    expect(svgText).toContain('Wx_plus_b');
  });

  it('opens the truncated log: a warning with the byte offset, and the graph read before the cut', async () => {
    await afterWork(app.page, () => dropFiles(app.page, [TRUNCATED]));
    const warning = (await app.page.textContent('[data-testid="load-warning"]')) ?? '';
    expect(warning).toMatch(/truncated/i);
    expect(warning).toMatch(/135,?552/);
    expect(await app.page.textContent('.status')).toContain('575 nodes');
    expect(inkRatio(await canvasShot(app.page))).toBeGreaterThan(0.02);
  });

  it('opens the malformed .pb: a clear error naming the file and offset, and the app stays usable', async () => {
    await dropFiles(app.page, [MALFORMED]);
    await app.page.waitForSelector('[data-testid="load-error"]');
    const error = (await app.page.textContent('[data-testid="load-error"]')) ?? '';
    expect(error).toContain('graph2.pb');
    expect(error).toMatch(/byte \d/);
    await afterWork(app.page, () => dropFiles(app.page, [MORVAN]));
    expect(await app.page.locator('[data-testid="load-error"]').count()).toBe(0);
    expect(await boxOf(app.page, 'layer1')).not.toBeNull();
  });
});
