// Long work can be cancelled from the progress bar: an opening is held in progress by the test
// build's layout hold (docs/TESTING.md) — not by a file large enough to be slow — and cancelled
// there; the stage without a total shows a stepping block (no CSS animation runs meanwhile); the
// app returns to the start screen and can open files again.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, ROOT, shutdown, skipReason, waitReady, type App } from './harness';

const skip = skipReason();
const DEMO = join(ROOT, 'fixtures/generated/demo.pb');

type Hooks = { scopeviewTest: { holdLayouts(pass: number): void; releaseLayouts(): void } };

describe.skipIf(skip !== null)('cancelling long work (Chromium)', () => {
  let app: App;
  beforeAll(async () => {
    app = await openApp('?layout-hold');
  });
  afterAll(async () => {
    await app?.close();
    await shutdown();
  });

  it('shows stage progress with a Cancel button, and Cancel returns to the start screen', async () => {
    const page = app.page;
    // Every scope layout waits: the opening stays at its layout stage until Cancel.
    await page.evaluate(() => (window as unknown as Hooks).scopeviewTest.holdLayouts(0));
    await page.setInputFiles('[data-testid="open-file"]', DEMO);
    await page.locator('[data-testid="progress"] .stage').getByText(/laying out/i).waitFor({ timeout: 60_000 });
    // A stage without a total shows a block that steps along the track, with no CSS animation: on a
    // CPU rasteriser each animated frame recomposites the window and takes a core from the workers
    // (ProgressTrack.tsx).
    const block = '[data-testid="progress"] .bar.indeterminate > div';
    await page.waitForSelector(block, { timeout: 60_000 });
    expect(await page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length)).toBe(0);
    const left = await page.$eval(block, (e) => (e as HTMLElement).style.left);
    await page.waitForFunction(([sel, was]) => (document.querySelector(sel as string) as HTMLElement | null)?.style.left !== was, [block, left], { timeout: 60_000 });
    expect(await page.isVisible('[data-testid="cancel"]')).toBe(true);
    await page.click('[data-testid="cancel"]');
    await page.waitForSelector('[data-testid="start-screen"]', { timeout: 60_000 });
    expect(await page.textContent('[data-testid="toast"]')).toMatch(/Loading cancelled/);
    await page.evaluate(() => (window as unknown as Hooks).scopeviewTest.releaseLayouts());
    await page.setInputFiles('[data-testid="open-file"]', DEMO);
    await waitReady(page);
    expect(await page.textContent('.status')).toContain('298 nodes');
    expect(app.errors).toEqual([]);
  });
});
