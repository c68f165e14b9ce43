// Tensor shapes on edges (issue 26): the View menu's toggle labels edges with the tensors they
// carry, drawn only at readable zooms and only in view; the choice outlives a reload.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, HAVE_CORPUS } from '../../core/test-support/corpus';
import { type App, appPerSuite, dropFiles, skipReason, waitDrawn, waitReady } from './harness';
import { shot } from './shots';

const skip = skipReason();
if (skip) console.log(`UI end-to-end suite ${skip}`);
const DEMO = join(CORPUS_DIR, 'tensorboard/demo_graph.pbtxt');

type Hook = { drawnTensorLabels(): string[] };
const drawn = (app: App): Promise<string[]> => app.page.evaluate(() => (window as unknown as { scopeview: Hook }).scopeview.drawnTensorLabels());
/** A shape (`?×784`, `scalar`), optionally after a dtype, or a count of differing tensors. */
const LABEL = /^([a-z0-9_]+ )?((\?|\d+)(×(\?|\d+))*|scalar)$|^[a-z0-9_]+$|^\d+ tensors$/;

async function setLabels(app: App, on: boolean): Promise<void> {
  await app.page.click('[data-testid="view-menu"] summary');
  const box = app.page.locator('[data-testid="edge-labels"]');
  if ((await box.isChecked()) !== on) await box.click();
  else await app.page.keyboard.press('Escape');
  await waitReady(app.page);
}

describe.skipIf(skip !== null || !HAVE_CORPUS)('tensor shapes on edges (Chromium)', () => {
  const page = appPerSuite(async (app) => {
    await dropFiles(app.page, [DEMO]);
    await waitReady(app.page);
  });

  it('labels edges with shapes when on, only at readable zooms, and remembers the choice', async () => {
    const app = page();
    expect(await drawn(app)).toEqual([]);
    await setLabels(app, true);
    await shot(app, 'edge-labels-fit.png');
    // Zoom in until labels are readable: they appear, each a shape, a dtype or a count.
    const canvas = app.page.locator('[data-testid="canvas"]');
    await canvas.click({ position: { x: 5, y: 5 } });
    for (let i = 0; i < 3; i++) await app.page.keyboard.press('+');
    await waitDrawn(app.page);
    const zoomed = await drawn(app);
    expect(zoomed.length).toBeGreaterThan(0);
    for (const l of zoomed) expect(l).toMatch(LABEL);
    expect(zoomed.some((l) => l.includes('×'))).toBe(true);
    await shot(app, 'edge-labels-zoomed.png');
    // Zoomed far out the text would be unreadable: nothing is drawn.
    for (let i = 0; i < 8; i++) await app.page.keyboard.press('-');
    await waitDrawn(app.page);
    expect(await drawn(app)).toEqual([]);

    // The choice is remembered across a reload, like the other View choices.
    await app.page.reload();
    await dropFiles(app.page, [DEMO]);
    await waitReady(app.page);
    await app.page.click('[data-testid="view-menu"] summary');
    expect(await app.page.locator('[data-testid="edge-labels"]').isChecked()).toBe(true);
    await app.page.keyboard.press('Escape');
    await setLabels(app, false);
    for (let i = 0; i < 3; i++) await app.page.keyboard.press('+');
    await waitDrawn(app.page);
    expect(await drawn(app)).toEqual([]);
  });
});
