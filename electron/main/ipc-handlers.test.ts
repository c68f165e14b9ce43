// The IPC guard in main: every channel registered, untrusted senders and bad arguments stopped.
import { describe, expect, it, vi } from 'vitest';
import { APP_ORIGIN, INVOKE, type InvokeChannel } from '../../common/ipc-contract';
import { IpcRejected, registerIpc, type Handlers, type InvokeEvent } from './ipc-handlers';

type Listener = (event: InvokeEvent, ...args: unknown[]) => unknown;

function setUp() {
  const registered = new Map<string, Listener>();
  const calls: [string, unknown[]][] = [];
  const spy = (channel: InvokeChannel, result: unknown) => (_e: InvokeEvent, ...args: unknown[]) => {
    calls.push([channel, args]);
    return result;
  };
  const handlers: Handlers = {
    'scopeview:ready': spy('scopeview:ready', []) as Handlers['scopeview:ready'],
    'scopeview:open-paths': spy('scopeview:open-paths', null) as Handlers['scopeview:open-paths'],
    'scopeview:recent': spy('scopeview:recent', []) as Handlers['scopeview:recent'],
    'scopeview:remember': spy('scopeview:remember', undefined) as Handlers['scopeview:remember'],
    'scopeview:reopen': spy('scopeview:reopen', null) as Handlers['scopeview:reopen'],
    'scopeview:forget': spy('scopeview:forget', undefined) as Handlers['scopeview:forget'],
    'scopeview:save': spy('scopeview:save', true) as Handlers['scopeview:save'],
    'scopeview:closed': spy('scopeview:closed', undefined) as Handlers['scopeview:closed'],
    'scopeview:open-location': spy('scopeview:open-location', null) as Handlers['scopeview:open-location'],
  };
  const log = vi.fn();
  registerIpc({ handle: (channel, listener) => registered.set(channel, listener) }, handlers, log);
  return { registered, calls, log };
}

const page: InvokeEvent = { senderFrame: { url: `${APP_ORIGIN}/index.html`, parent: null }, sender: { id: 1 } };
const GOOD: Record<InvokeChannel, unknown[]> = {
  'scopeview:ready': [], 'scopeview:open-paths': [['/logs']], 'scopeview:recent': [], 'scopeview:remember': ['k'],
  'scopeview:reopen': ['k'], 'scopeview:forget': ['k'], 'scopeview:save': ['a.png', new Uint8Array(1)], 'scopeview:closed': [],
  'scopeview:open-location': ['s3://bucket/logs'],
};

describe('IPC handlers in main', () => {
  it('registers exactly the contract channels', () => {
    const { registered } = setUp();
    expect([...registered.keys()].sort()).toEqual(Object.values(INVOKE).sort());
  });

  it('passes validated calls from the app page to the handler', async () => {
    const { registered, calls } = setUp();
    for (const [channel, args] of Object.entries(GOOD)) await registered.get(channel)?.(page, ...args);
    expect(calls.map(([c]) => c).sort()).toEqual(Object.values(INVOKE).sort());
    expect(calls.find(([c]) => c === 'scopeview:open-paths')?.[1]).toEqual([['/logs']]);
  });

  it('rejects bad arguments on every channel before any handler runs', async () => {
    const { registered, calls, log } = setUp();
    for (const channel of Object.values(INVOKE)) {
      const bad = channel === 'scopeview:ready' || channel === 'scopeview:recent' || channel === 'scopeview:closed' ? ['surplus'] : [{ not: 'valid' }, 'extra'];
      await expect(Promise.resolve(registered.get(channel)?.(page, ...bad))).rejects.toBeInstanceOf(IpcRejected);
    }
    expect(calls).toEqual([]);
    expect(log).toHaveBeenCalledTimes(Object.values(INVOKE).length);
  });

  it('rejects calls from subframes, other origins and destroyed frames', async () => {
    const { registered, calls } = setUp();
    const senders: InvokeEvent[] = [
      { senderFrame: { url: `${APP_ORIGIN}/index.html`, parent: {} }, sender: { id: 1 } },
      { senderFrame: { url: 'https://example.com/', parent: null }, sender: { id: 1 } },
      { senderFrame: { url: 'file:///etc/passwd', parent: null }, sender: { id: 1 } },
      { senderFrame: null, sender: { id: 1 } },
    ];
    for (const event of senders) {
      for (const [channel, args] of Object.entries(GOOD)) {
        await expect(Promise.resolve(registered.get(channel)?.(event, ...args))).rejects.toThrow(/untrusted sender/);
      }
    }
    expect(calls).toEqual([]);
  });
});
