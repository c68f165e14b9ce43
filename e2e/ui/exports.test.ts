// Exports keep what is shown: from the ⋯ menu, the SVG parses and carries the fills of the colour
// mode on screen (the legend's colours, tinted as the canvas tints them), dashed control edges and
// fixed arrowheads; the PNG is the whole graph at 2× (the SVG's size doubled), and the current-view
// PNG is the canvas as drawn.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { beforeEach, describe, expect, it } from 'vitest';
import { type App, appPerSuite, openDemo, skipReason } from './harness';
import { keepFile } from './shots';

const skip = skipReason();
if (skip) console.log(`UI end-to-end suite ${skip}`);

/** Saves what a ⋯ menu item downloads; returns its path (kept under SCOPEVIEW_SHOTS when set, to be looked at). */
async function exportFrom(page: Page, item: string, name: string): Promise<string> {
  await page.click('[data-testid="more-menu"] summary');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${item}"]`)]);
  const out = (await download.path()) as string;
  keepFile(out, name);
  return out;
}

/** The legend's category swatches as the canvas fills closed boxes with them: 55 % toward white. */
async function tintedLegendColours(page: Page): Promise<string[]> {
  const rgbs = await page.locator('[data-testid="legend-entry"]').evaluateAll((items) => items
    .filter((li) => !/other|unique/.test(li.textContent ?? ''))
    .map((li) => getComputedStyle(li.querySelector('.swatch') as HTMLElement).backgroundColor));
  return rgbs.map((css) => {
    const [r, g, b] = (css.match(/\d+/g) ?? []).map(Number) as [number, number, number];
    return `#${[r, g, b].map((c) => Math.round(c + (255 - c) * 0.55).toString(16).padStart(2, '0')).join('')}`;
  });
}

describe.skipIf(skip !== null)('exports (Chromium)', () => {
  const current = appPerSuite(openDemo);
  let app: App;
  beforeEach(() => {
    app = current();
  });

  it('exports an SVG that parses and holds the fills of the colour mode shown', async () => {
    const p = app.page;
    const fillsOf = async (mode: string): Promise<{ fills: Set<string>; text: string }> => {
      await p.selectOption('[data-testid="colour-mode"]', mode);
      await p.waitForSelector(`[data-testid="legend"][data-mode="${mode}"]`);
      const text = readFileSync(await exportFrom(p, 'menu-export-svg', `export-${mode}.svg`), 'utf8');
      const parsed = await p.evaluate((svg) => {
        const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
        return { error: doc.querySelector('parsererror') !== null, root: doc.documentElement.nodeName, rects: doc.querySelectorAll('rect').length };
      }, text);
      expect(parsed).toEqual({ error: false, root: 'svg', rects: expect.any(Number) as number });
      expect(parsed.rects).toBeGreaterThan(20);
      return { fills: new Set([...text.matchAll(/fill="(#[0-9a-f]{6})"/g)].map((m) => m[1] as string)), text };
    };
    const op = await fillsOf('op');
    const legend = await tintedLegendColours(p);
    expect(legend.length).toBeGreaterThan(2);
    for (const c of legend) expect(op.fills, `legend colour ${c}`).toContain(c);
    const structure = await fillsOf('structure');
    for (const c of await tintedLegendColours(p)) expect(structure.fills, `legend colour ${c}`).toContain(c);
    expect([...op.fills].sort()).not.toEqual([...structure.fills].sort());
    expect(structure.text).toContain('<title>GradientDescent</title>');
    // Reference edges in their orange, and every arrowhead one size.
    expect(structure.text).toMatch(/stroke="#e07b24"/);
    const arrows = [...structure.text.matchAll(/class="arrow" points="([^"]+)"/g)].map((m) => (m[1] as string).split(/[ ,]/).map(Number));
    expect(arrows.length).toBeGreaterThan(10);
    for (const [, , ax, ay, bx, by] of arrows) expect(Math.hypot((ax as number) - (bx as number), (ay as number) - (by as number))).toBeCloseTo(6.4, 0);
  });

  it('exports the whole graph as PNG at 2×, and the current view as drawn', async () => {
    const p = app.page;
    const svg = readFileSync(await exportFrom(p, 'menu-export-svg', 'export-whole.svg'), 'utf8');
    const [w, h] = (/<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg) ?? []).slice(1).map(Number) as [number, number];
    const size = (await p.evaluate(() => (window as unknown as { scopeview: { sceneSize(): { width: number; height: number } | null } }).scopeview.sceneSize()))!;
    expect(w).toBeGreaterThanOrEqual(size.width);
    expect(h).toBeGreaterThanOrEqual(size.height);
    const whole = PNG.sync.read(readFileSync(await exportFrom(p, 'menu-export-png', 'export-whole.png')));
    expect([whole.width, whole.height]).toEqual([2 * w, 2 * h]);
    // Not blank: some pixels differ from the background.
    let ink = 0;
    for (let i = 0; i < whole.data.length; i += 4) if ((whole.data[i] as number) < 200) ink++;
    expect(ink / (whole.width * whole.height)).toBeGreaterThan(0.002);
    const view = PNG.sync.read(readFileSync(await exportFrom(p, 'menu-export-png-view', 'export-view.png')));
    const canvas = (await p.locator('[data-testid="canvas"]').boundingBox())!;
    expect(Math.abs(view.width - canvas.width)).toBeLessThanOrEqual(1);
    expect(Math.abs(view.height - canvas.height)).toBeLessThanOrEqual(1);
    expect(app.errors).toEqual([]);
  });
});
