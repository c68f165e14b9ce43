// Compare mode in Chromium, as a user drives it: pick two corpus logs in the Compare dialog, see
// both panes drawn with the diff summary and badges, click a change and see both panes centre it,
// expand a scope on one side and see its counterpart open on the other, compare two runs of one
// logdir, and export the diff (JSON equal to the CLI's, PNG of both panes).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiffDocument } from '../../core/diff/diff';
import { CORPUS_DIR, HAVE_CORPUS } from '../../core/test-support/corpus';
import { inkRatio, openApp, ROOT, scenesShown, shutdown, skipReason, waitDrawn, type App } from './harness';
import { keepFile, shot } from './shots';
import { PNG } from 'pngjs';

const skip = skipReason() ?? (HAVE_CORPUS ? null : 'skipped: no corpus');
if (skip) console.log(`compare UI end-to-end suite ${skip}`);
const A = join(CORPUS_DIR, 'golbin_tutorials/dqn/events.out.tfevents.1484955089.mpr');
const B = join(CORPUS_DIR, 'golbin_tutorials/dqn_pyplot/events.out.tfevents.1497009719.mpr');
const LOGDIR = join(CORPUS_DIR, 'cs20_fork_graphs');
const MALFORMED = join(CORPUS_DIR, 'fazibear_cr/graph2.pb');

type Box = { x: number; y: number; width: number; height: number };

function paneBox(page: Page, pane: 0 | 1, name: string): Promise<Box | null> {
  return page.evaluate(([p, n]) => (window as unknown as { scopeview: { paneBoxOf(p: number, n: string): Box | null } }).scopeview.paneBoxOf(p, n), [pane, name] as const);
}

function badge(page: Page, pane: 0 | 1, name: string): Promise<string | null> {
  return page.evaluate(([p, n]) => (window as unknown as { scopeview: { badgeOf(p: number, n: string): string | null } }).scopeview.badgeOf(p, n), [pane, name] as const);
}

async function paneCanvas(page: Page, side: 'a' | 'b'): Promise<{ box: Box; ink: number }> {
  const el = page.locator(`[data-testid="pane-${side}"] [data-testid="canvas"]`);
  const box = (await el.boundingBox()) as Box;
  const img = PNG.sync.read(await el.screenshot());
  return { box, ink: inkRatio({ png: Buffer.alloc(0), width: img.width, height: img.height, data: img.data }) };
}

/** Clicks Compare and waits until both panes show a new scene and the comparison is ready. */
async function compare(page: Page): Promise<void> {
  const before = await scenesShown(page);
  await page.click('[data-testid="compare-go"]');
  await page.waitForFunction((n) => (window as unknown as { scopeview: { scenesShown(): number } }).scopeview.scenesShown() >= n + 2, before, { timeout: 90_000 });
  await page.waitForSelector('[data-testid="compare"][data-phase="ready"]', { timeout: 90_000 });
  await page.waitForSelector('[data-testid="pane-a"][data-phase="ready"]');
  await page.waitForSelector('[data-testid="pane-b"][data-phase="ready"]');
  await page.waitForFunction(() => !document.querySelector('.busy') && !document.querySelector('[data-testid="progress"]'), undefined, { timeout: 60_000 });
  await waitDrawn(page);
}

/** Distance from a node's box centre to its pane's centre, px. */
async function offCentre(page: Page, pane: 0 | 1, name: string): Promise<number> {
  const b = await paneBox(page, pane, name);
  if (!b) return Infinity;
  const view = (await paneCanvas(page, pane === 0 ? 'a' : 'b')).box;
  return Math.hypot(b.x + b.width / 2 - (view.x + view.width / 2), b.y + b.height / 2 - (view.y + view.height / 2));
}

describe.skipIf(skip !== null)('compare UI (Chromium)', () => {
  let app: App;
  beforeAll(async () => {
    app = await openApp();
    await app.page.setViewportSize({ width: 1600, height: 900 });
  });
  afterAll(async () => {
    await app?.close();
    await shutdown();
  });

  it('compares two corpus logs picked in the Compare dialog: both panes, the summary and the badges', async () => {
    const p = app.page;
    await p.click('[data-testid="open-compare"]');
    await p.waitForSelector('[data-testid="compare-dialog"]');
    expect(await p.isDisabled('[data-testid="compare-go"]')).toBe(true);
    await p.setInputFiles('[data-testid="compare-a-file"]', A);
    await p.setInputFiles('[data-testid="compare-b-file"]', B);
    expect(await p.textContent('[data-testid="compare-b-name"]')).toContain('1497009719');
    await compare(p);
    const summary = (await p.textContent('[data-testid="diff-summary"]')) ?? '';
    expect(summary).toContain('74 changed');
    expect(summary).toContain('347 added');
    expect(summary).toContain('158 removed');
    for (const side of ['a', 'b'] as const) expect((await paneCanvas(p, side)).ink).toBeGreaterThan(0.01);
    // Closed scopes carry their badges: A's beta1_power had 4 ops rewired, B's main scope is all new.
    expect(await badge(p, 0, 'beta1_power')).toBe('~4');
    expect(await badge(p, 1, 'main')).toBe('+149');
    expect(await badge(p, 0, 'Mean')).toBe('');
    // A pane's legend starts folded to a line of swatches; a click opens it.
    await p.click('[data-testid="pane-b"] [data-testid="legend-unfold"]');
    expect(await p.textContent('[data-testid="pane-b"] [data-testid="legend"]')).toContain('added');
    await p.click('[data-testid="pane-b"] [data-testid="legend-fold"]');
    expect(app.errors).toEqual([]);
  });

  it('keeps the legend and the minimap to a small share of each pane at 1280×800, and both can still be hidden', async () => {
    const p = app.page;
    await p.setViewportSize({ width: 1280, height: 800 });
    await p.waitForFunction(() => innerWidth === 1280);
    await shot(p, 'compare-1280.png');
    const area = (b: Box | null): number => (b ? b.width * b.height : 0);
    for (const side of ['a', 'b'] as const) {
      const pane = `[data-testid="pane-${side}"]`;
      const canvas = (await p.locator(`${pane} [data-testid="canvas"]`).boundingBox()) as Box;
      const legend = await p.locator(`${pane} [data-testid="legend"]`).boundingBox();
      const minimap = await p.locator(`${pane} [data-testid="minimap"]`).boundingBox();
      expect(area(legend)).toBeGreaterThan(0);
      expect(area(minimap)).toBeGreaterThan(0);
      // Under 6 % of the pane together (folded legend ≈ 1 %, minimap ≈ 3 %).
      expect((area(legend) + area(minimap)) / area(canvas)).toBeLessThan(0.06);
    }
    await p.click('[data-testid="pane-a"] [data-testid="hide-legend"]');
    await p.click('[data-testid="pane-a"] [data-testid="hide-minimap"]');
    expect(await p.locator('[data-testid="pane-a"] [data-testid="legend"]').count()).toBe(0);
    expect(await p.locator('[data-testid="pane-a"] [data-testid="minimap"]').isVisible()).toBe(false);
    await p.click('[data-testid="pane-a"] [data-testid="show-legend"]');
    await p.click('[data-testid="pane-a"] [data-testid="show-minimap"]');
    expect(await p.locator('[data-testid="pane-a"] [data-testid="legend"]').count()).toBe(1);
    expect(await p.locator('[data-testid="pane-a"] [data-testid="minimap"]').isVisible()).toBe(true);
    await p.setViewportSize({ width: 1600, height: 900 });
    await p.waitForFunction(() => innerWidth === 1600);
  });

  it('centres a change in both panes when its entry is clicked, opening the scopes on the way', async () => {
    const p = app.page;
    const name = 'gradients/Mul_grad/mul';
    expect(await paneBox(p, 0, name)).toBeNull(); // inside closed scopes
    await p.locator(`[data-testid="diff-entry"][title="${name}"]`).click();
    // Centred is where the panes stay once the scopes on the way are open.
    await expect.poll(() => offCentre(p, 0, name), { timeout: 60_000 }).toBeLessThan(40);
    await expect.poll(() => offCentre(p, 1, name), { timeout: 60_000 }).toBeLessThan(40);
    expect(await p.getAttribute(`[data-testid="diff-entry"][title="${name}"]`, 'class')).toContain('focused');
    // N twice in quick succession steps on through the changes, and leaves the cameras' link as the user set it.
    await p.click('.compare-title'); // keys go to the page, not to an input
    await p.keyboard.press('n');
    await p.keyboard.press('n');
    await p.waitForFunction((was) => document.querySelector('[data-testid="diff-entry"].focused')?.getAttribute('title') !== was, name, { timeout: 60_000 });
    await p.waitForFunction(() => !document.querySelector('.busy'), undefined, { timeout: 60_000 });
    await waitDrawn(p);
    expect(await p.isChecked('[data-testid="sync-camera"]')).toBe(true);
    expect(await p.locator('[data-testid="diff-entry"].focused').count()).toBe(1);
  });

  it('opens the counterpart scope on the other side when a scope is expanded on one', async () => {
    const p = app.page;
    await p.click('[data-testid="sync-camera"]'); // cameras apart, so the double-click lands on A only
    const target = 'beta2_power';
    await p.mouse.click(300, 200); // focus the page, not an input
    await p.keyboard.press('f');
    await waitDrawn(p);
    expect(await paneBox(p, 1, `${target}/Assign`)).toBeNull();
    // The scope is open once the pane's expanded set holds it (set on the double-click, before its
    // layout). A double-click that met no box, because a layout still in flight moved it, is
    // repeated at the box's new place.
    const openInA = (): Promise<boolean> => p.evaluate((t) => (window as unknown as { scopeview: { expandedIn(s: number): string[] } }).scopeview.expandedIn(0).includes(t), target);
    // The pane's legend and minimap could lie over the box wherever the earlier tests left the view.
    await p.click('[data-testid="pane-a"] [data-testid="hide-legend"]');
    await p.click('[data-testid="pane-a"] [data-testid="hide-minimap"]');
    for (let tries = 0; !(await openInA()); tries++) {
      expect(tries).toBeLessThan(5);
      await waitDrawn(p);
      const box = (await paneBox(p, 0, target)) as Box;
      const [x, y] = [box.x + box.width / 2, box.y + Math.min(8, box.height / 2)];
      // The point must be on pane A's canvas, not on something drawn over it.
      expect(await p.evaluate(([px, py]) => document.elementFromPoint(px as number, py as number)?.closest('[data-testid="pane-a"] [data-testid="canvas"]') != null, [x, y])).toBe(true);
      await p.mouse.dblclick(x, y);
    }
    await p.click('[data-testid="pane-a"] [data-testid="show-legend"]');
    await p.click('[data-testid="pane-a"] [data-testid="show-minimap"]');
    await expect.poll(() => paneBox(p, 0, `${target}/Assign`), { timeout: 60_000 }).not.toBeNull();
    await expect.poll(() => paneBox(p, 1, `${target}/Assign`), { timeout: 60_000 }).not.toBeNull();
    await p.click('[data-testid="sync-camera"]');
  });

  it('lists the variables of both sides in the Scopes tab', async () => {
    const p = app.page;
    await p.click('[role="tab"]:has-text("Scopes")');
    await p.waitForSelector('[data-testid="variable-row"]');
    const statuses = await p.locator('[data-testid="variable-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
    expect(statuses).toContain('removed');
    expect(statuses).toContain('added');
    await p.click('[role="tab"]:has-text("Changes")');
  });

  it('exports the diff as the JSON the CLI prints, and both panes as one PNG', async () => {
    const p = app.page;
    const [json] = await Promise.all([p.waitForEvent('download'), p.click('[data-testid="export-diff-json"]')]);
    expect(json.suggestedFilename()).toMatch(/^diff-.*\.json$/);
    const exported = JSON.parse(readFileSync((await json.path()) as string, 'utf8')) as DiffDocument;
    const cli = spawnSync(process.execPath, [join(ROOT, 'bin/scopeview.mjs'), 'diff', A, B, '--json'], { encoding: 'utf8' });
    expect(exported).toEqual(JSON.parse(cli.stdout) as DiffDocument);
    const [png] = await Promise.all([p.waitForEvent('download'), p.click('[data-testid="export-compare-png"]')]);
    const img = PNG.sync.read(readFileSync((await png.path()) as string));
    // Both graphs whole at 2×, side by side under their captions (a margin of 12 units around each graph).
    const size = (pane: 0 | 1): Promise<{ width: number; height: number }> => p.evaluate((k) => (window as unknown as { scopeview: { sceneSize(k: number): { width: number; height: number } } }).scopeview.sceneSize(k), pane);
    const [a, b] = [await size(0), await size(1)];
    expect(Math.abs(img.width - 2 * (a.width + b.width + 48) - 16)).toBeLessThanOrEqual(6);
    expect(img.height).toBeGreaterThanOrEqual(2 * Math.max(a.height, b.height) + 56);
    keepFile((await png.path()) as string, 'compare-export.png');
  });

  it('compares two runs of one logdir, then Esc returns to the explorer', async () => {
    const p = app.page;
    await p.keyboard.press('Escape');
    await p.waitForSelector('[data-testid="compare"]', { state: 'detached' });
    await p.setInputFiles('[data-testid="open-folder"]', LOGDIR);
    await p.waitForSelector('[data-testid="app"][data-phase="ready"]', { timeout: 60_000 });
    await p.click('[data-testid="open-compare"]');
    // The open logdir is offered for both sides: A its first graph, B a graph of another run.
    expect(await p.textContent('[data-testid="compare-a-name"]')).toContain('cs20_fork_graphs');
    await p.selectOption('[data-testid="compare-b-graph"]', '4'); // normal_loading's graph
    await compare(p);
    const summary = (await p.textContent('[data-testid="diff-summary"]')) ?? '';
    expect(summary).toContain('9 removed'); // lazy loading built x_1, y_1 and init_1 again
    expect(summary).toContain('10 same');
    expect(await badge(p, 0, 'x_1')).toBe('\u22124');
    expect(app.errors).toEqual([]);
  });

  it('says which side cannot be compared when one file is broken, and still shows the other', async () => {
    const p = app.page;
    await p.keyboard.press('Escape');
    await p.waitForSelector('[data-testid="compare"]', { state: 'detached' });
    await p.click('[data-testid="open-compare"]');
    await p.setInputFiles('[data-testid="compare-a-file"]', A);
    await p.setInputFiles('[data-testid="compare-b-file"]', MALFORMED);
    await p.click('[data-testid="compare-go"]');
    await p.waitForSelector('[data-testid="compare-failure"]', { timeout: 60_000 });
    expect(await p.textContent('[data-testid="compare-failure"]')).toMatch(/B \(graph2\.pb\) has no graph to compare/);
    expect(await p.textContent('[data-testid="pane-b"] .banner.error')).toMatch(/graph2\.pb/);
    expect((await paneCanvas(p, 'a')).ink).toBeGreaterThan(0.01);
    expect(app.errors).toEqual([]);
  });
});
