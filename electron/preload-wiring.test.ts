// The preload as bundled (esbuild, browser platform, as npm run build does), loaded in Node against
// a stand-in for `electron`: the bridge it exposes, and what openFiles sends main. Only what the
// browser says of the Files (their paths, their webkitRelativePath) may reach main; whatever else
// the page passes is ignored, so no page can widen a drop to a folder the user never chose.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BRIDGE_NAME, INVOKE, type ShellBridge } from '../common/ipc-contract';

const HERE = dirname(fileURLToPath(import.meta.url));
const invoked: [string, unknown[]][] = [];
/** What webUtils.getPathForFile answers: the browser's path of each File from disk. */
const paths = new WeakMap<File, string>();
let bridge: ShellBridge<File> | null = null;
let dir: string;

const fakeElectron = {
  contextBridge: {
    exposeInMainWorld: (key: string, api: ShellBridge<File>) => {
      if (key === BRIDGE_NAME) bridge = api;
    },
  },
  ipcRenderer: {
    invoke: async (channel: string, ...args: unknown[]) => {
      invoked.push([channel, args]);
      return null;
    },
    on: () => undefined,
    removeListener: () => undefined,
  },
  webUtils: {
    getPathForFile: (f: unknown) => {
      if (!(f instanceof File)) throw new TypeError('not a File');
      return paths.get(f) ?? '';
    },
  },
};

/** A File from disk at `path`; `rel` is the webkitRelativePath the browser sets for a picked folder. */
function diskFile(path: string, rel = ''): File {
  const f = Object.defineProperty(new File([new Uint8Array(1)], path.split('/').pop() ?? ''), 'webkitRelativePath', { value: rel });
  paths.set(f, path);
  return f;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'scopeview-preload-'));
  const out = join(dir, 'preload.cjs');
  await build({ entryPoints: [join(HERE, 'preload/preload.ts')], outfile: out, bundle: true, format: 'cjs', platform: 'browser', external: ['electron'], logLevel: 'error' });
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  loader._load = (request, ...rest) => (request === 'electron' ? fakeElectron : original(request, ...rest));
  try {
    createRequire(import.meta.url)(out);
  } finally {
    loader._load = original;
  }
});
beforeEach(() => {
  invoked.length = 0;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const openFiles = (...args: unknown[]): Promise<unknown> => (bridge?.openFiles as (...a: unknown[]) => Promise<unknown>)(...args);

describe('the preload (bundled, against a stand-in Electron)', () => {
  it('exposes one function per channel and the command subscription, nothing else', () => {
    expect(Object.keys(bridge ?? {}).sort()).toEqual(['closed', 'forget', 'onCommand', 'openFiles', 'openLocation', 'ready', 'recent', 'remember', 'reopen', 'save']);
  });

  it('sends main the paths of the Files dropped, a dropped folder as itself', async () => {
    await openFiles([diskFile('/home/u/logs')]);
    await openFiles([diskFile('/home/u/a.pb'), diskFile('/home/u/b.pbtxt')]);
    expect(invoked).toEqual([[INVOKE.openPaths, [['/home/u/logs']]], [INVOKE.openPaths, [['/home/u/a.pb', '/home/u/b.pbtxt']]]]);
  });

  it('ignores relative paths and folder names from the page: a drop is never widened', async () => {
    const inner = diskFile('/home/u/logs/run1/events.out.tfevents.1');
    // What the old bridge took as (files, relPaths, folderName) and turned into /home/u.
    await openFiles([inner], ['logs/run1/events.out.tfevents.1'], 'u');
    await openFiles([inner], ['../../../..'], '');
    expect(invoked).toEqual([[INVOKE.openPaths, [['/home/u/logs/run1/events.out.tfevents.1']]], [INVOKE.openPaths, [['/home/u/logs/run1/events.out.tfevents.1']]]]);
  });

  it('opens a folder picked with a file input as that folder, from the browser\'s relative paths', async () => {
    await openFiles([diskFile('/home/u/logs/run1/e.1', 'logs/run1/e.1'), diskFile('/home/u/logs/e.0', 'logs/e.0')]);
    expect(invoked).toEqual([[INVOKE.openPaths, [['/home/u/logs']]]]);
  });

  it('sends nothing for Files made in the page, for other objects, or for files that disagree', async () => {
    expect(await openFiles([new File(['x'], '/etc/passwd')])).toBeNull();
    expect(await openFiles([{ name: 'x', path: '/etc/passwd' }])).toBeNull();
    expect(await openFiles(['/etc/passwd'])).toBeNull();
    expect(await openFiles('/etc/passwd')).toBeNull();
    expect(await openFiles([])).toBeNull();
    expect(await openFiles([diskFile('/a/logs/x/e.1', 'logs/x/e.1'), diskFile('/b/logs/e.2', 'logs/e.2')])).toBeNull();
    expect(invoked).toEqual([]);
  });

  it('forwards closed and save on their own channels', async () => {
    await bridge?.closed();
    await bridge?.save('g.svg', new Uint8Array(1));
    expect(invoked.map(([c]) => c)).toEqual([INVOKE.closed, INVOKE.save]);
  });
});
