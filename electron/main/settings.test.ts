// Settings: atomic writes, corrupt-file recovery, queued updates, recent items.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, loadSettings, MAX_RECENT, parseSettings, SettingsStore, withoutRecent, withRecent, writeAtomic, type RecentRecord } from './settings';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'scopeview-settings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const rec = (key: string, openedAt = 1): RecentRecord => ({ key, name: key, folder: false, paths: [`/data/${key}`], openedAt });

describe('settings', () => {
  it('start from defaults when there is no file', async () => {
    expect(await loadSettings(join(dir, 'settings.json'))).toEqual({ settings: DEFAULT_SETTINGS, recoveredFrom: null });
  });

  it('round-trip through an atomic write, leaving no temp file behind', async () => {
    const file = join(dir, 'settings.json');
    const store = new SettingsStore(file, DEFAULT_SETTINGS);
    await store.update((s) => withRecent(s, rec('a')));
    await store.update((s) => ({ ...s, window: { x: 1, y: 2, width: 800, height: 600, maximized: true } }));
    expect(readdirSync(dir)).toEqual(['settings.json']);
    const loaded = await loadSettings(file);
    expect(loaded.settings.recent.map((r) => r.key)).toEqual(['a']);
    expect(loaded.settings.window).toEqual({ x: 1, y: 2, width: 800, height: 600, maximized: true });
  });

  it('replace a corrupt file, keep it aside, and still start', async () => {
    const file = join(dir, 'settings.json');
    writeFileSync(file, '{"version": 1, "recent": [ {"key": "a", "na');
    const loaded = await loadSettings(file);
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
    expect(loaded.recoveredFrom).toMatch(/settings\.json\.corrupt-\d+$/);
    expect(readFileSync(loaded.recoveredFrom as string, 'utf8')).toContain('"na');
    // The next save writes a fresh, valid file.
    await new SettingsStore(file, loaded.settings).update((s) => withRecent(s, rec('b')));
    expect((await loadSettings(file)).settings.recent[0]?.key).toBe('b');
  });

  it('treat valid JSON of the wrong shape as corrupt, and drop malformed entries', () => {
    expect(parseSettings('[]')).toBeNull();
    expect(parseSettings('{"version": 2, "recent": []}')).toBeNull();
    expect(parseSettings('null')).toBeNull();
    const s = parseSettings(JSON.stringify({ version: 1, recent: [rec('ok'), { key: 'x' }, { ...rec('y'), paths: [] }, { ...rec('z'), paths: [3] }], window: { x: 'a' } }));
    expect(s?.recent.map((r) => r.key)).toEqual(['ok']);
    expect(s?.window).toBeNull();
  });

  it('clean up the temp file when the final rename fails, leaving other files untouched', async () => {
    const file = join(dir, 'settings.json');
    await writeAtomic(file, '{"version":1,"recent":[],"window":null}');
    // A non-empty folder where the file should go: the temp file is written, the rename fails.
    mkdirSync(join(dir, 'blocked', 'x'), { recursive: true });
    await expect(writeAtomic(join(dir, 'blocked'), 'new')).rejects.toThrow();
    expect(readdirSync(dir).sort()).toEqual(['blocked', 'settings.json']);
    expect(readFileSync(file, 'utf8')).toBe('{"version":1,"recent":[],"window":null}');
  });

  it('serialise concurrent updates: the last one wins on disk', async () => {
    const file = join(dir, 'settings.json');
    const store = new SettingsStore(file, DEFAULT_SETTINGS);
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.update((s) => withRecent(s, rec(`k${i}`, i)))));
    const loaded = await loadSettings(file);
    expect(loaded.settings.recent.map((r) => r.key)).toEqual(store.value.recent.map((r) => r.key));
    expect(loaded.settings.recent).toHaveLength(MAX_RECENT);
    expect(loaded.settings.recent[0]?.key).toBe('k19');
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('move a reopened item to the front and forget items', () => {
    let s = withRecent(withRecent(withRecent(DEFAULT_SETTINGS, rec('a')), rec('b')), rec('a', 5));
    expect(s.recent.map((r) => r.key)).toEqual(['a', 'b']);
    s = withoutRecent(s, 'a');
    expect(s.recent.map((r) => r.key)).toEqual(['b']);
  });

  it('report write errors without breaking later updates', async () => {
    const errors: unknown[] = [];
    const store = new SettingsStore(join(dir, 'gone', 'settings.json'), DEFAULT_SETTINGS, (e) => errors.push(e));
    await store.update((s) => withRecent(s, rec('a')));
    expect(errors).toHaveLength(1);
    expect(store.value.recent).toHaveLength(1);
  });
});
