// The preload: the page's only door to the shell. It exposes one function per IPC channel of the
// contract on window.scopeviewShell and nothing else (no ipcRenderer, no event objects). It runs
// sandboxed, so it is bundled into one file whose only import is `electron`.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { BRIDGE_NAME, chosenPaths, EVENT, INVOKE, LIMITS, type RecentEntry, type ShellBridge, type ShellCommand, type ShellInput } from '../../common/ipc-contract';

/**
 * Asks main to open Files the user dropped or picked. Only what the browser says of each File is
 * used (its path, its webkitRelativePath), read here in the preload's world where the page cannot
 * change them; nothing else from the page goes to main.
 */
async function openFiles(files: readonly File[]): Promise<ShellInput | null> {
  if (!Array.isArray(files) || !files.every((f) => f instanceof File)) return null;
  const abs = files.map((f) => webUtils.getPathForFile(f));
  // A file made in the page (not from disk) has no path: the page opens its bytes directly.
  if (abs.length === 0 || abs.some((p) => p === '')) return null;
  const paths = chosenPaths(abs, files.map((f) => f.webkitRelativePath));
  // Files that disagree on their folder, or more than a drop may carry: the page keeps its Blobs.
  if (paths === null || paths.length > LIMITS.paths) return null;
  return (await ipcRenderer.invoke(INVOKE.openPaths, paths)) as ShellInput | null;
}

const bridge: ShellBridge<File> = {
  ready: () => ipcRenderer.invoke(INVOKE.ready) as Promise<ShellCommand[]>,
  openFiles,
  recent: () => ipcRenderer.invoke(INVOKE.recent) as Promise<RecentEntry[]>,
  remember: (key) => ipcRenderer.invoke(INVOKE.remember, key) as Promise<void>,
  reopen: (key) => ipcRenderer.invoke(INVOKE.reopen, key) as Promise<ShellInput | null>,
  forget: (key) => ipcRenderer.invoke(INVOKE.forget, key) as Promise<void>,
  save: (name, data) => ipcRenderer.invoke(INVOKE.save, name, data) as Promise<boolean>,
  closed: () => ipcRenderer.invoke(INVOKE.closed) as Promise<void>,
  openLocation: (location) => ipcRenderer.invoke(INVOKE.openLocation, location) as Promise<ShellInput | null>,
  onCommand: (listener) => {
    // Only the command crosses over: the event object would expose ipcRenderer's sender.
    const relay = (_event: IpcRendererEvent, command: ShellCommand): void => listener(command);
    ipcRenderer.on(EVENT.command, relay);
    return () => {
      ipcRenderer.removeListener(EVENT.command, relay);
    };
  },
};

contextBridge.exposeInMainWorld(BRIDGE_NAME, bridge);
