// The Electron main process: one window on the app:// page, the menu, dialogs, the command line
// and single-instance hand-over, settings, and live reload. It never parses the user's files: it
// lists names, streams bytes to the sandboxed page, and watches sizes (docs/SECURITY.md).
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, type OpenDialogOptions, type WebContents } from 'electron';
import { APP_ORIGIN, EVENT, type ShellCommand, type ShellInput } from '../../common/ipc-contract';
import { parseCommandLine, type LaunchRequest } from './args';
import { appProtocolHandler } from './app-protocol';
import { FileGrants } from './file-grants';
import { InputError, InputRegistry, type PathSource } from './inputs';
import { registerIpc, type Handlers } from './ipc-handlers';
import { isRemoteLocation, locationQuestion, REMOTE_POLL_MS, RemoteInputs } from './remote-inputs';
import { redactText } from '../../remote/remote-location';
import { menuTemplate } from './menu';
import { EXPORT_FILTERS, exportTarget, safeSaveName } from './save-name';
import { loadSettings, SettingsStore, withoutRecent, withRecent } from './settings';
import { InputWatcher } from './watcher';
import { openWindow, restoreBounds } from './window-options';

// Must run before `ready`: app:// behaves like https (a secure, standard origin with fetch,
// workers and storage), which the page and its module workers need.
protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } }]);

const HERE = __dirname;
const RENDERER = join(HERE, '../renderer');
const PRELOAD = join(HERE, 'preload.cjs');
const ICON = process.platform === 'linux' ? join(HERE, 'icon.png') : undefined;
const FILTERS: OpenDialogOptions['filters'] = [
  { name: 'TensorFlow graphs and event logs', extensions: ['pb', 'pbtxt', 'meta', '*'] },
];

const grants = new FileGrants();
const inputs = new InputRegistry(grants);
// https://, s3:// and gs:// inputs: listed and read here with the standard credential chains.
const remote = new RemoteInputs();
let settings: SettingsStore | null = null;
let win: BrowserWindow | null = null;
let pageReady = false;
let queue: ShellCommand[] = [];
let watcher: InputWatcher | null = null;
let pendingLaunch: LaunchRequest[] = [parseCommandLine(process.argv, process.defaultApp === true, process.cwd())];

function send(command: ShellCommand): void {
  if (win && pageReady) win.webContents.send(EVENT.command, command);
  else queue.push(command);
}

function complain(text: string): void {
  // A message may quote what the user typed: credentials, queries and fragments are cut out.
  const message = redactText(text);
  if (win) void dialog.showMessageBox(win, { type: 'error', title: 'Scopeview', message });
  else dialog.showErrorBox('Scopeview', message);
}

/**
 * What the page shows from now on: every other input is closed (its grants end), and live reload
 * follows the last of these. With none, the page shows nothing main opened.
 */
function show(...shown: ShellInput[]): void {
  inputs.closeAllExcept(shown.map((i) => i.key));
  remote.closeAllExcept(shown.map((i) => i.key));
  watcher?.stop();
  watcher = null;
  const last = shown.at(-1);
  if (!last) return;
  const changed = (change: { input: ShellInput }): void => send({ type: 'input-changed', input: change.input });
  // Remote inputs are polled less often: every listing is a request to the store.
  if (remote.get(last.key)) watcher = new InputWatcher(last, () => remote.describe(last.key), changed, REMOTE_POLL_MS).start();
  const opened = inputs.get(last.key);
  if (opened) watcher = new InputWatcher(last, () => inputs.describe(opened), changed).start();
}

interface OpenOptions {
  /** Leave telling the user to the page (a recent item it forgets, a drop whose bytes it holds). */
  readonly quiet?: boolean;
  readonly source?: PathSource;
}

/** Opens paths (not yet shown: see `show`); null, telling the user why unless quiet, when it cannot. */
async function openPaths(paths: readonly string[], { quiet = false, source = 'user' }: OpenOptions = {}): Promise<ShellInput | null> {
  try {
    // A URL (command line, Open Location…, a recent item) is opened by the remote layer; the page
    // cannot send one as a path (open-paths' paths must be absolute: inputs.ts).
    if (source === 'user' && paths.length === 1 && isRemoteLocation(paths[0] as string)) return await remote.open(paths[0] as string);
    return await inputs.open(paths, source);
  } catch (err) {
    // Remote errors are already secret-free sentences ("access denied to s3://…").
    const message = err instanceof InputError || isRemoteLocation(paths[0] ?? '') ? (err instanceof Error ? err.message : String(err)) : `Could not open ${paths.join(', ')}: ${String(err)}`;
    if (quiet) console.warn(`open: ${redactText(message)}`);
    else complain(message);
    return null;
  }
}

/** Opens paths for the explorer: what it showed before is replaced. */
async function openShown(paths: readonly string[], options?: OpenOptions): Promise<ShellInput | null> {
  const input = await openPaths(paths, options);
  if (input) show(input);
  return input;
}

/**
 * File → Open Location…: the page's field sends what the user typed, and main asks the user itself,
 * naming the location without secrets, before reading anything: a page that was taken over cannot
 * make main fetch URLs (internal hosts, buckets the user's credentials reach) on its own.
 */
async function openLocation(location: string): Promise<ShellInput | null> {
  const question = locationQuestion(location);
  if ('error' in question) {
    complain(question.error);
    return null;
  }
  const options = { type: 'question' as const, buttons: ['Open', 'Cancel'], defaultId: 0, cancelId: 1, ...question };
  const answer = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
  return answer.response === 0 ? openShown([location]) : null;
}

async function launch(req: LaunchRequest): Promise<void> {
  if (req.kind === 'open') {
    const input = await openShown([req.path]);
    if (input) send({ type: 'open', input });
  } else if (req.kind === 'compare') {
    const a = await openPaths([req.a]);
    const b = a && (await openPaths([req.b]));
    if (a && b) {
      show(a, b);
      send({ type: 'compare-inputs', a, b });
    }
  } else if (req.kind === 'error') complain(req.message);
}

async function pick(kind: 'file' | 'folder'): Promise<void> {
  const options: OpenDialogOptions = kind === 'file' ? { properties: ['openFile'], filters: FILTERS } : { properties: ['openDirectory'] };
  const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  const path = r.filePaths[0];
  if (r.canceled || path === undefined) return;
  const input = await openShown([path]);
  if (input) send({ type: 'open', input });
}

const recentKey = (paths: readonly string[]): string => createHash('sha256').update(paths.join('\n')).digest('hex').slice(0, 32);

function recentPaths(key: string): readonly string[] | null {
  return settings?.value.recent.find((r) => r.key === key)?.paths ?? null;
}

function rebuildMenu(): void {
  const recent = settings?.value.recent ?? [];
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({
    platform: process.platform,
    recent,
    actions: {
      openFile: () => void pick('file'),
      openFolder: () => void pick('folder'),
      openRecent: (key) => {
        const paths = recentPaths(key);
        if (paths) void openShown(paths).then((input) => input && send({ type: 'open', input }));
      },
      clearRecent: () => void settings?.update((s) => ({ ...s, recent: [] })).then(rebuildMenu),
      about: () => app.showAboutPanel(),
      send: (command) => {
        // Close Graph: the page goes back to its start screen and nothing it read stays granted.
        if (command.type === 'close') show();
        send(command);
      },
    },
  })));
}

const handlers: Handlers = {
  'scopeview:ready': (event) => {
    if (!win || event.sender.id !== win.webContents.id) return [];
    pageReady = true;
    const queued = queue;
    queue = [];
    return queued;
  },
  // Paths the preload learned from Files the user dropped or picked: held to the page's rules, and
  // quiet, since the page still opens the bytes it holds when main refuses.
  'scopeview:open-paths': (_e, paths) => openShown(paths, { quiet: true, source: 'page' }),
  'scopeview:recent': () => (settings?.value.recent ?? []).map(({ key, name, folder, openedAt }) => ({ key, name, folder, openedAt })),
  'scopeview:remember': async (_e, key) => {
    // A remote input is remembered by its display URL: no credentials, no signature.
    const opened = inputs.get(key) ?? remote.get(key);
    if (!opened || !settings) return;
    await settings.update((s) => withRecent(s, { key: recentKey(opened.paths), name: opened.name, folder: opened.folder, paths: opened.paths, openedAt: Date.now() }));
    rebuildMenu();
  },
  'scopeview:reopen': async (_e, key) => {
    const paths = recentPaths(key);
    return paths ? openShown(paths, { quiet: true }) : null;
  },
  'scopeview:forget': async (_e, key) => {
    await settings?.update((s) => withoutRecent(s, key));
    rebuildMenu();
  },
  'scopeview:save': async (_e, name, data) => {
    // The validator admitted only names with an export's extension; the rest of the name is the page's.
    const safe = safeSaveName(name);
    if (safe === null) return false;
    const options = { defaultPath: join(app.getPath('downloads'), safe.name), filters: [EXPORT_FILTERS[safe.ext]] };
    const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (r.canceled || !r.filePath) return false;
    // The user chose this path in the save dialog (which asks before replacing a file); the kind's
    // extension is kept even if the user typed another.
    const target = exportTarget(r.filePath, safe.ext);
    try {
      await writeFile(target.path, data, { flag: target.exclusive ? 'wx' : 'w' });
    } catch (err) {
      complain(`Could not save ${target.path}: ${err instanceof Error ? err.message : String(err)}`);
      return false;
    }
    return true;
  },
  'scopeview:closed': () => show(),
  'scopeview:open-location': (_e, location) => openLocation(location),
};

/** Navigation and new windows are denied for every web contents, whatever creates it. */
function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    console.warn(`blocked navigation to ${url}`);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

function createWindow(demo: boolean): void {
  const saved = settings?.value.window ?? null;
  const bounds = restoreBounds(saved, screen.getAllDisplays().map((d) => d.workArea));
  const w = openWindow(BrowserWindow, PRELOAD, bounds, ICON);
  win = w;
  pageReady = false;
  if (saved?.maximized) w.maximize();
  w.once('ready-to-show', () => w.show());
  // A reloaded page listens afresh: commands wait in the queue until it calls `ready` again.
  w.webContents.on('did-start-loading', () => {
    if (win === w) pageReady = false;
  });
  w.on('close', () => {
    const b = w.getNormalBounds();
    void settings?.update((s) => ({ ...s, window: { ...b, maximized: w.isMaximized() } }));
  });
  w.on('closed', () => {
    if (win === w) {
      win = null;
      pageReady = false;
      show();
    }
  });
  void w.loadURL(`${APP_ORIGIN}/index.html${demo ? '?demo' : ''}`);
}

function focusWindow(): void {
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.focus();
}

// Every renderer sandboxed, whatever a window's preferences say (they say so too: window-options.ts).
app.enableSandbox();

// Tests (and users keeping several profiles) choose the user-data folder; set before the
// single-instance lock, which is held per user-data folder.
if (process.env.SCOPEVIEW_USER_DATA) app.setPath('userData', process.env.SCOPEVIEW_USER_DATA);

if (!app.requestSingleInstanceLock()) {
  // Another Scopeview is running: it received our argv through `second-instance`.
  app.quit();
} else {
  app.on('second-instance', (_event, argv, cwd) => {
    const req = parseCommandLine(argv, process.defaultApp === true, cwd);
    if (!win) createWindow(false);
    focusWindow();
    void launch(req);
  });
  // macOS file associations and Finder opens arrive as events, possibly before `ready`.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (app.isReady()) void launch({ kind: 'open', path });
    else pendingLaunch.push({ kind: 'open', path });
  });
  app.on('web-contents-created', (_event, contents) => lockDown(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!win) createWindow(false);
  });
  void app.whenReady().then(async () => {
    const userData = app.getPath('userData');
    const loaded = await loadSettings(join(userData, 'settings.json'));
    if (loaded.recoveredFrom) console.warn(`settings were unreadable; moved to ${loaded.recoveredFrom} and reset`);
    settings = new SettingsStore(join(userData, 'settings.json'), loaded.settings, (err) => console.warn(`could not save settings: ${String(err)}`));
    // The page needs no device, notification or media permission: every request is refused.
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    protocol.handle('app', appProtocolHandler(RENDERER, grants, remote));
    registerIpc(ipcMain, handlers);
    app.setAboutPanelOptions({ applicationName: 'Scopeview', applicationVersion: app.getVersion(), copyright: 'MIT licence' });
    rebuildMenu();
    const first = pendingLaunch;
    pendingLaunch = [];
    createWindow(first.some((r) => r.kind === 'demo'));
    for (const req of first) await launch(req);
  });
}
