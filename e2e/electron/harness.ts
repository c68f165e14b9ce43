// Launches the built desktop app (dist/electron/main.cjs) in a real Electron through playwright-core's
// `_electron`, with a fresh user-data folder. The binary comes from SCOPEVIEW_ELECTRON or an
// installed `electron` package whose binary was downloaded; it is never downloaded here (offline
// machines skip the suite with a visible notice).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { ROOT } from '../ui/harness';
import { throttleCpu } from '../cpu-throttle';

export const MAIN = join(ROOT, 'dist/electron/main.cjs');

/** The Electron binary, without triggering the electron package's lazy download. */
export function electronBinary(): string | null {
  const fromEnv = process.env['SCOPEVIEW_ELECTRON'];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  try {
    const pkg = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(pkg, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const bin = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

/** Why the Electron suite cannot run here, or null. */
export function skipReason(): string | null {
  if (!electronBinary()) return 'skipped: no Electron binary (set SCOPEVIEW_ELECTRON, or install electron where its binary can be downloaded)';
  if (!existsSync(MAIN) || !existsSync(join(ROOT, 'dist/renderer/index.html'))) return 'skipped: the app is not built (npm run build)';
  if (process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) return 'skipped: no display for Electron (run under xvfb-run)';
  return null;
}

export interface Shell {
  readonly app: ElectronApplication;
  readonly page: Page;
  readonly userData: string;
  readonly errors: string[];
  close(): Promise<void>;
}

export async function launchShell(args: readonly string[] = [], userData = mkdtempSync(join(tmpdir(), 'scopeview-e2e-'))): Promise<Shell> {
  const bin = electronBinary();
  if (!bin) throw new Error('no Electron binary');
  // Chromium refuses to run as root with its sandbox; CI containers run as root. The page's
  // sandbox preference is still checked below (webPreferences), not the OS-level sandbox.
  const root = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const app = await _electron.launch({
    executablePath: bin,
    args: [...root, MAIN, ...args],
    env: { ...process.env, SCOPEVIEW_USER_DATA: userData, ELECTRON_ENABLE_LOGGING: '1' },
    timeout: 60_000,
  });
  const page = await app.firstWindow();
  await throttleCpu(app.context(), page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.waitForSelector('[data-testid="app"]', { timeout: 60_000 });
  return {
    app,
    page,
    userData,
    errors,
    close: async () => {
      await app.close();
      rmSync(userData, { recursive: true, force: true });
    },
  };
}

/** Makes the next File → Open dialog in main answer `path`, then clicks the menu item. */
export async function openThroughMenu(app: ElectronApplication, id: 'file.open' | 'file.open-folder', path: string): Promise<void> {
  await app.evaluate(({ dialog, Menu }, args) => {
    dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [args.path] })) as typeof dialog.showOpenDialog;
    const item = Menu.getApplicationMenu()?.getMenuItemById(args.id);
    if (!item) throw new Error(`no menu item ${args.id}`);
    item.click();
  }, { id, path });
}

/** Clicks a menu item that sends a command to the page. */
export async function clickMenu(app: ElectronApplication, id: string): Promise<void> {
  await app.evaluate(({ Menu }, itemId) => {
    const item = Menu.getApplicationMenu()?.getMenuItemById(itemId);
    if (!item) throw new Error(`no menu item ${itemId}`);
    item.click();
  }, id);
}
