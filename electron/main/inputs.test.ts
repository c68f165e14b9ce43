// Turning chosen paths into granted, registered inputs, and refusing bad ones.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileGrants } from './file-grants';
import { InputError, InputRegistry, pagePathProblem } from './inputs';
import { linkedFolders } from './test-support/linked-folders';

let dir: string;
beforeAll(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'scopeview-inputs-')));
  mkdirSync(join(dir, 'logs', 'run1'), { recursive: true });
  writeFileSync(join(dir, 'logs', 'run1', 'events.out.tfevents.1'), Buffer.alloc(12));
  writeFileSync(join(dir, 'g.pb'), Buffer.alloc(5));
  writeFileSync(join(dir, 'h.pbtxt'), Buffer.alloc(6));
  linkedFolders(dir, 'cloned');
  symlinkSync(join(dir, 'logs'), join(dir, 'logs-link'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('opening paths', () => {
  it('opens a file as one granted file', async () => {
    const grants = new FileGrants();
    const reg = new InputRegistry(grants);
    const input = await reg.open([join(dir, 'g.pb')]);
    expect(input).toMatchObject({ name: 'g.pb', folder: false, files: [{ path: 'g.pb', size: 5 }] });
    expect(grants.resolve(new URL(input.files[0]?.url ?? '').pathname)).toEqual({ path: join(dir, 'g.pb'), root: join(dir, 'g.pb'), owner: input.key });
    expect(reg.get(input.key)?.paths).toEqual([join(dir, 'g.pb')]);
  });

  it('opens a folder as its listed event files, relative to it', async () => {
    const input = await new InputRegistry(new FileGrants()).open([join(dir, 'logs')]);
    expect(input).toMatchObject({ name: 'logs', folder: true, files: [{ path: 'run1/events.out.tfevents.1', size: 12 }] });
  });

  it('opens several dropped files together, and a folder over loose files', async () => {
    const reg = new InputRegistry(new FileGrants());
    const two = await reg.open([join(dir, 'g.pb'), join(dir, 'h.pbtxt')]);
    expect(two).toMatchObject({ name: '2 files', folder: true });
    expect(two.files.map((f) => f.path)).toEqual(['g.pb', 'h.pbtxt']);
    const mixed = await reg.open([join(dir, 'g.pb'), join(dir, 'logs')]);
    expect(mixed.name).toBe('logs');
  });

  it('refuses relative, missing and empty paths with a sentence', async () => {
    const reg = new InputRegistry(new FileGrants());
    await expect(reg.open([])).rejects.toBeInstanceOf(InputError);
    await expect(reg.open(['g.pb'])).rejects.toThrow(/not an absolute path/);
    await expect(reg.open([join(dir, 'missing.pb')])).rejects.toThrow(/does not exist/);
  });

  it('serves nothing through a symlink inside a chosen folder', async () => {
    const grants = new FileGrants();
    const cloned = await new InputRegistry(grants).open([join(dir, 'cloned')]);
    expect(cloned.files.map((f) => f.path)).toEqual(['run1/events.out.tfevents.1']);
    const model = await new InputRegistry(grants).open([join(dir, 'model')]);
    expect(model.files).toEqual([]);
    expect([...cloned.files, ...model.files].map((f) => grants.resolve(new URL(f.url).pathname)?.path)).not.toContain(join(dir, 'secret'));
  });

  it('resolves a chosen path that is itself a link to its target, the root of what is granted', async () => {
    const grants = new FileGrants();
    const reg = new InputRegistry(grants);
    const input = await reg.open([join(dir, 'logs-link')]);
    expect(reg.get(input.key)?.paths).toEqual([join(dir, 'logs')]);
    expect(grants.resolve(new URL(input.files[0]?.url ?? '').pathname)).toMatchObject({ root: join(dir, 'logs'), path: join(dir, 'logs', 'run1', 'events.out.tfevents.1') });
  });

  it('honours a path from the page only as a dropped folder or a graph file', async () => {
    const reg = new InputRegistry(new FileGrants());
    await expect(reg.open([join(dir, 'secret')], 'page')).rejects.toThrow(/not a graph file name/);
    await expect(reg.open(['/etc/passwd'], 'page')).rejects.toBeInstanceOf(InputError);
    await expect(reg.open([`${dir}/logs/../secret`], 'page')).rejects.toThrow(/normalised/);
    // A link named like a graph file, to a file that is not one.
    symlinkSync(join(dir, 'secret'), join(dir, 'alias.pb'));
    await expect(reg.open([join(dir, 'alias.pb')], 'page')).rejects.toThrow(/not a graph file name: secret/);
    expect((await reg.open([join(dir, 'g.pb')], 'page')).files).toHaveLength(1);
    expect((await reg.open([join(dir, 'logs')], 'page')).files).toHaveLength(1);
    // What the user chose in main (a dialog, the command line) has no such rule.
    expect((await reg.open([join(dir, 'secret')])).files).toHaveLength(1);
    expect(pagePathProblem('/u/logs/run/events.out.tfevents.1', 'file')).toBeNull();
    expect(pagePathProblem('/u/m.META', 'file')).toBeNull();
    expect(pagePathProblem('relative/g.pb', 'file')).toMatch(/absolute/);
    expect(pagePathProblem('/u/.ssh/id_rsa', 'file')).toMatch(/graph file/);
  });

  it('ends the grants of closed inputs and forgets them', async () => {
    const grants = new FileGrants();
    const reg = new InputRegistry(grants);
    const a = await reg.open([join(dir, 'g.pb')]);
    const b = await reg.open([join(dir, 'logs')]);
    const c = await reg.open([join(dir, 'h.pbtxt')]);
    reg.closeAllExcept([b.key, c.key]);
    expect(reg.get(a.key)).toBeNull();
    expect(grants.resolve(new URL(a.files[0]?.url ?? '').pathname)).toBeNull();
    expect(grants.resolve(new URL(b.files[0]?.url ?? '').pathname)).not.toBeNull();
    reg.close([b.key, c.key]);
    expect(grants.size).toBe(0);
    await expect(reg.describe({ key: b.key, name: 'logs', folder: true, paths: [join(dir, 'logs')] })).rejects.toThrow(/closed/);
  });
});
