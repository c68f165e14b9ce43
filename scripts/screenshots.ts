// `npm run screenshots`: regenerates docs/screenshots/*.png, the main states of the UI on the
// bundled demo graph, in Chromium at 1280×800 (linked from the README).
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { boxOf, waitReady } from '../e2e/ui/harness';
import { ensureRendererBuild } from './build-renderer';
import { launchChromium } from './chromium';
import { serveStatic } from './static-server';

const OUT = join(import.meta.dirname, '../docs/screenshots');

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
  console.log(`wrote ${OUT}/{start,demo-top-level,expanded-inspector,search,dark-op-colours-scopes}.png`);
} finally {
  await browser.close();
  await server.close();
}
