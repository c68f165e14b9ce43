// Long work can be cancelled from the progress bar: a large GraphDef (generated here) is opened
// and cancelled while it loads (no CSS animation runs meanwhile); the app returns to the start
// screen and can open files again.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticDag, tileGraphs } from '../../bench/tile';
import { openApp, ROOT, shutdown, skipReason, waitReady, type App } from './harness';

const skip = skipReason();

describe.skipIf(skip !== null)('cancelling long work (Chromium)', () => {
  let app: App;
  let big: string;
  beforeAll(async () => {
    big = join(mkdtempSync(join(tmpdir(), 'scopeview-e2e-')), 'big.pb');
    writeFileSync(big, tileGraphs([syntheticDag(2000, 40, true)], 600_000));
    app = await openApp();
  });
  afterAll(async () => {
    await app?.close();
    await shutdown();
  });

  it('shows stage progress with a Cancel button, and Cancel returns to the start screen', async () => {
    await app.page.setInputFiles('[data-testid="open-file"]', big);
    await app.page.waitForSelector('[data-testid="progress"]');
    expect(await app.page.textContent('[data-testid="progress"] .stage')).toMatch(/reading|decoding|building|laying|scanning/i);
    // A stage without a total (the scope engine) shows a block that steps along the track, with no
    // CSS animation: on a CPU rasteriser each animated frame recomposites the window and takes a
    // core from the workers (ProgressTrack.tsx).
    const block = '[data-testid="progress"] .bar.indeterminate > div';
    await app.page.waitForSelector(block, { timeout: 60_000 });
    expect(await app.page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length)).toBe(0);
    const left = await app.page.$eval(block, (e) => (e as HTMLElement).style.left);
    await app.page.waitForFunction(([sel, was]) => {
      const e = document.querySelector(sel as string) as HTMLElement | null;
      return e === null || e.style.left !== was;
    }, [block, left], { timeout: 5000 });
    await app.page.click('[data-testid="cancel"]');
    await app.page.waitForSelector('[data-testid="start-screen"]', { timeout: 30_000 });
    expect(await app.page.textContent('[data-testid="toast"]')).toMatch(/cancel/i);
    await app.page.setInputFiles('[data-testid="open-file"]', join(ROOT, 'fixtures/generated/demo.pb'));
    await waitReady(app.page);
    expect(await app.page.textContent('.status')).toContain('298 nodes');
    expect(app.errors).toEqual([]);
  });
});
