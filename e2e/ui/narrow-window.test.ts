// Narrow windows: every toolbar control stays on screen and clickable (the toolbar wraps), the
// side panel can be resized with its handle and hidden, and the legend and minimap can be hidden,
// a choice the page remembers.
import { beforeEach, describe, expect, it } from 'vitest';
import { type App, appPerSuite, openDemo, skipReason, waitReady } from './harness';

const skip = skipReason();
if (skip) console.log(`UI end-to-end suite ${skip}`);

/** Toolbar controls whose centre is off-screen or covered by something else, by their text or label. */
async function unreachable(app: App): Promise<string[]> {
  return app.page.evaluate(() => {
    const out: string[] = [];
    const controls = document.querySelectorAll<HTMLElement>('header.toolbar button, header.toolbar select, header.toolbar input:not(.visually-hidden), header.toolbar label.button, header.toolbar summary');
    for (const el of controls) {
      if (el.closest('.menu-body')) continue; // inside a closed menu: reached through the menu's own button
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

describe.skipIf(skip !== null)('narrow windows (Chromium)', () => {
  const current = appPerSuite(openDemo);
  let app: App;
  beforeEach(() => {
    app = current();
  });

  it.each([[800, 700], [1280, 800]])('at %i×%i every toolbar control is on screen and clickable', async (width, height) => {
    await app.page.setViewportSize({ width, height });
    await app.page.waitForFunction((w) => innerWidth === w, width);
    expect(await app.page.locator('header.toolbar button, header.toolbar select').count()).toBeGreaterThanOrEqual(10);
    expect(await unreachable(app)).toEqual([]);
    for (const sel of ['[data-testid="open-compare"]', '[data-testid="export-png"]', '[data-testid="export-svg"]', '[aria-label="Toggle theme"]', '[aria-label="Help"]', '[data-testid="view-menu"] summary']) {
      await app.page.locator(sel).click({ trial: true, timeout: 5000 });
    }
    await app.page.screenshot({ path: `/tmp/sv26a/toolbar-${width}.png` });
  });

  it('the side panel resizes with its handle and can be hidden and shown again', async () => {
    await app.page.setViewportSize({ width: 800, height: 700 });
    const panel = app.page.locator('[data-testid="side-panel"]');
    const before = (await panel.boundingBox())?.width ?? 0;
    expect(before).toBeLessThanOrEqual(260); // a narrow window starts with a narrower panel
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
    await app.page.screenshot({ path: '/tmp/sv26a/side-hidden-800.png' });
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
