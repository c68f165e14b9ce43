// Playwright harness for the UI tests: serves the built renderer on 127.0.0.1, launches Debian's
// Chromium (SCOPEVIEW_CHROMIUM overrides the path) with the flags this machine needs, and gives
// tests user-level helpers: drop a file, read canvas pixels from a screenshot, find a node's box.
// It serves the test build (dist/renderer-test, e2e/global-setup.ts), whose layout hold tests reach
// with the `layout-hold` query flag, and applies the CPU-throttle switch (docs/TESTING.md).
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, expect } from 'vitest';
import { CHROMIUM, haveChromium, launchChromium } from '../../scripts/chromium';
import { RENDERER_TEST_DIST } from '../../scripts/build-renderer';
import { serveStatic, type StaticServer } from '../../scripts/static-server';
import { throttleCpu } from '../cpu-throttle';
import { waitDrawn, waitReady } from '../../scripts/app-page';

// The page probes live in scripts/ so the screenshot script shares them without importing e2e/.
export { boxOf, waitDrawn, waitReady } from '../../scripts/app-page';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = RENDERER_TEST_DIST;

/** Why the UI suite cannot run here, or null. Printed as a visible skip notice. */
export function skipReason(): string | null {
  if (!haveChromium()) return `skipped: no Chromium at ${CHROMIUM} (install Debian's chromium or set SCOPEVIEW_CHROMIUM)`;
  if (!existsSync(join(DIST, 'index.html'))) return 'skipped: dist/renderer-test is not built (e2e/global-setup.ts builds it)';
  return null;
}

export interface App {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly url: string;
  readonly errors: string[];
  close(): Promise<void>;
}

let shared: { browser: Browser; server: StaticServer } | null = null;

export async function launch(): Promise<{ browser: Browser; server: StaticServer }> {
  if (shared) return shared;
  const server = await serveStatic(DIST);
  const browser = await launchChromium();
  shared = { browser, server };
  return shared;
}

export async function shutdown(): Promise<void> {
  if (!shared) return;
  await shared.browser.close();
  await shared.server.close();
  shared = null;
}

/** A new page of `context`, under the CPU-throttle switch. */
export async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await throttleCpu(context, page);
  return page;
}

/** A fresh browser context (empty storage) on the app page; `query` such as '?layout-hold'. */
export async function openApp(query = ''): Promise<App> {
  const { browser, server } = await launch();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const page = await newPage(context);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const url = `${server.url}${query}`;
  await page.goto(url);
  return { page, context, url, errors, close: () => context.close() };
}

/**
 * One app page for the tests of the calling `describe`: opened (then `setup`) before them, closed
 * after them with the browser. Returns the page's getter.
 */
export function appPerSuite(setup: (app: App) => Promise<void> = async () => undefined, query = ''): () => App {
  let app: App | null = null;
  beforeAll(async () => {
    app = await openApp(query);
    await setup(app);
  });
  afterAll(async () => {
    await app?.close();
    await shutdown();
  });
  return () => {
    if (!app) throw new Error('the app page is not open');
    return app;
  };
}

/** appPerSuite's setup for suites that start on the bundled demo graph. */
export async function openDemo(app: App): Promise<void> {
  await app.page.click('[data-testid="open-demo"]');
  await waitReady(app.page);
}

/** The number of boxes the status bar says are shown. */
export async function visibleCount(page: Page): Promise<number> {
  const text = (await page.textContent('[data-testid="visible-count"]')) ?? '';
  return Number(text.replace(/[, ]/g, '').match(/^(\d+)boxes/)?.[1] ?? Number.NaN);
}

/** Drops files on the window as a user's drag and drop does. */
export async function dropFiles(page: Page, paths: readonly string[]): Promise<void> {
  const files = paths.map((p) => ({ name: basename(p), b64: readFileSync(p).toString('base64') }));
  await page.evaluate(async (list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.b64), (ch) => ch.charCodeAt(0));
      dt.items.add(new File([bytes], f.name));
    }
    const target = document.querySelector('[data-testid="app"]') as HTMLElement;
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
}

type Hook = { scopeview: { scenesShown(): number; layoutStoreWrites(): { queued: number; ended: number }; layoutsPrepared(): { done: number; total: number } } };

/** Scenes the page has shown so far, on any canvas: a count that only grows. */
export function scenesShown(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as Hook).scopeview.scenesShown());
}

/**
 * Runs `act` (a click or a key that starts a relayout, an expansion, a collapse or an opening) and
 * waits until a scene newer than those shown before it is drawn and nothing is laying out. Alone,
 * `waitReady` passes at once when the work has not begun yet.
 */
export async function afterWork(page: Page, act: () => Promise<unknown>): Promise<void> {
  const before = await scenesShown(page);
  await act();
  await page.waitForFunction((n) => (window as unknown as Hook).scopeview.scenesShown() > n, before, { timeout: 110_000 });
  await waitReady(page);
}

/**
 * Waits until the top-level scopes of the graph shown are laid out in the background (at least
 * one; docs/TESTING.md): a state that stays until another graph is shown. Tests that count layouts
 * or stored entries wait for it, so that the background work does not change them under the test.
 */
export async function waitPrepared(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const p = (window as unknown as Hook).scopeview.layoutsPrepared();
    return p.total > 0 && p.done === p.total;
  }, undefined, { timeout: 60_000 });
}

/** Waits until the layout store has written every layout asked of it (at least one). */
export async function waitLayoutsStored(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const w = (window as unknown as Hook).scopeview.layoutStoreWrites();
    return w.queued > 0 && w.ended === w.queued;
  }, undefined, { timeout: 60_000 });
}


/** Polls canvas shots until one differs from `before` by more than `ratio` (a change that stays). */
export async function untilCanvasChanges(page: Page, before: Pixels, ratio: number): Promise<Pixels> {
  let shot = before;
  await expect.poll(async () => {
    await waitDrawn(page);
    shot = await canvasShot(page);
    return changedRatio(before, shot);
  }, { timeout: 60_000 }).toBeGreaterThan(ratio);
  return shot;
}

export interface Pixels {
  readonly png: Buffer;
  readonly width: number;
  readonly height: number;
  readonly data: Buffer;
}

export async function canvasShot(page: Page): Promise<Pixels> {
  const png = await page.locator('[data-testid="canvas"]').screenshot();
  const img = PNG.sync.read(png);
  return { png, width: img.width, height: img.height, data: img.data };
}

/** Share of pixels that differ from the most common colour (the background). */
export function inkRatio(p: Pixels): number {
  const counts = new Map<number, number>();
  for (let i = 0; i < p.data.length; i += 4) {
    const key = ((p.data[i] as number) << 16) | ((p.data[i + 1] as number) << 8) | (p.data[i + 2] as number);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const bg = Math.max(...counts.values());
  return 1 - bg / (p.data.length / 4);
}

/** Share of pixels that differ noticeably between two same-size shots. */
export function changedRatio(a: Pixels, b: Pixels): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let changed = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const d = Math.abs((a.data[i] as number) - (b.data[i] as number)) + Math.abs((a.data[i + 1] as number) - (b.data[i + 1] as number)) + Math.abs((a.data[i + 2] as number) - (b.data[i + 2] as number));
    if (d > 30) changed++;
  }
  return changed / (a.data.length / 4);
}
