// What a script or a test asks the app's page once Chromium shows it: is a graph laid out, has the
// canvas settled, where is a node. Shared by the e2e harness and `npm run screenshots`.
import type { Page } from 'playwright-core';

/** Waits until the app shows a laid-out graph (or a load error). */
export async function waitReady(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="app"][data-phase="ready"]', { timeout: 60_000 });
  // Nothing laying out: no busy pill, and no progress bar (an expansion shows the bar instead of the pill).
  await page.waitForFunction(() => !document.querySelector('.busy') && !document.querySelector('[data-testid="progress"]'), undefined, { timeout: 60_000 });
  await waitDrawn(page);
}

/**
 * Waits until every canvas has settled (no fade, no sharpening after motion, no label update
 * pending) and two frames have drawn what it holds: a screenshot taken then shows what stays.
 */
export async function waitDrawn(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { scopeview: { settled(): boolean } }).scopeview.settled(), undefined, { timeout: 60_000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))));
}

/** The on-screen box of the visible node named `name` (page coordinates), via the app's test hook. */
export async function boxOf(page: Page, name: string): Promise<{ x: number; y: number; width: number; height: number } | null> {
  return page.evaluate((n) => {
    const hook = (window as unknown as { scopeview?: { boxOf(name: string): { x: number; y: number; width: number; height: number } | null } }).scopeview;
    return hook ? hook.boxOf(n) : null;
  }, name);
}
