// Narrow windows: the toolbar stays on one row with every control on screen and clickable (the less
// used buttons fold into the ⋯ menu, which the keyboard reaches too), the side panel can be resized
// with its handle and hidden, and the legend and minimap can be hidden, a choice the page remembers.
import { beforeEach, describe, expect, it } from 'vitest';
import { type App, appPerSuite, openDemo, skipReason, waitReady } from './harness';
import { shot } from './shots';

const skip = skipReason();
if (skip) console.log(`UI end-to-end suite ${skip}`);

/** Toolbar controls whose centre is off-screen or covered by something else, by their text or label. */
async function unreachable(app: App): Promise<string[]> {
  return app.page.evaluate(() => {
    const out: string[] = [];
    const controls = document.querySelectorAll<HTMLElement>('header.toolbar button, header.toolbar select, header.toolbar input:not(.visually-hidden), header.toolbar label.button, header.toolbar summary');
    for (const el of controls) {
      if (el.closest('.menu-body')) continue; // inside a closed menu: reached through the menu's own button
      if (el.getClientRects().length === 0 && el.matches('.fold-1, .fold-2, .fold-3, .fold-4')) continue; // folded into the ⋯ menu
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      const name = el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName;
      const inside = r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight;
      const hit = document.elementFromPoint(x, y);
      if (!inside || !hit || !(el === hit || el.contains(hit) || hit.contains(el))) out.push(name);
    }
    return out;
  });
}

/** Toolbar buttons that fold away in narrow windows, and their ⋯ menu items. */
const FOLDABLE: readonly [string, string][] = [
  ['[data-testid="open-compare"]', '[data-testid="menu-compare"]'],
  ['[data-testid="export-png"]', '[data-testid="menu-export-png"]'],
  ['[data-testid="export-svg"]', '[data-testid="menu-export-svg"]'],
  ['[aria-label="Toggle theme"]', '[data-testid="menu-theme"]'],
  ['[aria-label="Help"]', '[data-testid="menu-help"]'],
  ['button[title="Fit to window (F)"]', '[data-testid="menu-fit"]'],
];

describe.skipIf(skip !== null)('narrow windows (Chromium)', () => {
  const current = appPerSuite(openDemo);
  let app: App;
  beforeEach(() => {
    app = current();
  });

  it.each([[800, 700], [1280, 800], [1920, 1080]])('at %i×%i the toolbar is one row, every control on screen and clickable, the folded ones in the ⋯ menu', async (width, height) => {
    const p = app.page;
    await p.setViewportSize({ width, height });
    await p.waitForFunction((w) => innerWidth === w, width);
    expect(await p.locator('header.toolbar button, header.toolbar select').count()).toBeGreaterThanOrEqual(10);
    expect(await unreachable(app)).toEqual([]);
    const toolbar = (await p.locator('header.toolbar').boundingBox())!;
    const summary = (await p.locator('[data-testid="more-menu"] summary').boundingBox())!;
    await shot(p, `toolbar-${width}.png`);
    expect(toolbar.height).toBeLessThan(2 * summary.height); // one row
    // Each action: its toolbar button when shown, else its item in the ⋯ menu.
    for (const [button, item] of FOLDABLE) {
      if (await p.locator(button).isVisible()) {
        await p.locator(button).click({ trial: true, timeout: 5000 });
        continue;
      }
      await p.click('[data-testid="more-menu"] summary');
      await p.locator(item).click({ trial: true, timeout: 5000 });
      await shot(p, `more-menu-${width}.png`);
      await p.keyboard.press('Escape');
      await p.waitForSelector('[data-testid="more-menu"] .menu-body', { state: 'hidden' });
    }
    await p.locator('[data-testid="view-menu"] summary').click({ trial: true, timeout: 5000 });
  });

  it('the ⋯ menu opens from the keyboard and its items take the focus', async () => {
    const p = app.page;
    await p.setViewportSize({ width: 800, height: 700 });
    await p.focus('[data-testid="more-menu"] summary');
    await p.keyboard.press('Enter');
    await p.waitForSelector('[data-testid="menu-export-svg"]', { state: 'visible' });
    await p.keyboard.press('Tab');
    expect(await p.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('menu-export-png');
    await p.keyboard.press('Escape');
    await p.waitForSelector('[data-testid="more-menu"] .menu-body', { state: 'hidden' });
    await p.setViewportSize({ width: 1280, height: 800 });
  });

  it('the side panel resizes with its handle and can be hidden and shown again', async () => {
    await app.page.setViewportSize({ width: 800, height: 700 });
    const panel = app.page.locator('[data-testid="side-panel"]');
    // A narrow window gets a narrower panel (once the page has seen the resize).
    await expect.poll(async () => (await panel.boundingBox())?.width ?? Infinity).toBeLessThanOrEqual(260);
    const before = (await panel.boundingBox())?.width ?? 0;
    const handle = (await app.page.locator('[data-testid="side-handle"]').boundingBox())!;
    await app.page.mouse.move(handle.x + handle.width / 2, handle.y + 200);
    await app.page.mouse.down();
    await app.page.mouse.move(handle.x + handle.width / 2 - 100, handle.y + 200, { steps: 4 });
    await app.page.mouse.up();
    await app.page.waitForFunction((w) => (document.querySelector('[data-testid="side-panel"]')?.getBoundingClientRect().width ?? 0) > w + 80, before);
    const wider = (await panel.boundingBox())?.width ?? 0;
    expect(wider).toBeLessThanOrEqual(800 - 320); // the canvas keeps room
    const canvasBefore = (await app.page.locator('[data-testid="canvas"]').boundingBox())?.width ?? 0;
    await app.page.click('[data-testid="hide-side"]');
    expect(await panel.count()).toBe(0);
    await app.page.waitForFunction((w) => (document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect().width ?? 0) > w + 150, canvasBefore);
    await shot(app, 'side-hidden-800.png');
    await app.page.click('[data-testid="show-side"]');
    expect(Math.abs(((await panel.boundingBox())?.width ?? 0) - wider)).toBeLessThan(2);
  });

  it('the legend and the minimap can be hidden, and stay hidden after a reload', async () => {
    await app.page.click('[data-testid="hide-legend"]');
    await app.page.click('[data-testid="hide-minimap"]');
    expect(await app.page.locator('[data-testid="legend"]').count()).toBe(0);
    expect(await app.page.locator('[data-testid="minimap"]').isVisible()).toBe(false);
    await app.page.reload();
    await app.page.click('[data-testid="open-demo"]');
    await waitReady(app.page);
    expect(await app.page.locator('[data-testid="legend"]').count()).toBe(0);
    expect(await app.page.locator('[data-testid="minimap"]').isVisible()).toBe(false);
    await app.page.click('[data-testid="show-legend"]');
    await app.page.click('[data-testid="show-minimap"]');
    expect(await app.page.locator('[data-testid="legend"]').count()).toBe(1);
    expect(await app.page.locator('[data-testid="minimap"]').isVisible()).toBe(true);
    expect(app.errors).toEqual([]);
  });
});
