// The canvas tooltip (issue 26 item 11): a scope's says it is a scope before anything else, and
// the tooltip goes away when the layout moves under a still cursor.
import { describe, expect, it } from 'vitest';
import { type App, afterWork, appPerSuite, boxOf, openDemo, skipReason } from './harness';
import { shot } from './shots';

const skip = skipReason();
if (skip) console.log(`UI end-to-end suite ${skip}`);

async function hover(app: App, name: string): Promise<void> {
  const b = await boxOf(app.page, name);
  if (!b) throw new Error(`${name} is not drawn`);
  await app.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
  await app.page.waitForSelector('[data-testid="tooltip"]');
}

describe.skipIf(skip !== null)('canvas tooltip (Chromium)', () => {
  const page = appPerSuite(openDemo);

  it('a scope reads "scope · N ops · mostly Op", an op its type', async () => {
    const app = page();
    await hover(app, 'gradients');
    expect(await app.page.textContent('[data-testid="tooltip"] .tip-name')).toBe('gradients');
    expect(await app.page.textContent('[data-testid="tooltip-detail"]')).toMatch(/^scope · 116 ops · mostly \w+$/);
    await shot(app, 'tooltip-scope.png');
    await hover(app, 'init');
    expect(await app.page.textContent('[data-testid="tooltip-detail"]')).toBe('NoOp');
  });

  it('hides when the layout changes under a still cursor', async () => {
    const app = page();
    await hover(app, 'gradients');
    // Expand all from the keyboard: the mouse does not move, the boxes do.
    await afterWork(app.page, () => app.page.keyboard.press('e'));
    expect(await app.page.locator('[data-testid="tooltip"]').count()).toBe(0);
    await afterWork(app.page, () => app.page.keyboard.press('Shift+E'));
    await hover(app, 'gradients');
    // The camera moving (zoom from the keyboard) hides it too.
    await app.page.keyboard.press('=');
    await app.page.waitForSelector('[data-testid="tooltip"]', { state: 'detached' });
    expect(app.errors).toEqual([]);
  });
});
