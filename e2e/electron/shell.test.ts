// The desktop app in a real Electron: it launches sandboxed, opens a corpus log through the File
// menu, expands a scope, reloads a growing log by itself, opens a path given on the command line,
// and keeps the page away from Node and from navigation. Skips visibly without an Electron binary.
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tensorflow } from '../../core/proto/generated/proto.js';
import { encodeRecord } from '../../core/io/tfrecord-writer';
import { CORPUS_DIR, HAVE_CORPUS } from '../../core/test-support/corpus';
import { nameScopeBasics } from '../../fixtures/seed-examples';
import { boxOf, ROOT, waitReady } from '../ui/harness';
import { clickMenu, launchShell, openThroughMenu, skipReason, type Shell } from './harness';

const skip = skipReason();
if (skip) console.log(`Electron end-to-end suite ${skip}`);
const MORVAN = join(CORPUS_DIR, 'morvan_tutorials/tf15_tensorboard/events.out.tfevents.1494075549.Morvan');
const DEMO_EVENTS = join(ROOT, 'fixtures/generated/demo/events.out.tfevents.0.scopeview');

async function visibleCount(shell: Shell): Promise<number> {
  const text = (await shell.page.textContent('[data-testid="visible-count"]')) ?? '';
  return Number(text.replace(/[, ]/g, '').match(/^(\d+)boxes/)?.[1] ?? Number.NaN);
}

describe.skipIf(skip !== null)('desktop shell (Electron)', () => {
  let shell: Shell;
  beforeAll(async () => {
    shell = await launchShell();
  });
  afterAll(async () => {
    await shell?.close();
  });

  it('runs the page sandboxed, isolated and without Node', async () => {
    const inPage = await shell.page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      module: typeof (globalThis as { module?: unknown }).module,
      bridge: Object.keys((globalThis as unknown as Record<string, object>)['scopeviewShell'] ?? {}).sort(),
      origin: location.origin,
    }));
    expect(inPage).toEqual({
      require: 'undefined', process: 'undefined', module: 'undefined',
      bridge: ['closed', 'forget', 'onCommand', 'openFiles', 'openLocation', 'ready', 'recent', 'remember', 'reopen', 'save'],
      origin: 'app://scopeview',
    });
    // Electron marks a sandboxed renderer process with --enable-sandbox (and an unsandboxed one with
    // --no-sandbox alone); read the page's process command line where the OS shows it.
    const pid = await shell.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.getOSProcessId() ?? -1);
    expect(pid).toBeGreaterThan(0);
    if (process.platform === 'linux') {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      expect(cmdline).toContain('--enable-sandbox');
      expect(cmdline.some((a) => a.startsWith('--node-integration=true'))).toBe(false);
    }
  });

  it('serves the page with a CSP that forbids eval', async () => {
    const evalWorks = await shell.page.evaluate(() => {
      try {
        return (0, eval)('1 + 1') === 2;
      } catch {
        return false;
      }
    });
    expect(evalWorks).toBe(false);
  });

  it('denies new windows and navigation away from the app', async () => {
    const opened = await shell.page.evaluate(() => window.open('https://example.com/') === null);
    expect(opened).toBe(true);
    // Main refuses in its will-navigate handler and says so on its console: wait for that, not a time.
    const refused = shell.app.waitForEvent('console', { predicate: (m) => m.text().startsWith('blocked navigation to https://example.com'), timeout: 60_000 });
    await shell.page.evaluate(() => {
      location.href = 'https://example.com/';
    });
    await refused;
    expect(shell.page.url()).toMatch(/^app:\/\/scopeview\//);
    expect(await shell.page.evaluate(() => location.origin)).toBe('app://scopeview');
    expect(await shell.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  it.skipIf(!HAVE_CORPUS)('opens a corpus log through File → Open File… and expands a scope', async () => {
    await openThroughMenu(shell.app, 'file.open', MORVAN);
    await waitReady(shell.page);
    expect(await shell.page.textContent('.status')).toContain('events.out.tfevents.1494075549.Morvan');
    const before = await visibleCount(shell);
    const box = await boxOf(shell.page, 'layer1');
    if (!box) throw new Error('layer1 is not drawn');
    await shell.page.mouse.dblclick(box.x + box.width / 2, box.y + Math.min(box.height / 2, 12));
    await shell.page.waitForFunction(() => (window as unknown as { scopeview: { boxOf(n: string): unknown } }).scopeview.boxOf('layer1/weights') !== null);
    await waitReady(shell.page);
    expect(await visibleCount(shell)).toBeGreaterThan(before);
    // The opened log is remembered in File → Open Recent.
    await expect.poll(() => shell.app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('file.recent.0')?.label ?? null))
      .toBe('events.out.tfevents.1494075549.Morvan');
    expect(shell.errors).toEqual([]);
  });

  it('follows a growing log: an appended graph appears without reopening', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scopeview-live-'));
    try {
      const log = join(dir, 'events.out.tfevents.1.live');
      copyFileSync(DEMO_EVENTS, log);
      await openThroughMenu(shell.app, 'file.open', log);
      await waitReady(shell.page);
      const options = () => shell.page.locator('[data-testid="graph-select"] option').count();
      const before = await options();
      const graph = tensorflow.GraphDef.encode(nameScopeBasics()).finish();
      appendFileSync(log, encodeRecord(tensorflow.Event.encode({ wallTime: 2, step: 7, graphDef: graph }).finish()));
      await shell.page.waitForFunction((n) => document.querySelectorAll('[data-testid="graph-select"] option').length > n, before, { timeout: 30_000 });
      expect(await options()).toBeGreaterThan(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs View menu commands in the page', async () => {
    const theme = () => shell.page.evaluate(() => document.documentElement.dataset['theme']);
    const t0 = await theme();
    await clickMenu(shell.app, 'view.theme');
    await shell.page.waitForFunction((t) => document.documentElement.dataset['theme'] !== t, t0);
    await clickMenu(shell.app, 'help.shortcuts');
    await shell.page.waitForSelector('[data-testid="help"]');
  });
});

describe.skipIf(skip !== null)('desktop shell command line', () => {
  it('opens `scopeview PATH` at start', async () => {
    const shell = await launchShell([DEMO_EVENTS]);
    try {
      await waitReady(shell.page);
      expect(await shell.page.textContent('.status')).toContain('events.out.tfevents.0.scopeview');
    } finally {
      await shell.close();
    }
  });
});
