// Settings in the user-data folder: recent items and window state. Written atomically (a temp file
// in the same folder, flushed, then renamed over the old one), so a crash mid-write leaves the
// previous file whole. A file that does not parse or validate is set aside and replaced.
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface WindowState {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly maximized: boolean;
}

export interface RecentRecord {
  readonly key: string;
  readonly name: string;
  readonly folder: boolean;
  /** Absolute paths: one file or folder, or two for a comparison. */
  readonly paths: readonly string[];
  readonly openedAt: number;
}

export interface Settings {
  readonly version: 1;
  readonly recent: readonly RecentRecord[];
  readonly window: WindowState | null;
}

export const DEFAULT_SETTINGS: Settings = { version: 1, recent: [], window: null };
export const MAX_RECENT = 10;

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function windowState(v: unknown): WindowState | null {
  if (!isObj(v) || !isNum(v.x) || !isNum(v.y) || !isNum(v.width) || !isNum(v.height) || v.width <= 0 || v.height <= 0) return null;
  return { x: v.x, y: v.y, width: v.width, height: v.height, maximized: v.maximized === true };
}

function recentRecord(v: unknown): RecentRecord | null {
  if (!isObj(v) || typeof v.key !== 'string' || typeof v.name !== 'string' || !isNum(v.openedAt) || !Array.isArray(v.paths)) return null;
  const paths = v.paths.filter((p): p is string => typeof p === 'string' && p.length > 0);
  if (paths.length === 0 || paths.length !== v.paths.length) return null;
  return { key: v.key, name: v.name, folder: v.folder === true, paths, openedAt: v.openedAt };
}

/** The settings in `raw`, or null when it is not a settings file of this version. */
export function parseSettings(raw: string): Settings | null {
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isObj(v) || v.version !== 1 || !Array.isArray(v.recent)) return null;
  const recent = v.recent.map(recentRecord).filter((r): r is RecentRecord => r !== null).slice(0, MAX_RECENT);
  return { version: 1, recent, window: windowState(v.window) };
}

export interface LoadedSettings {
  readonly settings: Settings;
  /** Set when a corrupt file was moved aside (to this path) and defaults used instead. */
  readonly recoveredFrom: string | null;
}

export async function loadSettings(file: string): Promise<LoadedSettings> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch {
    return { settings: DEFAULT_SETTINGS, recoveredFrom: null };
  }
  const parsed = parseSettings(raw);
  if (parsed) return { settings: parsed, recoveredFrom: null };
  // Kept, not deleted: the user may want what was in it; the next save writes a fresh file.
  const aside = `${file}.corrupt-${Date.now()}`;
  try {
    await rename(file, aside);
  } catch {
    return { settings: DEFAULT_SETTINGS, recoveredFrom: null };
  }
  return { settings: DEFAULT_SETTINGS, recoveredFrom: aside };
}

/** Writes `data` to `file` atomically: readers see the old file or the new one, never a mix. */
export async function writeAtomic(file: string, data: string): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(data, 'utf8');
    await handle.sync();
  } catch (err) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  await handle.close();
  try {
    await rename(temp, file);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
}

/** Adds (or moves to the front) a recent item, newest first, at most MAX_RECENT. */
export function withRecent(s: Settings, entry: RecentRecord): Settings {
  return { ...s, recent: [entry, ...s.recent.filter((r) => r.key !== entry.key)].slice(0, MAX_RECENT) };
}

export function withoutRecent(s: Settings, key: string): Settings {
  return { ...s, recent: s.recent.filter((r) => r.key !== key) };
}

/** The settings of a running app: changes apply at once, and writes are queued one after another. */
export class SettingsStore {
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly file: string, private current: Settings, private readonly onError: (err: unknown) => void = () => undefined) {}

  get value(): Settings {
    return this.current;
  }

  update(change: (s: Settings) => Settings): Promise<void> {
    this.current = change(this.current);
    const text = JSON.stringify(this.current, null, 1);
    this.queue = this.queue.then(() => writeAtomic(this.file, text)).catch(this.onError);
    return this.queue;
  }
}
