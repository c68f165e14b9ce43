// The Electron host: the Host interface over the preload's bridge (window.scopeviewShell). Files
// opened by path arrive as RemoteFiles, read by Range requests in the session worker; recent items
// and saving go through main; view state stays in the page's own storage, as in the browser.
import { BRIDGE_NAME, type ShellBridge, type ShellInput } from '../../common/ipc-contract';
import { browserHost } from './browser-host';
import type { Host, OpenedInput } from './host';
import { isRemoteFile } from './url-byte-source';

/** The preload's bridge, when the page runs in the shell. */
export function shellBridge(): ShellBridge<File> | null {
  const b = (globalThis as Record<string, unknown>)[BRIDGE_NAME];
  return typeof b === 'object' && b !== null ? (b as ShellBridge<File>) : null;
}

/** A ShellInput as the session opens it: every file read by URL. */
export function fromShellInput(input: ShellInput): OpenedInput {
  return {
    name: input.name,
    folder: input.folder,
    files: input.files.map((f) => ({ path: f.path, file: { kind: 'remote', url: f.url, size: f.size, inputKey: input.key } })),
  };
}

/** The shell's key of an input opened by path, or null (a Blob input). */
export function shellKeyOf(input: OpenedInput): string | null {
  const first = input.files[0]?.file;
  return isRemoteFile(first) ? first.inputKey : null;
}

export function electronHost(bridge: ShellBridge<File>): Host {
  const local = browserHost();
  return {
    kind: 'electron',
    async recent() {
      return bridge.recent();
    },
    async remember(input) {
      const key = shellKeyOf(input);
      if (key) await bridge.remember(key);
    },
    async reopen(key) {
      const input = await bridge.reopen(key);
      return input ? fromShellInput(input) : null;
    },
    forget: (key) => bridge.forget(key),
    async save(name, data) {
      await bridge.save(name, new Uint8Array(await data.arrayBuffer()));
    },
    loadState: (key) => local.loadState(key),
    saveState: (key, state) => local.saveState(key, state),
    async adopt(input) {
      // Only the Files the user chose go to the shell: the preload learns their paths from the
      // browser, and the names the page gave the files inside a folder play no part.
      if (!input.chosen || input.chosen.length === 0) return input;
      try {
        const shell = await bridge.openFiles(input.chosen);
        return shell ? fromShellInput(shell) : input;
      } catch {
        // Main refused (a path it cannot read): the bytes the page already holds still open.
        return input;
      }
    },
    async openLocation(location) {
      const input = await bridge.openLocation(location);
      return input ? fromShellInput(input) : null;
    },
    closed() {
      void bridge.closed().catch(() => undefined);
    },
    onShellCommand(listener) {
      const off = bridge.onCommand(listener);
      // Commands queued before the page listened (a path on the command line) come back now.
      void bridge.ready().then((queued) => queued.forEach(listener));
      return off;
    },
  };
}
