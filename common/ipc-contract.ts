// The one IPC contract between the shell's main process, its preload and the renderer's host: the
// channel names, what travels on each, and the argument validators main runs on every call. It
// imports nothing, so all three sides (Node, sandboxed preload, browser page) can share it.

/** The name under which the preload exposes the bridge on `window`. */
export const BRIDGE_NAME = 'scopeviewShell';

/** The page's origin: main trusts IPC only from top frames on it. */
export const APP_ORIGIN = 'app://scopeview';

/** A file main grants the page read access to: bytes are fetched in ranges from `url`. */
export interface ShellFile {
  /** Path relative to the opened folder (`/`-separated), or the file's name for a single file. */
  readonly path: string;
  readonly url: string;
  /** Size when main listed it; a growing log is re-listed by the watcher. */
  readonly size: number;
}

/** A file or folder main opened for the page (dialog, command line, drop, recent, live reload). */
export interface ShellInput {
  /** Identifies this opened input in main: its grants, its watcher, remembering it. */
  readonly key: string;
  readonly name: string;
  readonly folder: boolean;
  readonly files: readonly ShellFile[];
}

export interface RecentEntry {
  readonly key: string;
  readonly name: string;
  readonly folder: boolean;
  readonly openedAt: number;
}

export type ViewToggle = 'series' | 'extraction' | 'mergeReentry';

/** Everything main asks of the page, on one event channel: menu items, opens, live reload. */
export type ShellCommand =
  | { readonly type: 'open'; readonly input: ShellInput }
  | { readonly type: 'compare-inputs'; readonly a: ShellInput; readonly b: ShellInput }
  | { readonly type: 'input-changed'; readonly input: ShellInput }
  | { readonly type: 'compare' }
  /** File → Open Location…: the page asks for a URL (https://, s3://, gs://) and calls openLocation. */
  | { readonly type: 'open-location' }
  | { readonly type: 'export'; readonly format: 'png' | 'svg' }
  | { readonly type: 'close' }
  | { readonly type: 'zoom'; readonly direction: 'in' | 'out' }
  | { readonly type: 'fit' }
  | { readonly type: 'theme' }
  | { readonly type: 'toggle'; readonly option: ViewToggle }
  | { readonly type: 'expand-all' }
  | { readonly type: 'collapse-all' }
  | { readonly type: 'help' };

/** Renderer → main calls (ipcRenderer.invoke / ipcMain.handle). */
export const INVOKE = {
  /** The page is listening: returns the commands queued before it was (command-line opens). */
  ready: 'scopeview:ready',
  /** Paths of files or a folder the user dropped or picked in the page (learned in the preload with webUtils). */
  openPaths: 'scopeview:open-paths',
  recent: 'scopeview:recent',
  remember: 'scopeview:remember',
  reopen: 'scopeview:reopen',
  forget: 'scopeview:forget',
  /** Offers bytes to the user through a save dialog. */
  save: 'scopeview:save',
  /** The page went back to its start screen: main ends the grants of what it showed. */
  closed: 'scopeview:closed',
  /** A remote location the user typed (https://, http://, s3://, gs://): main lists and reads it. */
  openLocation: 'scopeview:open-location',
} as const;

/** Main → renderer events (webContents.send / ipcRenderer.on). */
export const EVENT = {
  command: 'scopeview:command',
} as const;

export type InvokeChannel = (typeof INVOKE)[keyof typeof INVOKE];

/** Arguments and result of each invoke channel. */
export interface InvokeSignatures {
  'scopeview:ready': { args: []; result: ShellCommand[] };
  'scopeview:open-paths': { args: [paths: string[]]; result: ShellInput | null };
  'scopeview:recent': { args: []; result: RecentEntry[] };
  'scopeview:remember': { args: [key: string]; result: void };
  'scopeview:reopen': { args: [key: string]; result: ShellInput | null };
  'scopeview:forget': { args: [key: string]; result: void };
  'scopeview:save': { args: [name: string, data: Uint8Array]; result: boolean };
  'scopeview:closed': { args: []; result: void };
  'scopeview:open-location': { args: [location: string]; result: ShellInput | null };
}

export type ArgsOf<C extends InvokeChannel> = InvokeSignatures[C]['args'];
export type ResultOf<C extends InvokeChannel> = InvokeSignatures[C]['result'];

/**
 * What the preload puts on `window[BRIDGE_NAME]`: one function per channel and nothing else.
 * `F` is the page's File type (the contract itself has no DOM types).
 */
export interface ShellBridge<F> {
  ready(): Promise<ShellCommand[]>;
  /**
   * Files the user dropped or picked in the page (a dropped folder is one File): the preload asks
   * the browser for their paths (webUtils) and main to open them (see chosenPaths), so they can be
   * watched and reopened. Null when a file has no path (made in the page, not read from disk).
   */
  openFiles(files: readonly F[]): Promise<ShellInput | null>;
  recent(): Promise<RecentEntry[]>;
  remember(key: string): Promise<void>;
  reopen(key: string): Promise<ShellInput | null>;
  forget(key: string): Promise<void>;
  /** `name` ends with the export's extension (EXPORT_EXTENSIONS); main sanitises the rest. */
  save(name: string, data: Uint8Array): Promise<boolean>;
  closed(): Promise<void>;
  /** Opens a remote location in main; null when it could not (main has told the user why). */
  openLocation(location: string): Promise<ShellInput | null>;
  /** Subscribes to the command channel; returns the unsubscribe function. */
  onCommand(listener: (command: ShellCommand) => void): () => void;
}

/**
 * The folder a file was picked or dropped from: `abs` is its absolute path, `rel` its path inside
 * the folder (`/`-separated). Null when `abs` does not end with `rel`.
 */
export function folderRoot(abs: string, rel: string): string | null {
  const sep = abs.includes('\\') && !abs.includes('/') ? '\\' : '/';
  const tail = sep + rel.split('/').join(sep);
  if (rel.length === 0 || !abs.endsWith(tail) || abs.length === tail.length) return null;
  return abs.slice(0, abs.length - tail.length);
}

/**
 * What to ask main to open for Files the user chose, from what the browser itself says of them:
 * `abs[i]` is file i's path (webUtils.getPathForFile) and `rel[i]` its `webkitRelativePath`, which
 * only a folder picked through a file input sets (`picked/run/events…`). Such a folder is opened
 * as itself, found from its files; anything else (dropped files and folders) as the paths given.
 * Nothing the page says can name a wider folder. Null when the files disagree on their folder.
 */
export function chosenPaths(abs: readonly string[], rel: readonly string[]): string[] | null {
  if (rel.every((r) => r === '')) return [...abs];
  let root: string | null = null;
  for (let i = 0; i < abs.length; i++) {
    const [top = '', ...inner] = (rel[i] ?? '').split('/');
    const parent = inner.length > 0 ? folderRoot(abs[i] ?? '', inner.join('/')) : null;
    if (parent === null || parent.split(/[\\/]/).pop() !== top || (root !== null && parent !== root)) return null;
    root = parent;
  }
  return root === null ? null : [root];
}

/** The extension of each kind of export; `save` refuses a name without one of them. */
export const EXPORT_EXTENSIONS = ['.png', '.svg', '.json'] as const;
export type ExportExtension = (typeof EXPORT_EXTENSIONS)[number];

/** The export kind a save name asks for (by its extension, any case), or null. */
export function exportExtension(name: string): ExportExtension | null {
  const lower = name.toLowerCase();
  return EXPORT_EXTENSIONS.find((e) => lower.endsWith(e) && lower.length > e.length) ?? null;
}

// ---- validation (main runs these on every call; the page is not trusted to send well-formed data)

export const LIMITS = {
  /** Paths in one drop. */
  paths: 64,
  pathLength: 4096,
  keyLength: 512,
  nameLength: 255,
  /** A remote location (signed URLs can be long). */
  locationLength: 8192,
  /** Largest export main writes: a PNG of a 16k × 16k view is ~100 MB at worst. */
  saveBytes: 512 * 1024 * 1024,
} as const;

export type Validation<A> = { readonly ok: true; readonly args: A } | { readonly ok: false; readonly error: string };

function isText(v: unknown, max: number): v is string {
  // NUL ends C strings in the OS calls below the file APIs: a path with one is never legitimate.
  return typeof v === 'string' && v.length > 0 && v.length <= max && !v.includes('\0');
}

const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

type Validators = { readonly [C in InvokeChannel]: (args: readonly unknown[]) => Validation<ArgsOf<C>> };

function none(args: readonly unknown[]): Validation<[]> {
  return args.length === 0 ? { ok: true, args: [] } : fail('takes no arguments');
}

function oneKey(args: readonly unknown[]): Validation<[key: string]> {
  if (args.length !== 1) return fail('takes one key');
  const [key] = args;
  return isText(key, LIMITS.keyLength) ? { ok: true, args: [key] } : fail('the key must be a non-empty string');
}

export const VALIDATORS: Validators = {
  'scopeview:ready': none,
  'scopeview:recent': none,
  'scopeview:closed': none,
  'scopeview:remember': oneKey,
  'scopeview:reopen': oneKey,
  'scopeview:forget': oneKey,
  'scopeview:open-paths': (args) => {
    if (args.length !== 1 || !Array.isArray(args[0])) return fail('takes one array of paths');
    const paths: unknown[] = args[0];
    if (paths.length === 0 || paths.length > LIMITS.paths) return fail(`takes 1 to ${LIMITS.paths} paths`);
    for (const p of paths) if (!isText(p, LIMITS.pathLength)) return fail('each path must be a non-empty string without NUL');
    return { ok: true, args: [paths as string[]] };
  },
  'scopeview:open-location': (args) => {
    if (args.length !== 1) return fail('takes one location');
    const [location] = args;
    if (!isText(location, LIMITS.locationLength) || /\s/.test(location)) return fail('the location must be a non-empty string without spaces or NUL');
    if (!/^(https?|s3|gs):\/\//i.test(location)) return fail('the location must start with https://, http://, s3:// or gs://');
    return { ok: true, args: [location] };
  },
  'scopeview:save': (args) => {
    if (args.length !== 2) return fail('takes a name and bytes');
    const [name, data] = args;
    if (!isText(name, LIMITS.nameLength) || /[/\\]/.test(name)) return fail('the name must be a file name, not a path');
    if (exportExtension(name) === null) return fail(`the name must end with ${EXPORT_EXTENSIONS.join(', ')}`);
    if (!(data instanceof Uint8Array)) return fail('the data must be a Uint8Array');
    if (data.byteLength > LIMITS.saveBytes) return fail('the data is too large');
    return { ok: true, args: [name, data] };
  },
};

export function validateArgs<C extends InvokeChannel>(channel: C, args: readonly unknown[]): Validation<ArgsOf<C>> {
  const v = VALIDATORS[channel] as ((a: readonly unknown[]) => Validation<ArgsOf<C>>) | undefined;
  return v ? v(args) : fail(`unknown channel ${String(channel)}`);
}

/**
 * The WHATWG URL parser every side has (Node, the preload, the page). common/ compiles without DOM
 * or Node types, so it names the little it uses; at run time this is the global.
 */
declare const URL: new (url: string) => { readonly protocol: string; readonly host: string };

/**
 * Whether an IPC message comes from the app's own page: the top frame (no subframe ever loads
 * app code) on the app origin. `url` and `isTop` come from the sender frame.
 */
export function isTrustedSender(frame: { readonly url: string; readonly isTop: boolean } | null): boolean {
  if (!frame || !frame.isTop) return false;
  try {
    const u = new URL(frame.url);
    return `${u.protocol}//${u.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}
