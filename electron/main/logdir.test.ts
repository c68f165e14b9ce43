// Logdir listing by name: runs, SavedModel folders, limits, symlink loops.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listFolder } from './logdir';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'scopeview-logdir-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function put(rel: string, bytes = 10): void {
  const path = join(dir, rel);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, Buffer.alloc(bytes));
}

describe('logdir listing', () => {
  it('lists runs as the folders holding event files, with sizes, and nothing else', async () => {
    put('train/events.out.tfevents.1.host', 100);
    put('train/events.out.tfevents.2.host', 50);
    put('eval/events.out.tfevents.1.host', 7);
    put('events.out.tfevents.0.top', 3);
    put('train/checkpoint', 5);
    put('train/model.ckpt-1.data-00000-of-00001', 999);
    put('notes.txt', 1);
    const l = await listFolder(dir);
    expect(l.kind).toBe('logdir');
    expect(l.runs).toEqual(['.', 'eval', 'train']);
    expect(l.files.map((f) => [f.rel, f.size])).toEqual([
      ['eval/events.out.tfevents.1.host', 7], ['events.out.tfevents.0.top', 3],
      ['train/events.out.tfevents.1.host', 100], ['train/events.out.tfevents.2.host', 50],
    ]);
    expect(l.files[0]?.abs).toBe(join(dir, 'eval/events.out.tfevents.1.host'));
    expect(l.truncated).toBe(false);
  });

  it('lists graph files only in a folder without event files (an exported export.meta, frozen .pb files)', async () => {
    put('export.meta', 12);
    put('frozen/model.pb', 8);
    put('notes.txt', 1);
    const l = await listFolder(dir);
    expect(l).toMatchObject({ kind: 'logdir', runs: ['.', 'frozen'] });
    expect(l.files.map((f) => [f.rel, f.size])).toEqual([['export.meta', 12], ['frozen/model.pb', 8]]);
    put('run/events.out.tfevents.1', 5);
    expect((await listFolder(dir)).files.map((f) => f.rel)).toEqual(['run/events.out.tfevents.1']);
  });

  it('recognises a SavedModel folder by saved_model.pb at its top', async () => {
    put('saved_model.pb', 42);
    put('variables/variables.index', 3);
    put('logs/events.out.tfevents.1', 3);
    const l = await listFolder(dir);
    expect(l).toMatchObject({ kind: 'savedmodel', runs: [] });
    expect(l.files.map((f) => f.rel)).toEqual(['saved_model.pb']);
  });

  it('finds nested runs and stops at the depth limit', async () => {
    put('a/b/c/d/events.out.tfevents.1');
    expect((await listFolder(dir)).runs).toEqual(['a/b/c/d']);
    const shallow = await listFolder(dir, { depth: 2, entries: 1000, files: 1000 });
    expect(shallow.files).toEqual([]);
    expect(shallow.truncated).toBe(true);
  });

  it('does not follow symlinked folders (no loops) and stops at the file limit', async () => {
    put('run/events.out.tfevents.1');
    symlinkSync(dir, join(dir, 'run', 'loop'));
    const l = await listFolder(dir);
    expect(l.files.map((f) => f.rel)).toEqual(['run/events.out.tfevents.1']);
    for (let i = 0; i < 5; i++) put(`many/events.out.tfevents.${i}`);
    const capped = await listFolder(dir, { depth: 16, entries: 1000, files: 3 });
    expect(capped.files).toHaveLength(3);
    expect(capped.truncated).toBe(true);
  });

  it('lists no symlinked file, inside or outside the folder, as an event file or a SavedModel', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'scopeview-outside-'));
    try {
      writeFileSync(join(outside, 'id_rsa'), 'secret');
      put('run1/events.out.tfevents.1', 4);
      symlinkSync(join(outside, 'id_rsa'), join(dir, 'run1', 'events.out.tfevents.2'));
      symlinkSync('../../../../../../../../..' + join(outside, 'id_rsa'), join(dir, 'run1', 'events.out.tfevents.3'));
      symlinkSync(join(dir, 'run1', 'events.out.tfevents.1'), join(dir, 'run1', 'events.out.tfevents.4')); // even one staying inside
      const l = await listFolder(dir);
      expect(l.files.map((f) => f.rel)).toEqual(['run1/events.out.tfevents.1']);
      // A SavedModel whose saved_model.pb is a link is not one: its folder is listed as a logdir.
      symlinkSync(join(outside, 'id_rsa'), join(dir, 'saved_model.pb'));
      expect(await listFolder(dir)).toMatchObject({ kind: 'logdir', runs: ['run1'] });
      symlinkSync(join(outside, 'id_rsa'), join(dir, 'saved_model.pbtxt'));
      expect((await listFolder(dir)).files.map((f) => f.rel)).toEqual(['run1/events.out.tfevents.1']);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('lists an empty folder as a logdir without runs', async () => {
    expect(await listFolder(dir)).toEqual({ kind: 'logdir', files: [], runs: [], truncated: false });
  });
});
