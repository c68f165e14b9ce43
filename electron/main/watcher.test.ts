// The watcher, and live reload end to end without Electron: a log opened through main grows, the
// watcher reports it, and what the page reads over app:// (Range requests through the same
// ByteSource the session worker uses) then holds the new records.
import { appendFileSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tensorflow } from '../../core/proto/generated/proto.js';
import { loadSource } from '../../core/io/load';
import { encodeRecord } from '../../core/io/tfrecord-writer';
import { demoModel } from '../../fixtures/demo-model';
import { nameScopeBasics } from '../../fixtures/seed-examples';
import { urlSource } from '../../renderer/host/url-byte-source';
import type { ShellInput } from '../../common/ipc-contract';
import { appProtocolHandler } from './app-protocol';
import { FileGrants } from './file-grants';
import { InputRegistry } from './inputs';
import { diffInputs, InputWatcher, type InputChange, type Timers } from './watcher';

let dir: string;
beforeEach(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'scopeview-watch-')));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const event = (e: tensorflow.Event.$Properties): Uint8Array => encodeRecord(tensorflow.Event.encode(e).finish());
const graphEvent = (g: tensorflow.GraphDef.$Properties, step: number): Uint8Array => event({ wallTime: 1, step, graphDef: tensorflow.GraphDef.encode(g).finish() });

function setUp(): { registry: InputRegistry; read: (input: ShellInput) => ReturnType<typeof loadSource> } {
  const grants = new FileGrants();
  const handler = appProtocolHandler(join(dir, 'no-renderer'), grants);
  const fetchFn = (url: string, init: { headers: Record<string, string> }) => handler(new Request(url, init));
  const read = (input: ShellInput) => {
    const f = input.files[0];
    if (!f) throw new Error('no file');
    return loadSource(urlSource({ kind: 'remote', url: f.url, size: f.size, inputKey: input.key }, f.path, fetchFn));
  };
  return { registry: new InputRegistry(grants), read };
}

describe('live reload', () => {
  it('appending to an event file produces new records for the page', async () => {
    const log = join(dir, 'events.out.tfevents.1.host');
    writeFileSync(log, Buffer.concat([event({ wallTime: 1, fileVersion: 'brain.Event:2' }), graphEvent(nameScopeBasics(), 0)]));
    const { registry, read } = setUp();
    const input = await registry.open([log]);
    expect((await read(input)).graphs).toHaveLength(1);

    const changes: InputChange[] = [];
    const opened = registry.get(input.key);
    if (!opened) throw new Error('not registered');
    const watcher = new InputWatcher(input, () => registry.describe(opened), (c) => changes.push(c));
    expect(await watcher.check()).toBeNull(); // nothing written yet

    appendFileSync(log, graphEvent(demoModel(), 5));
    const change = await watcher.check();
    expect(change?.changed).toEqual(['events.out.tfevents.1.host']);
    expect(changes).toHaveLength(1);
    // The page re-reads the same URL with the new size: the appended graph is there.
    const again = await read(change?.input as ShellInput);
    expect(again.graphs.map((g) => g.step)).toEqual([0, 5]);
    expect(again.graphs[1]?.graph.nodeCount).toBeGreaterThan(again.graphs[0]?.graph.nodeCount ?? 0);
    expect(change?.input.files[0]?.url).toBe(input.files[0]?.url);
    expect(await watcher.check()).toBeNull(); // reported once
  });

  it('a new run in a watched logdir is reported as added', async () => {
    mkdirSync(join(dir, 'logs', 'train'), { recursive: true });
    writeFileSync(join(dir, 'logs', 'train', 'events.out.tfevents.1'), graphEvent(nameScopeBasics(), 0));
    const { registry } = setUp();
    const input = await registry.open([join(dir, 'logs')]);
    const opened = registry.get(input.key);
    if (!opened) throw new Error('not registered');
    const watcher = new InputWatcher(input, () => registry.describe(opened), () => undefined);
    mkdirSync(join(dir, 'logs', 'eval'));
    writeFileSync(join(dir, 'logs', 'eval', 'events.out.tfevents.2'), graphEvent(nameScopeBasics(), 0));
    const change = await watcher.check();
    expect(change?.added).toEqual(['eval/events.out.tfevents.2']);
    expect(change?.input.files.map((f) => f.path)).toEqual(['eval/events.out.tfevents.2', 'train/events.out.tfevents.1']);
  });

  it('a symlinked event file that appears later is neither reported nor granted', async () => {
    mkdirSync(join(dir, 'logs', 'train'), { recursive: true });
    writeFileSync(join(dir, 'logs', 'train', 'events.out.tfevents.1'), graphEvent(nameScopeBasics(), 0));
    const secret = join(dir, 'id_rsa');
    writeFileSync(secret, 'not for the page');
    const { registry } = setUp();
    const input = await registry.open([join(dir, 'logs')]);
    const opened = registry.get(input.key);
    if (!opened) throw new Error('not registered');
    const watcher = new InputWatcher(input, () => registry.describe(opened), () => undefined);
    symlinkSync(secret, join(dir, 'logs', 'train', 'events.out.tfevents.2'));
    mkdirSync(join(dir, 'logs', 'eval'));
    symlinkSync(secret, join(dir, 'logs', 'eval', 'events.out.tfevents.3'));
    expect(await watcher.check()).toBeNull();
    // A real new run next to them is still seen.
    writeFileSync(join(dir, 'logs', 'eval', 'events.out.tfevents.4'), graphEvent(nameScopeBasics(), 0));
    const change = await watcher.check();
    expect(change?.added).toEqual(['eval/events.out.tfevents.4']);
  });

  it('a closed input is not described again, so a late tick grants nothing', async () => {
    mkdirSync(join(dir, 'logs'));
    writeFileSync(join(dir, 'logs', 'events.out.tfevents.1'), graphEvent(nameScopeBasics(), 0));
    const grants = new FileGrants();
    const registry = new InputRegistry(grants);
    const input = await registry.open([join(dir, 'logs')]);
    const opened = registry.get(input.key);
    if (!opened) throw new Error('not registered');
    const watcher = new InputWatcher(input, () => registry.describe(opened), () => undefined);
    registry.close([input.key]);
    expect(grants.size).toBe(0);
    writeFileSync(join(dir, 'logs', 'events.out.tfevents.2'), graphEvent(nameScopeBasics(), 0));
    expect(await watcher.check()).toBeNull();
    expect(grants.size).toBe(0);
  });

  it('polls on its interval, never overlapping checks, and stops', async () => {
    const queue: (() => void)[] = [];
    const timers: Timers = { setTimeout: (fn) => queue.push(fn), clearTimeout: vi.fn() };
    let size = 1;
    const describe = vi.fn(async (): Promise<ShellInput> => ({ key: 'k', name: 'f', folder: false, files: [{ path: 'f', url: 'u', size }] }));
    const seen: number[] = [];
    const w = new InputWatcher(await describe(), describe, (c) => seen.push(c.input.files[0]?.size ?? -1), 1000, timers).start();
    expect(queue).toHaveLength(1); // one timer armed, no check yet
    size = 2;
    queue.shift()?.();
    await vi.waitFor(() => expect(queue).toHaveLength(1), { timeout: 30_000 }); // re-armed only after the check finished (a bound, not the default 1 s)
    expect(seen).toEqual([2]);
    w.stop();
    expect(timers.clearTimeout).toHaveBeenCalled();
    size = 3;
    queue.shift()?.();
    // Its look is an already-settled promise: one turn of the event loop (ordering, not time) ends it.
    await new Promise((r) => setTimeout(r, 0));
    expect(describe).toHaveBeenCalledTimes(3);
    expect(seen).toEqual([2]);
    expect(queue).toHaveLength(0); // not re-armed
  });

  it('a failed look (the folder briefly gone) is skipped, not reported', async () => {
    const w = new InputWatcher({ key: 'k', name: 'f', folder: false, files: [] }, () => Promise.reject(new Error('ENOENT')), () => {
      throw new Error('must not report');
    });
    expect(await w.check()).toBeNull();
  });

  it('diffs listings: grown, rewritten and new files', () => {
    const a: ShellInput = { key: 'k', name: 'n', folder: true, files: [{ path: 'a', url: 'u1', size: 1 }, { path: 'b', url: 'u2', size: 5 }] };
    expect(diffInputs(a, a)).toBeNull();
    const b: ShellInput = { ...a, files: [{ path: 'a', url: 'u1', size: 3 }, { path: 'b', url: 'u2', size: 2 }, { path: 'c', url: 'u3', size: 1 }] };
    expect(diffInputs(a, b)).toMatchObject({ changed: ['a', 'b'], added: ['c'] });
  });
});
