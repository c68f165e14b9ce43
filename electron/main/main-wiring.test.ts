// The main process as bundled (esbuild, as npm run build does), loaded in Node against a recording
// stand-in for the `electron` module: checks the wiring the unit tests cannot see — the privileged
// scheme, the sandboxed window on app://, every IPC channel guarded, the command line queued for
// the page, navigation locked down, permissions refused, settings written on close.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ORIGIN, INVOKE, type ShellCommand } from '../ipc-contract';

const HERE = dirname(fileURLToPath(import.meta.url));
type Fn = (...args: unknown[]) => unknown;

/** A small event emitter with the `on` / `once` surface main uses. */
class Emitter {
  readonly handlers = new Map<string, Fn[]>();
  on(name: string, fn: Fn): this {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), fn]);
    return this;
  }
  once(name: string, fn: Fn): this {
    return this.on(name, fn);
  }
  emit(name: string, ...args: unknown[]): void {
    for (const fn of this.handlers.get(name) ?? []) fn(...args);
  }
}

interface Recorded {
  schemes: unknown[];
  protocolHandlers: Map<string, (req: Request) => Promise<Response>>;
  ipc: Map<string, Fn>;
  windows: FakeWindow[];
  sent: [string, unknown][];
  permissionRequest: Fn | null;
  permissionCheck: Fn | null;
  sandboxEnabled: boolean;
  menus: unknown[];
}

const rec: Recorded = { schemes: [], protocolHandlers: new Map(), ipc: new Map(), windows: [], sent: [], permissionRequest: null, permissionCheck: null, sandboxEnabled: false, menus: [] };
let openHandler: Fn | null = null;

class FakeContents extends Emitter {
  readonly id = 7;
  send(channel: string, payload: unknown): void {
    rec.sent.push([channel, payload]);
  }
  setWindowOpenHandler(fn: Fn): void {
    openHandler = fn;
  }
}

class FakeWindow extends Emitter {
  readonly webContents = new FakeContents();
  url = '';
  constructor(readonly options: { webPreferences: Record<string, unknown> }) {
    super();
    rec.windows.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.url = url;
    return Promise.resolve();
  }
  show(): void {}
  maximize(): void {}
  isMaximized(): boolean { return false; }
  isMinimized(): boolean { return false; }
  restore(): void {}
  focus(): void {}
  getNormalBounds() { return { x: 10, y: 20, width: 900, height: 700 }; }
}

let ready!: () => void;
const readyPromise = new Promise<void>((r) => { ready = r; });
let userData = '';
const app = Object.assign(new Emitter(), {
  enableSandbox: () => { rec.sandboxEnabled = true; },
  setPath: (name: string, path: string) => { if (name === 'userData') userData = path; },
  getPath: (name: string) => (name === 'userData' ? userData : tmpdir()),
  requestSingleInstanceLock: () => true,
  whenReady: () => readyPromise,
  isReady: () => true,
  quit: () => undefined,
  getVersion: () => '0.0.0-test',
  setAboutPanelOptions: () => undefined,
  showAboutPanel: () => undefined,
});

const fakeElectron = {
  app,
  BrowserWindow: FakeWindow,
  protocol: {
    registerSchemesAsPrivileged: (s: unknown[]) => rec.schemes.push(...s),
    handle: (scheme: string, fn: (req: Request) => Promise<Response>) => rec.protocolHandlers.set(scheme, fn),
  },
  ipcMain: { handle: (channel: string, fn: Fn) => rec.ipc.set(channel, fn) },
  Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => rec.menus.push(m) },
  dialog: { showMessageBox: async () => ({ response: 0 }), showErrorBox: () => undefined, showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showSaveDialog: async () => ({ canceled: true }) },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  session: { defaultSession: { setPermissionRequestHandler: (fn: Fn) => { rec.permissionRequest = fn; }, setPermissionCheckHandler: (fn: Fn) => { rec.permissionCheck = fn; } } },
};

let dir: string;
const page = { senderFrame: { url: `${APP_ORIGIN}/index.html`, parent: null }, sender: { id: 7 } };
const invoke = (channel: string, ...args: unknown[]) => Promise.resolve(rec.ipc.get(channel)?.(page, ...args));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'scopeview-main-'));
  const out = join(dir, 'electron');
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>page</title>');
  writeFileSync(join(dir, 'g.pb'), Buffer.alloc(9));
  await build({ entryPoints: [join(HERE, 'main.ts')], outfile: join(out, 'main.cjs'), bundle: true, format: 'cjs', platform: 'node', external: ['electron'], logLevel: 'error' });
  userData = join(dir, 'user-data');
  mkdirSync(userData);
  // `electron` resolves to the stand-in for this load only.
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  loader._load = (request, ...rest) => (request === 'electron' ? fakeElectron : original(request, ...rest));
  const argv = process.argv;
  process.argv = ['/usr/bin/electron', join(out, 'main.cjs'), join(dir, 'g.pb')];
  Object.assign(process, { defaultApp: true });
  try {
    createRequire(import.meta.url)(join(out, 'main.cjs'));
  } finally {
    loader._load = original;
    process.argv = argv;
  }
  ready();
  // whenReady's continuation: settings load, window, launch of the command line.
  await new Promise((r) => setTimeout(r, 200));
});

afterAll(() => {
  // Stop the live-reload poller of the opened file, then remove the files.
  rec.windows[0]?.emit('closed');
  rmSync(dir, { recursive: true, force: true });
});

describe('main process wiring (bundled, against a stand-in Electron)', () => {
  it('registers app:// as a secure standard scheme and sandboxes every renderer', () => {
    expect(rec.schemes).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) })]);
    expect(rec.sandboxEnabled).toBe(true);
  });

  it('opens one sandboxed window on the app page', () => {
    expect(rec.windows).toHaveLength(1);
    const w = rec.windows[0] as FakeWindow;
    expect(w.url).toBe(`${APP_ORIGIN}/index.html`);
    expect(w.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(String(w.options.webPreferences['preload'])).toMatch(/preload\.cjs$/);
  });

  it('serves the page through the protocol handler with the CSP', async () => {
    const res = await rec.protocolHandlers.get('app')?.(new Request(`${APP_ORIGIN}/index.html`));
    expect(res?.status).toBe(200);
    expect(res?.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('guards every IPC channel', async () => {
    expect([...rec.ipc.keys()].sort()).toEqual(Object.values(INVOKE).sort());
    const stranger = { senderFrame: { url: 'https://example.com/', parent: null }, sender: { id: 7 } };
    await expect(Promise.resolve(rec.ipc.get(INVOKE.recent)?.(stranger))).rejects.toThrow(/untrusted/);
    await expect(invoke(INVOKE.remember, 42)).rejects.toThrow(/key/);
  });

  it('queues the command-line path until the page is ready, then sends commands directly', async () => {
    const queued = (await invoke(INVOKE.ready)) as ShellCommand[];
    expect(queued).toHaveLength(1);
    const open = queued[0];
    if (open?.type !== 'open') throw new Error('expected an open command');
    expect(open.input).toMatchObject({ name: 'g.pb', folder: false, files: [{ path: 'g.pb', size: 9 }] });
    // Its bytes are served to the page.
    const res = await rec.protocolHandlers.get('app')?.(new Request(open.input.files[0]?.url ?? '', { headers: { range: 'bytes=0-3' } }));
    expect(res?.status).toBe(206);
    // Remembering it puts it in the recent list and the menu.
    await invoke(INVOKE.remember, open.input.key);
    expect(((await invoke(INVOKE.recent)) as { name: string }[]).map((r) => r.name)).toEqual(['g.pb']);
    expect(JSON.stringify(rec.menus.at(-1))).toContain('g.pb');
  });

  it('locks down navigation and new windows of every web contents', () => {
    const contents = new FakeContents();
    app.emit('web-contents-created', {}, contents);
    let prevented = 0;
    const event = { preventDefault: () => { prevented++; } };
    contents.emit('will-navigate', event, 'https://example.com/');
    contents.emit('will-redirect', event, 'https://example.com/');
    contents.emit('will-attach-webview', event);
    expect(prevented).toBe(3);
    expect(openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('refuses every permission', () => {
    const answers: boolean[] = [];
    rec.permissionRequest?.({}, 'media', (ok: boolean) => answers.push(ok));
    expect(answers).toEqual([false]);
    expect(rec.permissionCheck?.({}, 'notifications')).toBe(false);
  });

  it('saves the window state on close, atomically, in the user-data folder', async () => {
    rec.windows[0]?.emit('close');
    await new Promise((r) => setTimeout(r, 100));
    const saved = JSON.parse(readFileSync(join(userData, 'settings.json'), 'utf8')) as { window: unknown; recent: unknown[] };
    expect(saved.window).toEqual({ x: 10, y: 20, width: 900, height: 700, maximized: false });
    expect(saved.recent).toHaveLength(1);
  });
});
