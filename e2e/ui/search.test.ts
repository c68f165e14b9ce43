// Search as a user steps through it (issue 26 item 9): scopes named after the text first, the list
// stays while Enter / Shift+Enter, N / Shift+N and the arrow keys move through the results, each
// one centred and selected; every result is outlined on the canvas; "Show more" goes past 200.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, HAVE_CORPUS } from '../../core/test-support/corpus';
import { type App, afterWork, appPerSuite, boxOf, dropFiles, openDemo, skipReason, waitReady } from './harness';
import { shot } from './shots';

const skip = skipReason();
if (skip) console.log(`UI end-to-end suite ${skip}`);
const PIX2PIX = join(CORPUS_DIR, 'pix2pix_gan_reuse/1/events.out.tfevents.1573068136.neuromancer-lab');

type Hook = { selectedName(): string | null; outlinedMatches(): string[] };
const selectedName = (app: App): Promise<string | null> => app.page.evaluate(() => (window as unknown as { scopeview: Hook }).scopeview.selectedName());
const outlined = (app: App): Promise<string[]> => app.page.evaluate(() => (window as unknown as { scopeview: Hook }).scopeview.outlinedMatches());
const position = (app: App): Promise<string | null> => app.page.textContent('[data-testid="search-position"]');
const current = (app: App): Promise<string | null> => app.page.getAttribute('[data-testid="search-results"] li[aria-current="true"] button', 'title');

/** Waits until result `n` (1-based) is the current one and its box is selected, then checks it is centred. */
async function atResult(app: App, n: number): Promise<string> {
  await app.page.waitForFunction((k) => document.querySelector('[data-testid="search-position"]')?.textContent?.startsWith(` · ${k} of`), n);
  const name = (await current(app)) as string;
  await app.page.waitForFunction(() => (window as unknown as { scopeview: Hook }).scopeview.selectedName() !== null);
  await waitReady(app.page);
  const box = await boxOf(app.page, (await selectedName(app)) as string);
  const canvas = await app.page.locator('[data-testid="canvas"]').boundingBox();
  expect(box).not.toBeNull();
  if (box && canvas) {
    expect(Math.abs(box.x + box.width / 2 - (canvas.x + canvas.width / 2))).toBeLessThan(canvas.width / 4);
    expect(Math.abs(box.y + box.height / 2 - (canvas.y + canvas.height / 2))).toBeLessThan(canvas.height / 4);
  }
  // The result list stays shown while stepping.
  expect(await app.page.isVisible('[data-testid="search-results"]')).toBe(true);
  return name;
}

describe.skipIf(skip !== null)('search stepping (Chromium)', () => {
  const page = appPerSuite(openDemo);

  it('ranks scopes first, steps with Enter / Shift+Enter, N / Shift+N and arrows, keeping the list', async () => {
    const app = page();
    await app.page.fill('[data-testid="search"]', 'conv');
    await app.page.waitForSelector('[data-testid="search-results"] .result');
    const kinds = await app.page.locator('[data-testid="search-results"] li > span').allTextContents();
    const titles = await app.page.locator('[data-testid="search-results"] .result').evaluateAll((els) => els.map((e) => e.getAttribute('title')));
    // Scopes named after the text come first, constants last.
    expect(kinds[0]?.trim()).toBe('scope');
    expect(titles.slice(0, 2)).toEqual(['conv1', 'conv2']);
    const firstConst = kinds.findIndex((k) => k.trim() === 'Const');
    // From the first constant on, only constants and initializer plumbing.
    expect(firstConst).toBeGreaterThan(0);
    expect(kinds.slice(firstConst).every((k, i) => k.includes('Const') || /\/(Initializer|initial_value)\//.test(titles[firstConst + i] ?? ''))).toBe(true);
    // Every result is outlined where it is drawn: closed, conv1 and conv2 stand for all of theirs.
    expect(await outlined(app)).toEqual(expect.arrayContaining(['conv1', 'conv2']));
    await shot(app, 'search-conv-ranked.png');

    await app.page.press('[data-testid="search"]', 'Enter');
    expect(await atResult(app, 1)).toBe('conv1');
    await app.page.press('[data-testid="search"]', 'Enter');
    expect(await atResult(app, 2)).toBe('conv2');
    await app.page.press('[data-testid="search"]', 'Shift+Enter');
    expect(await atResult(app, 1)).toBe('conv1');
    // Off the search box: N and Shift+N.
    await app.page.locator('[data-testid="search"]').blur();
    await app.page.keyboard.press('n');
    expect(await atResult(app, 2)).toBe('conv2');
    await app.page.keyboard.press('n');
    const third = await atResult(app, 3);
    expect(third).toBe(titles[2]);
    await app.page.keyboard.press('Shift+N');
    expect(await atResult(app, 2)).toBe('conv2');
    // Arrow keys in the list.
    await app.page.focus('[data-testid="search-results"] li[aria-current="true"] button');
    await app.page.keyboard.press('ArrowDown');
    expect(await atResult(app, 3)).toBe(third);
    await app.page.keyboard.press('ArrowUp');
    expect(await atResult(app, 2)).toBe('conv2');
    // Clicking a result keeps the list too; the ops of an opened scope are outlined one by one.
    await app.page.click(`[data-testid="search-results"] .result >> nth=${titles.length - 1}`);
    expect(await atResult(app, titles.length)).toBe(titles[titles.length - 1]);
    expect(await position(app)).toContain(`${titles.length} of ${titles.length}`);
    expect((await outlined(app)).length).toBeGreaterThan(2);
    await shot(app, 'search-conv-stepped.png');
    expect(app.errors).toEqual([]);
  });

  it.skipIf(!HAVE_CORPUS)('pix2pix: past 200 results with Show more', async () => {
    const app = page();
    await afterWork(app.page, () => dropFiles(app.page, [PIX2PIX]));
    await app.page.fill('[data-testid="search"]', 'conv');
    await app.page.waitForSelector('[data-testid="search-more"]');
    const head = (await app.page.textContent('[data-testid="search-results"] > p')) ?? '';
    const total = Number(/^([\d,]+) match/.exec(head)?.[1]?.replace(/,/g, ''));
    expect(total).toBeGreaterThan(200);
    expect(await app.page.locator('[data-testid="search-results"] .result').count()).toBe(200);
    // Scopes come first: discriminator and generator conv2d scopes before any op.
    expect((await app.page.textContent('[data-testid="search-results"] li > span >> nth=0'))?.trim()).toBe('scope');
    await app.page.click('[data-testid="search-more"]');
    await app.page.waitForFunction((n) => document.querySelectorAll('[data-testid="search-results"] .result').length === Math.min(n, 1200), total);
    expect(app.errors).toEqual([]);
  });
});
