// `npm run screenshots`: regenerates docs/screenshots/*.png, the main states of the UI on the
// bundled demo graph (and compare mode on two of the project's fixtures), in Chromium at 1280×800
// (linked from the README).
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { boxOf, waitReady } from './app-page';
import { ensureRendererBuild } from './build-renderer';
import { launchChromium } from './chromium';
import { serveStatic } from './static-server';

const OUT = join(import.meta.dirname, '../docs/screenshots');
const FIXTURES = join(import.meta.dirname, '../fixtures/generated');

async function dblclick(page: Page, name: string): Promise<void> {
  const b = await boxOf(page, name);
  if (!b) throw new Error(`${name} is not drawn`);
  await page.mouse.dblclick(b.x + b.width / 2, b.y + 10);
  await waitReady(page);
}

const server = await serveStatic(ensureRendererBuild());
const browser = await launchChromium();
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await page.goto(server.url);
  await page.waitForSelector('[data-testid="start-screen"]');
  await page.screenshot({ path: join(OUT, 'start.png') });
  await page.click('[data-testid="open-demo"]');
  await waitReady(page);
  await page.screenshot({ path: join(OUT, 'demo-top-level.png') });
  await page.keyboard.press('f');
  await page.waitForTimeout(400);
  await dblclick(page, 'conv1');
  await dblclick(page, 'fc');
  await page.fill('[data-testid="search"]', 'conv1/Conv2D');
  await page.click('[data-testid="search-results"] .result >> nth=0');
  await page.waitForSelector('[data-testid="search-results"] li[aria-current="true"]');
  await page.click('.tab:text("Inspector")');
  await page.waitForSelector('[data-testid="inspector-op"]');
  await waitReady(page);
  await page.screenshot({ path: join(OUT, 'expanded-inspector.png') });
  await page.fill('[data-testid="search"]', 'op:VariableV2');
  await page.waitForSelector('[data-testid="search-results"] .result');
  await page.screenshot({ path: join(OUT, 'search.png') });
  await page.keyboard.press('Escape');
  await page.selectOption('[data-testid="colour-mode"]', 'op');
  await page.keyboard.press('t');
  await page.click('.tab:text("Scopes")');
  await page.waitForSelector('[data-testid="scopes-panel"]');
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(OUT, 'dark-op-colours-scopes.png') });
  // Compare mode on the project's own reuse pair: B created layer_1's variables again.
  await page.keyboard.press('t');
  await page.click('[data-testid="open-compare"]');
  await page.setInputFiles('[data-testid="compare-a-file"]', join(FIXTURES, 'reuse-auto.pb'));
  await page.setInputFiles('[data-testid="compare-b-file"]', join(FIXTURES, 'reuse-none.pb'));
  await page.click('[data-testid="compare-go"]');
  await page.waitForSelector('[data-testid="compare"][data-phase="ready"]', { timeout: 60_000 });
  await page.mouse.click(640, 20);
  await page.keyboard.press('f');
  await page.waitForTimeout(500);
  const layer = await page.evaluate(() => (window as unknown as { scopeview: { paneBoxOf(p: number, n: string): { x: number; y: number; width: number; height: number } | null } }).scopeview.paneBoxOf(0, 'layer_1'));
  if (!layer) throw new Error('layer_1 is not drawn in pane A');
  await page.mouse.dblclick(layer.x + layer.width / 2, layer.y + 10);
  await page.waitForTimeout(1500);
  await page.mouse.move(640, 20);
  await page.click('.tab:text("Changes")');
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(OUT, 'compare.png') });
  console.log(`wrote ${OUT}/{start,demo-top-level,expanded-inspector,search,dark-op-colours-scopes,compare}.png`);
} finally {
  await browser.close();
  await server.close();
}
