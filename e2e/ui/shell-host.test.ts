// The page as it runs in the desktop shell, driven in Chromium with main simulated in Node: the
// preload's bridge is replaced by one whose calls go through the real IPC validation and handlers'
// modules, and app:// file URLs are answered by main's real protocol handler. This runs the
// renderer's shell code for real (Electron host, Range reads in the session worker, menu commands,
// live reload, File → Open Location… of an s3:// logdir read by main) on machines without the
// Electron binary.
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tensorflow } from '../../core/proto/generated/proto.js';
import { encodeRecord } from '../../core/io/tfrecord-writer';
import { APP_ORIGIN, type InvokeChannel, type ShellCommand, type ShellInput } from '../../common/ipc-contract';
import { appProtocolHandler } from '../../electron/main/app-protocol';
import { FileGrants } from '../../electron/main/file-grants';
import { InputRegistry } from '../../electron/main/inputs';
import { dispatch, type Handlers, type InvokeEvent } from '../../electron/main/ipc-handlers';
import { RemoteInputs } from '../../electron/main/remote-inputs';
import { InputWatcher } from '../../electron/main/watcher';
import { S3RVER_CREDENTIALS, startLocalS3, type LocalS3 } from '../../remote/test-support/s3-server';
import { nameScopeBasics } from '../../fixtures/seed-examples';
import { boxOf, DIST, launch, newPage, ROOT, shutdown, skipReason, waitReady } from './harness';

const skip = skipReason();
if (skip) console.log(`shell host suite ${skip}`);
const DEMO_EVENTS = join(ROOT, 'fixtures/generated/demo/events.out.tfevents.0.scopeview');
const PAGE_EVENT: InvokeEvent = { senderFrame: { url: `${APP_ORIGIN}/index.html`, parent: null }, sender: { id: 1 } };

/** The preload's bridge, rebuilt in the page over exposed Node functions (same names, same shapes). */
const FAKE_PRELOAD = `
  const listeners = new Set();
  window.__shellEmit = (cmd) => { for (const l of listeners) l(cmd); };
  window.scopeviewShell = {
    ready: () => window.__shellInvoke('scopeview:ready', []),
    openFiles: async () => null,
    recent: () => window.__shellInvoke('scopeview:recent', []),
    remember: (key) => window.__shellInvoke('scopeview:remember', [key]),
    reopen: (key) => window.__shellInvoke('scopeview:reopen', [key]),
    forget: (key) => window.__shellInvoke('scopeview:forget', [key]),
    save: async () => true,
    closed: () => window.__shellInvoke('scopeview:closed', []),
    openLocation: (location) => window.__shellInvoke('scopeview:open-location', [location]),
    onCommand: (l) => { listeners.add(l); return () => listeners.delete(l); },
  };
`;

async function visibleCount(page: Page): Promise<number> {
  const text = (await page.textContent('[data-testid="visible-count"]')) ?? '';
  return Number(text.replace(/[, ]/g, '').match(/^(\d+)boxes/)?.[1] ?? Number.NaN);
}

describe.skipIf(skip !== null)('the page in the shell, main simulated (Chromium)', () => {
  let dir: string;
  let log: string;
  let context: BrowserContext;
  let page: Page;
  let registry: InputRegistry;
  let startup: ShellInput;
  const ranges: string[] = [];
  const remembered: string[] = [];
  const rejected: string[] = [];
  let s3: LocalS3;
  let remote: RemoteInputs;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'scopeview-shell-host-'));
    log = join(dir, 'events.out.tfevents.1.live');
    copyFileSync(DEMO_EVENTS, log);
    const { browser, server } = await launch();
    const origin = server.url.replace(/\/$/, '');
    const grants = new FileGrants(origin);
    registry = new InputRegistry(grants);
    // Remote inputs (File → Open Location…) read from a local S3 server with the real SDK.
    Object.assign(process.env, S3RVER_CREDENTIALS);
    s3 = await startLocalS3(['shell-runs']);
    await s3.put('shell-runs', 'exp/train/events.out.tfevents.0.scopeview', readFileSync(DEMO_EVENTS));
    await s3.put('shell-runs', 'exp/eval/events.out.tfevents.0.scopeview', readFileSync(DEMO_EVENTS));
    remote = new RemoteInputs({ endpoint: s3.endpoint }, origin);
    const protocol = appProtocolHandler(DIST, grants, remote);
    // What `scopeview PATH` queues before the page listens.
    startup = await registry.open([log]);
    let queued: ShellCommand[] = [{ type: 'open', input: startup }];
    const handlers: Handlers = {
      'scopeview:ready': () => { const q = queued; queued = []; return q; },
      'scopeview:open-paths': (_e, paths) => registry.open(paths),
      'scopeview:recent': () => [],
      'scopeview:remember': (_e, key) => { remembered.push(key); },
      'scopeview:reopen': () => null,
      'scopeview:forget': () => undefined,
      'scopeview:save': () => true,
      'scopeview:closed': () => undefined,
      // Main's confirmation dialog is checked in main-wiring.test.ts; here the user said Open.
      'scopeview:open-location': (_e, location) => remote.open(location),
    };
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.exposeFunction('__shellInvoke', (channel: InvokeChannel, args: unknown[]) =>
      dispatch(channel, handlers, PAGE_EVENT, args, (m) => rejected.push(m)));
    await context.addInitScript(FAKE_PRELOAD);
    // app:// file URLs, served on the page's origin here, answered by main's protocol handler.
    await context.route(/\/@file\//, async (route) => {
      const req = route.request();
      ranges.push(req.headers()['range'] ?? '(none)');
      const res = await protocol(new Request(`${APP_ORIGIN}${new URL(req.url()).pathname}`, { headers: req.headers() }));
      await route.fulfill({ status: res.status, headers: Object.fromEntries(res.headers), body: Buffer.from(await res.arrayBuffer()) });
    });
    page = await newPage(context);
    await page.goto(server.url);
  });

  afterAll(async () => {
    await context?.close();
    await shutdown();
    remote?.closeAllExcept([]);
    await s3?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens the path queued at start, reading it by Range requests, and remembers it', async () => {
    await waitReady(page);
    expect(await page.textContent('.status')).toContain('events.out.tfevents.1.live');
    expect(await boxOf(page, 'gradients')).not.toBeNull();
    expect(ranges.length).toBeGreaterThan(0);
    expect(ranges.every((r) => /^bytes=\d+-\d+$/.test(r))).toBe(true);
    await expect.poll(() => remembered).toEqual([startup.key]);
    expect(rejected).toEqual([]);
  });

  it('reloads a growing log in place: new graph listed, expanded scopes and view kept', async () => {
    const collapsed = await visibleCount(page);
    const b = await boxOf(page, 'gradients');
    if (!b) throw new Error('gradients not drawn');
    await page.mouse.dblclick(b.x + b.width / 2, b.y + Math.min(b.height / 2, 12));
    await page.waitForFunction((n) => Number((document.querySelector('[data-testid="visible-count"]')?.textContent ?? '').replace(/[, ]/g, '').match(/^(\d+)boxes/)?.[1]) !== n, collapsed);
    await waitReady(page);
    const expanded = await visibleCount(page);
    expect(expanded).toBeGreaterThan(collapsed);
    const options = await page.locator('[data-testid="graph-select"] option').count();
    const box = await boxOf(page, 'gradients');

    const opened = registry.get(startup.key);
    if (!opened) throw new Error('not registered');
    const watcher = new InputWatcher(startup, () => registry.describe(opened), (change) => void page.evaluate((cmd) => (window as unknown as { __shellEmit(c: unknown): void }).__shellEmit(cmd), { type: 'input-changed', input: change.input }));
    appendFileSync(log, encodeRecord(tensorflow.Event.encode({ wallTime: 2, step: 9, graphDef: tensorflow.GraphDef.encode(nameScopeBasics()).finish() }).finish()));
    expect((await watcher.check())?.changed).toEqual(['events.out.tfevents.1.live']);

    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="graph-select"] option').length > n, options, { timeout: 30_000 });
    await waitReady(page);
    expect(await visibleCount(page)).toBe(expanded);
    const after = await boxOf(page, 'gradients');
    expect(after && box && Math.abs(after.x - box.x) < 2 && Math.abs(after.y - box.y) < 2).toBe(true);
    expect(await page.getAttribute('[data-testid="app"]', 'data-phase')).toBe('ready');
  });

  it('runs menu commands: theme, help, fit, close', async () => {
    const emit = (cmd: ShellCommand) => page.evaluate((c) => (window as unknown as { __shellEmit(c: unknown): void }).__shellEmit(c), cmd);
    const theme = await page.getAttribute('html', 'data-theme');
    await emit({ type: 'theme' });
    await page.waitForFunction((t) => document.documentElement.dataset['theme'] !== t, theme);
    await emit({ type: 'help' });
    await page.waitForSelector('[data-testid="help"]');
    await page.keyboard.press('Escape');
    await emit({ type: 'close' });
    await page.waitForSelector('[data-testid="start-screen"]');
  });

  it('File → Open Location… opens an s3:// logdir that main lists and reads, by app:// tokens', async () => {
    const emit = (cmd: ShellCommand) => page.evaluate((c) => (window as unknown as { __shellEmit(c: unknown): void }).__shellEmit(c), cmd);
    ranges.length = 0;
    await emit({ type: 'open-location' });
    await page.waitForSelector('[data-testid="open-location"]');
    await page.fill('[data-testid="open-location"] [data-testid="open-url-input"]', 's3://shell-runs/exp');
    await page.click('[data-testid="open-location"] [data-testid="open-url"]');
    await waitReady(page);
    expect(await page.$('[data-testid="open-location"]')).toBeNull();
    expect(await page.textContent('.status')).toContain('298 nodes');
    // Both runs are in the graph selector; the bytes came through app:// by Range, never from S3 directly.
    // (The selector groups graphs by run: each run is an optgroup's label.)
    const runs = await page.locator('[data-testid="graph-select"] optgroup').evaluateAll((els) => els.map((e) => e.getAttribute('label') ?? ''));
    expect(runs).toEqual(expect.arrayContaining([expect.stringContaining('eval'), expect.stringContaining('train')]));
    expect(ranges.length).toBeGreaterThan(0);
    expect(ranges.every((r) => /^bytes=\d+-\d+$/.test(r))).toBe(true);
    expect(rejected).toEqual([]);
  });
});
