// Registers one ipcMain handler per invoke channel of the contract. Every call is checked twice
// before it reaches the app: the sender must be the app page's top frame, and the arguments must
// pass the channel's validator. Rejections are logged and answered with an error.
import { INVOKE, isTrustedSender, validateArgs, type ArgsOf, type InvokeChannel, type ResultOf } from '../../common/ipc-contract';

/** The parts of an IpcMainInvokeEvent the checks read (a structural subset of Electron's). */
export interface InvokeEvent {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
  readonly sender: { readonly id: number };
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => unknown): void;
}

export type Handlers = { readonly [C in InvokeChannel]: (event: InvokeEvent, ...args: ArgsOf<C>) => Promise<ResultOf<C>> | ResultOf<C> };

export class IpcRejected extends Error {
  override name = 'IpcRejected';
}

/** Runs one call through the checks; exported for tests. */
export async function dispatch<C extends InvokeChannel>(channel: C, handlers: Handlers, event: InvokeEvent, args: readonly unknown[], log: (msg: string) => void): Promise<ResultOf<C>> {
  const frame = event.senderFrame;
  if (!isTrustedSender(frame ? { url: frame.url, isTop: frame.parent === null } : null)) {
    log(`ipc: rejected ${channel} from ${frame?.url ?? 'a destroyed frame'}`);
    throw new IpcRejected(`${channel}: untrusted sender`);
  }
  const v = validateArgs(channel, args);
  if (!v.ok) {
    log(`ipc: rejected ${channel}: ${v.error}`);
    throw new IpcRejected(`${channel}: ${v.error}`);
  }
  const handler = handlers[channel] as (event: InvokeEvent, ...a: ArgsOf<C>) => Promise<ResultOf<C>> | ResultOf<C>;
  return handler(event, ...v.args);
}

export function registerIpc(ipc: IpcMainLike, handlers: Handlers, log: (msg: string) => void = console.warn): void {
  for (const channel of Object.values(INVOKE)) {
    ipc.handle(channel, (event, ...args) => dispatch(channel, handlers, event, args, log));
  }
}
