// The main process as bundled (esbuild, as npm run build does), loaded in Node against a recording
// stand-in for the `electron` module: checks the wiring the unit tests cannot see — the privileged
// scheme, the sandboxed window on app://, every IPC channel guarded, the command line queued for
// the page, navigation locked down, permissions refused, settings written on close; and what the
// page can reach: only what was chosen, never through a symlink, only while it is shown.
import { build } from 'esbuild';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_ORIGIN, INVOKE, type ShellCommand, type ShellInput } from '../../common/ipc-contract';
import { startHttpFileServer } from '../../remote/test-support/http-file-server';
import { linkedFolders } from './test-support/linked-folders';

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
  saveDialogs: { defaultPath: string; filters: unknown[] }[];
  messageBoxes: { message: string; buttons?: string[] }[];
}

const rec: Recorded = { schemes: [], protocolHandlers: new Map(), ipc: new Map(), windows: [], sent: [], permissionRequest: null, permissionCheck: null, sandboxEnabled: false, menus: [], saveDialogs: [], messageBoxes: [] };
let messageAnswer = 0;
let saveAnswer: { canceled: boolean; filePath?: string } = { canceled: true };
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
// What main chains on whenReady() (settings, window, the command line's launch): awaited instead of
// guessing how long it takes.
let whenReadyDone: Promise<unknown> | null = null;
const whenReady = () => ({
  then: (onReady: () => unknown, onError?: (e: unknown) => unknown) => (whenReadyDone = readyPromise.then(onReady, onError)),
});
let userData = '';
const app = Object.assign(new Emitter(), {
  enableSandbox: () => { rec.sandboxEnabled = true; },
  setPath: (name: string, path: string) => { if (name === 'userData') userData = path; },
  getPath: (name: string) => (name === 'userData' ? userData : tmpdir()),
  requestSingleInstanceLock: () => true,
  whenReady,
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
  dialog: { showMessageBox: async (...args: unknown[]) => {
    rec.messageBoxes.push(args.at(-1) as Recorded['messageBoxes'][number]);
    return { response: messageAnswer };
  }, showErrorBox: () => undefined, showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showSaveDialog: async (...args: unknown[]) => {
    rec.saveDialogs.push(args.at(-1) as Recorded['saveDialogs'][number]);
    return saveAnswer;
  } },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  session: { defaultSession: { setPermissionRequestHandler: (fn: Fn) => { rec.permissionRequest = fn; }, setPermissionCheckHandler: (fn: Fn) => { rec.permissionCheck = fn; } } },
};

let dir: string;
const page = { senderFrame: { url: `${APP_ORIGIN}/index.html`, parent: null }, sender: { id: 7 } };
const invoke = (channel: string, ...args: unknown[]) => Promise.resolve(rec.ipc.get(channel)?.(page, ...args));

beforeAll(async () => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'scopeview-main-')));
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
  if (!whenReadyDone) throw new Error('main did not wait for app.whenReady()');
  await whenReadyDone;
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

  it('opens a location the page sends only after asking the user, serves it by token, remembers it without secrets', async () => {
    const server = await startHttpFileServer({ '/logs/events.out.tfevents.1': { bytes: new Uint8Array(20).fill(7) } });
    const shown = `${server.url}/logs/events.out.tfevents.1`;
    try {
      messageAnswer = 1;
      expect(await invoke(INVOKE.openLocation, `${shown}?X-Amz-Signature=s3cr3t`)).toBeNull();
      expect(rec.messageBoxes.at(-1)).toMatchObject({ message: `Open ${shown}?`, buttons: ['Open', 'Cancel'] });
      expect(server.stats.requests).toBe(0);
      messageAnswer = 0;
      const input = (await invoke(INVOKE.openLocation, `${shown}?X-Amz-Signature=s3cr3t`)) as ShellInput;
      expect(input).toMatchObject({ name: shown, folder: false, files: [{ path: 'events.out.tfevents.1', size: 20 }] });
      const res = await rec.protocolHandlers.get('app')?.(new Request(input.files[0]?.url ?? '', { headers: { range: 'bytes=2-5' } }));
      expect(res?.status).toBe(206);
      expect(new Uint8Array(await (res as Response).arrayBuffer())).toEqual(new Uint8Array(4).fill(7));
      await invoke(INVOKE.remember, input.key);
      const recent = (await invoke(INVOKE.recent)) as { name: string; key: string }[];
      expect(recent[0]?.name).toBe(shown);
      expect(readFileSync(join(userData, 'settings.json'), 'utf8')).not.toContain('s3cr3t');
      // Forgotten again: the tests below count the recent items.
      await invoke(INVOKE.forget, recent[0]?.key);
      await invoke(INVOKE.closed);
      expect((await rec.protocolHandlers.get('app')?.(new Request(input.files[0]?.url ?? '')))?.status).toBe(404);
      await expect(invoke(INVOKE.openLocation, 'file:///etc/passwd')).rejects.toThrow(/https:\/\/, http:\/\/, s3:\/\/ or gs:\/\//);
    } finally {
      await server.close();
    }
  });

  it('shows no credentials, query or fragment in the error dialogs of a location (issue 27)', async () => {
    const server = await startHttpFileServer({});
    try {
      messageAnswer = 0;
      // Unparsable (a '/' in the password): main's question turns into an error dialog.
      expect(await invoke(INVOKE.openLocation, 'https://alice:pa/ssSECRET@host.test/x.pb')).toBeNull();
      expect(rec.messageBoxes.at(-1)?.message).toMatch(/^not a valid URL: https:\/\/host\.test\/x\.pb/);
      // Asked, then failing: the store's error names the location by its display form.
      expect(await invoke(INVOKE.openLocation, `${server.url.replace('//', '//bob:SECRETPW@')}/missing?sig=SECRETSIG#access_token=SECRETTOKEN`)).toBeNull();
      expect(rec.messageBoxes.at(-1)?.message).toBe(`not found: ${server.url}/missing (HTTP 404)`);
      expect(JSON.stringify(rec.messageBoxes)).not.toMatch(/SECRET|alice|bob/);
    } finally {
      await server.close();
    }
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
    // The save is asynchronous (temp file, flush, rename): wait for the file to say so, not for a time.
    await vi.waitFor(() => {
      const saved = JSON.parse(readFileSync(join(userData, 'settings.json'), 'utf8')) as { window: unknown; recent: unknown[] };
      expect(saved.window).toEqual({ x: 10, y: 20, width: 900, height: 700, maximized: false });
      expect(saved.recent).toHaveLength(1);
    }, { timeout: 20_000, interval: 20 });
  });
});

describe('what the page can reach through main (bundled, against a stand-in Electron)', () => {
  const serve = (url: string, headers: Record<string, string> = {}) => rec.protocolHandlers.get('app')?.(new Request(url, { headers })) ?? Promise.reject(new Error('no handler'));
  const status = async (url: string | undefined): Promise<number> => (await serve(url ?? `${APP_ORIGIN}/@file/none`)).status;
  const openPaths = (paths: string[]) => invoke(INVOKE.openPaths, paths) as Promise<ShellInput | null>;
  const changes = (): ShellInput[] => rec.sent.flatMap(([, c]) => ((c as ShellCommand).type === 'input-changed' ? [(c as { input: ShellInput }).input] : []));
  const clickMenu = (id: string): void => {
    const find = (items: unknown): { click?: () => void } | undefined => {
      for (const item of (items as { id?: string; submenu?: unknown; click?: () => void }[]) ?? []) {
        if (item.id === id) return item;
        const inner = Array.isArray(item.submenu) ? find(item.submenu) : undefined;
        if (inner) return inner;
      }
      return undefined;
    };
    find(rec.menus.at(-1))?.click?.();
  };

  beforeAll(() => {
    linkedFolders(dir, 'logs');
  });

  it('open-paths honours no path the user could not have dropped', async () => {
    const before = rec.sent.length;
    for (const p of [join(dir, 'secret'), '/etc/passwd', `${dir}/logs/../secret`, 'relative/g.pb']) expect(await openPaths([p]), p).toBeNull();
    // Refused quietly (the page still has the bytes it dropped), and nothing was granted or remembered.
    expect(rec.sent.length).toBe(before);
    expect(((await invoke(INVOKE.recent)) as { name: string }[]).map((r) => r.name)).toEqual(['g.pb']);
  });

  it('lists no symlinked event file or saved_model.pb, at open and at live reload', async () => {
    const logs = await openPaths([join(dir, 'logs')]);
    expect(logs?.files.map((f) => f.path)).toEqual(['run1/events.out.tfevents.1']);
    expect((await openPaths([join(dir, 'model')]))?.files).toEqual([]);
    const watched = await openPaths([join(dir, 'logs')]);
    // Live reload: a link that appears later is not listed; a real new run is.
    symlinkSync(join(dir, 'secret'), join(dir, 'logs', 'run1', 'events.out.tfevents.3'));
    mkdirSync(join(dir, 'logs', 'run2'));
    writeFileSync(join(dir, 'logs', 'run2', 'events.out.tfevents.4'), Buffer.alloc(2));
    // The watcher polls every second: a bound for a state that stays (the report), not a measure of speed.
    await expect.poll(() => changes().length, { timeout: 50_000, interval: 100 }).toBeGreaterThan(0);
    const changed = changes().at(-1);
    expect(changed?.key).toBe(watched?.key);
    expect(changed?.files.map((f) => f.path)).toEqual(['run1/events.out.tfevents.1', 'run2/events.out.tfevents.4']);
  });

  it('ends grants when their input is replaced or closed', async () => {
    const first = await openPaths([join(dir, 'logs')]);
    const url = first?.files[0]?.url;
    expect(await status(url)).toBe(200);
    // Replaced by another open: the old URLs answer 404, the new ones serve.
    const second = await openPaths([join(dir, 'logs')]);
    expect(await status(url)).toBe(404);
    expect(await status(second?.files[0]?.url)).toBe(200);
    // The page went back to its start screen.
    await invoke(INVOKE.closed);
    expect(await status(second?.files[0]?.url)).toBe(404);
    // File > Close Graph.
    const third = await openPaths([join(dir, 'logs')]);
    expect(await status(third?.files[0]?.url)).toBe(200);
    clickMenu('file.close');
    expect(await status(third?.files[0]?.url)).toBe(404);
    expect(rec.sent.at(-1)).toEqual(['scopeview:command', { type: 'close' }]);
    // The command-line file opened at start was replaced long ago; a closed input cannot be remembered.
    await invoke(INVOKE.remember, third?.key);
    expect(((await invoke(INVOKE.recent)) as unknown[])).toHaveLength(1);
  });

  it('saves under a sanitised name with the kind\'s fixed extension', async () => {
    await expect(invoke(INVOKE.save, 'x.desktop', new Uint8Array(1))).rejects.toThrow(/must end with/);
    await expect(invoke(INVOKE.save, 'report\u202Egvs.exe', new Uint8Array(1))).rejects.toThrow(/must end with/);
    saveAnswer = { canceled: true };
    expect(await invoke(INVOKE.save, 'nul.\u202Egvs.svg', new Uint8Array(1))).toBe(false);
    const offered = rec.saveDialogs.at(-1);
    expect(offered?.defaultPath).toBe(join(tmpdir(), '_nul._gvs.svg'));
    expect(offered?.filters).toEqual([{ name: 'SVG image', extensions: ['svg'] }]);
    // The user typed a name without the extension: it is added, and no file of that name is replaced.
    saveAnswer = { canceled: false, filePath: join(dir, 'export') };
    expect(await invoke(INVOKE.save, 'graph.png', new Uint8Array([137, 80]))).toBe(true);
    expect(existsSync(join(dir, 'export'))).toBe(false);
    expect(readFileSync(join(dir, 'export.png'))).toEqual(Buffer.from([137, 80]));
    expect(await invoke(INVOKE.save, 'graph.png', new Uint8Array([1]))).toBe(false);
    expect(readFileSync(join(dir, 'export.png'))).toEqual(Buffer.from([137, 80]));
  });
});
