// Turns paths the user chose (dialog, command line, drop, recent item) into ShellInputs: listed,
// granted for byte access, and registered under a key so they can be remembered and watched.
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename, isAbsolute } from 'node:path';
import type { ShellFile, ShellInput } from '../ipc-contract';
import type { FileGrants } from './file-grants';
import { listFolder } from './logdir';

/** What main remembers about an input it handed to the page. */
export interface OpenedPaths {
  readonly key: string;
  readonly name: string;
  readonly folder: boolean;
  /** The chosen paths: one folder, or one or more files. */
  readonly paths: readonly string[];
}

export class InputError extends Error {
  override name = 'InputError';
}

export class InputRegistry {
  private readonly inputs = new Map<string, OpenedPaths>();

  constructor(private readonly grants: FileGrants) {}

  get(key: string): OpenedPaths | null {
    return this.inputs.get(key) ?? null;
  }

  /** Opens absolute paths: one folder, or files. Throws InputError with a sentence for the user. */
  async open(paths: readonly string[]): Promise<ShellInput> {
    if (paths.length === 0) throw new InputError('nothing to open');
    const kinds: ('file' | 'folder')[] = [];
    for (const p of paths) {
      if (!isAbsolute(p)) throw new InputError(`not an absolute path: ${p}`);
      try {
        const st = await stat(p);
        if (st.isDirectory()) kinds.push('folder');
        else if (st.isFile()) kinds.push('file');
        else throw new InputError(`${p} is neither a file nor a folder`);
      } catch (err) {
        if (err instanceof InputError) throw err;
        throw new InputError(`${p} does not exist or cannot be read`);
      }
    }
    // Like the browser host's drop: a folder wins over loose files dropped with it.
    const dir = paths[kinds.indexOf('folder')];
    const opened: OpenedPaths = dir !== undefined
      ? { key: randomUUID(), name: basename(dir), folder: true, paths: [dir] }
      : { key: randomUUID(), name: paths.length === 1 ? basename(paths[0] as string) : `${paths.length} files`, folder: paths.length > 1, paths: [...paths] };
    this.inputs.set(opened.key, opened);
    return this.describe(opened);
  }

  /** The input's current files and sizes (listed again: a logdir may have new runs). */
  async describe(opened: OpenedPaths): Promise<ShellInput> {
    let files: ShellFile[];
    if (opened.folder && opened.paths.length === 1 && (await stat(opened.paths[0] as string).catch(() => null))?.isDirectory()) {
      const listing = await listFolder(opened.paths[0] as string);
      files = listing.files.map((f) => ({ path: f.rel, url: this.grants.grant(f.abs), size: f.size }));
    } else {
      files = [];
      for (const p of opened.paths) {
        const st = await stat(p).catch(() => null);
        if (st?.isFile()) files.push({ path: basename(p), url: this.grants.grant(p), size: st.size });
      }
    }
    return { key: opened.key, name: opened.name, folder: opened.folder, files };
  }
}
