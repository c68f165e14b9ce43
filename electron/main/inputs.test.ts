// Turning chosen paths into granted, registered inputs, and refusing bad ones.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileGrants } from './file-grants';
import { InputError, InputRegistry } from './inputs';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'scopeview-inputs-'));
  mkdirSync(join(dir, 'logs', 'run1'), { recursive: true });
  writeFileSync(join(dir, 'logs', 'run1', 'events.out.tfevents.1'), Buffer.alloc(12));
  writeFileSync(join(dir, 'g.pb'), Buffer.alloc(5));
  writeFileSync(join(dir, 'h.pbtxt'), Buffer.alloc(6));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('opening paths', () => {
  it('opens a file as one granted file', async () => {
    const grants = new FileGrants();
    const reg = new InputRegistry(grants);
    const input = await reg.open([join(dir, 'g.pb')]);
    expect(input).toMatchObject({ name: 'g.pb', folder: false, files: [{ path: 'g.pb', size: 5 }] });
    expect(grants.resolve(new URL(input.files[0]?.url ?? '').pathname)).toBe(join(dir, 'g.pb'));
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
});
