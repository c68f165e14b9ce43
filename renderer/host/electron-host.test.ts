// The Electron host over a fake bridge: remote files, adopting drops, recent items, queued commands.
import { describe, expect, it, vi } from 'vitest';
import type { ShellBridge, ShellCommand, ShellInput } from '../../common/ipc-contract';
import { electronHost, fromShellInput, shellKeyOf } from './electron-host';

const INPUT: ShellInput = { key: 'in-1', name: 'logs', folder: true, files: [{ path: 'run/events.out.tfevents.1', url: 'app://scopeview/@file/t1', size: 99 }] };

function fakeBridge(over: Partial<ShellBridge<File>> = {}): ShellBridge<File> {
  return {
    ready: vi.fn(async () => []), openFiles: vi.fn(async () => INPUT), recent: vi.fn(async () => []), remember: vi.fn(async () => undefined),
    reopen: vi.fn(async () => INPUT), forget: vi.fn(async () => undefined), save: vi.fn(async () => true), closed: vi.fn(async () => undefined), openLocation: vi.fn(async () => INPUT), onCommand: vi.fn(() => () => undefined), ...over,
  };
}

describe('Electron host', () => {
  it('turns shell inputs into remote files the worker reads by URL', () => {
    const opened = fromShellInput(INPUT);
    expect(opened).toEqual({ name: 'logs', folder: true, files: [{ path: 'run/events.out.tfevents.1', file: { kind: 'remote', url: 'app://scopeview/@file/t1', size: 99, inputKey: 'in-1' } }] });
    expect(shellKeyOf(opened)).toBe('in-1');
    expect(shellKeyOf({ name: 'x', folder: false, files: [{ path: 'x', file: new Blob([]) }] })).toBeNull();
  });

  it('adopts only the Files the user chose, never the names the page gave their contents', async () => {
    const bridge = fakeBridge();
    const host = electronHost(bridge);
    const folder = new File([], 'logs');
    const inner = new File([new Uint8Array(3)], 'events.out.tfevents.1');
    // A dropped folder: the page's relative names (which could say `../..`) do not go to the shell.
    const dropped = { name: 'logs', folder: true, files: [{ path: '../../run/events.out.tfevents.1', file: inner }], chosen: [folder] };
    expect(await host.adopt?.(dropped)).toEqual(fromShellInput(INPUT));
    expect(bridge.openFiles).toHaveBeenCalledTimes(1);
    expect(bridge.openFiles).toHaveBeenCalledWith([folder]);
    // Nothing chosen from disk (the demo, a Blob): kept as it is, main is not asked.
    const blob = { name: 'demo', folder: false, files: [{ path: 'demo', file: new Blob([]) }] };
    expect(await host.adopt?.(blob)).toBe(blob);
    expect(await host.adopt?.({ ...dropped, chosen: [] })).toEqual({ ...dropped, chosen: [] });
    expect(bridge.openFiles).toHaveBeenCalledTimes(1);
    // Main refusing (or no path) keeps the bytes the page holds.
    const refusing = electronHost(fakeBridge({ openFiles: vi.fn(async () => { throw new Error('no'); }) }));
    expect(await refusing.adopt?.(dropped)).toBe(dropped);
    const pathless = electronHost(fakeBridge({ openFiles: vi.fn(async () => null) }));
    expect(await pathless.adopt?.(dropped)).toBe(dropped);
  });

  it('tells main when the page closed what it showed', async () => {
    const bridge = fakeBridge({ closed: vi.fn(async () => { throw new Error('window gone'); }) });
    electronHost(bridge).closed?.();
    expect(bridge.closed).toHaveBeenCalledTimes(1);
  });

  it('remembers only inputs main opened, and reopens recent items through main', async () => {
    const bridge = fakeBridge();
    const host = electronHost(bridge);
    await host.remember(fromShellInput(INPUT));
    await host.remember({ name: 'b', folder: false, files: [{ path: 'b', file: new Blob([]) }] });
    expect(bridge.remember).toHaveBeenCalledTimes(1);
    expect(bridge.remember).toHaveBeenCalledWith('in-1');
    expect(await host.reopen('r1')).toEqual(fromShellInput(INPUT));
    await host.save('g.svg', new Blob(['<svg/>']));
    expect(bridge.save).toHaveBeenCalledWith('g.svg', new TextEncoder().encode('<svg/>'));
  });

  it('replays commands queued before the page listened, after subscribing', async () => {
    const queued: ShellCommand[] = [{ type: 'open', input: INPUT }];
    const order: string[] = [];
    const bridge = fakeBridge({
      onCommand: vi.fn(() => { order.push('subscribe'); return () => undefined; }),
      ready: vi.fn(async () => { order.push('ready'); return queued; }),
    });
    const got: ShellCommand[] = [];
    electronHost(bridge).onShellCommand?.((c) => got.push(c));
    // Promise-driven: a generous bound, not the default 1 s, so that a loaded machine cannot fail it.
    await vi.waitFor(() => expect(got).toEqual(queued), { timeout: 30_000 });
    expect(order).toEqual(['subscribe', 'ready']);
  });
});
