// Turns paths the user chose (dialog, command line, drop, recent item) into ShellInputs: listed,
// granted for byte access, and registered under a key so they can be remembered and watched.
// Each chosen path is resolved to its real path once, here; below it nothing follows a symlink.
// Closing an input ends its grants.
import { randomUUID } from 'node:crypto';
import { realpath, stat } from 'node:fs/promises';
import { basename, isAbsolute, normalize } from 'node:path';
import type { ShellFile, ShellInput } from '../../common/ipc-contract';
import type { FileGrants } from './file-grants';
import { isEventFileName, isGraphFileName } from '../../common/file-names';
import { listFolder, regularFileSize } from './logdir';

/** What main remembers about an input it handed to the page. */
export interface OpenedPaths {
  readonly key: string;
  readonly name: string;
  readonly folder: boolean;
  /** The chosen paths, resolved to real paths: one folder, or one or more files. */
  readonly paths: readonly string[];
}

/**
 * Where paths come from. `user`: main itself learned them (dialog, command line, recent item, file
 * association). `page`: the page sent them (a drop or a file input, through the preload), so they
 * are held to what a drop of graph files can be (see pagePathProblem).
 */
export type PathSource = 'user' | 'page';

export class InputError extends Error {
  override name = 'InputError';
}

/**
 * Why main refuses a path the page sent, or null. The preload sends only paths the browser gave
 * real File objects, but main cannot see those: if the renderer process itself were taken over it
 * could send any path. So a page path must be absolute and normalised, and a file must be named as
 * TensorFlow names graph files; refusing costs little, as the page still reads the bytes it holds.
 */
export function pagePathProblem(p: string, kind: 'file' | 'folder'): string | null {
  if (!isAbsolute(p) || normalize(p) !== p) return `not a normalised absolute path: ${p}`;
  if (kind === 'file' && !isEventFileName(basename(p)) && !isGraphFileName(basename(p))) return `not a graph file name: ${basename(p)}`;
  return null;
}

export class InputRegistry {
  private readonly inputs = new Map<string, OpenedPaths>();

  constructor(private readonly grants: FileGrants) {}

  get(key: string): OpenedPaths | null {
    return this.inputs.get(key) ?? null;
  }

  /** Opens absolute paths: one folder, or files. Throws InputError with a sentence for the user. */
  async open(paths: readonly string[], source: PathSource = 'user'): Promise<ShellInput> {
    if (paths.length === 0) throw new InputError('nothing to open');
    const real: string[] = [];
    const kinds: ('file' | 'folder')[] = [];
    for (const p of paths) {
      if (!isAbsolute(p)) throw new InputError(`not an absolute path: ${p}`);
      // The chosen path may itself be a link (a logdir symlinked into the home folder): the user
      // chose it, so its target is the root. Nothing below the root is followed.
      const r = await realpath(p).catch(() => null);
      const st = r === null ? null : await stat(r).catch(() => null);
      if (r === null || st === null) throw new InputError(`${p} does not exist or cannot be read`);
      const kind = st.isDirectory() ? 'folder' : st.isFile() ? 'file' : null;
      if (kind === null) throw new InputError(`${p} is neither a file nor a folder`);
      const problem = source === 'page' ? (pagePathProblem(p, kind) ?? pagePathProblem(r, kind)) : null;
      if (problem) throw new InputError(problem);
      real.push(r);
      kinds.push(kind);
    }
    // Like the browser host's drop: a folder wins over loose files dropped with it.
    const dir = real[kinds.indexOf('folder')];
    const opened: OpenedPaths = dir !== undefined
      ? { key: randomUUID(), name: basename(dir), folder: true, paths: [dir] }
      : { key: randomUUID(), name: real.length === 1 ? basename(real[0] as string) : `${real.length} files`, folder: real.length > 1, paths: real };
    this.inputs.set(opened.key, opened);
    return this.describe(opened);
  }

  /** The input's current files and sizes (listed again: a logdir may have new runs). */
  async describe(opened: OpenedPaths): Promise<ShellInput> {
    const files: ShellFile[] = [];
    const root = opened.paths[0] as string;
    if (opened.folder && opened.paths.length === 1 && (await stat(root).catch(() => null))?.isDirectory()) {
      const listing = await listFolder(root);
      for (const f of listing.files) files.push({ path: f.rel, url: this.grant(opened, root, f.abs), size: f.size });
    } else {
      for (const p of opened.paths) {
        const size = await regularFileSize(p);
        if (size !== null) files.push({ path: basename(p), url: this.grant(opened, p, p), size });
      }
    }
    return { key: opened.key, name: opened.name, folder: opened.folder, files };
  }

  /** A closed input is not described again: a late watcher tick must not grant anew. */
  private grant(opened: OpenedPaths, root: string, path: string): string {
    if (this.inputs.get(opened.key) !== opened) throw new InputError(`${opened.name} was closed`);
    return this.grants.grant(opened.key, root, path);
  }

  /** Closes inputs: their grants end and their keys are forgotten. */
  close(keys: Iterable<string>): void {
    for (const key of [...keys]) {
      this.inputs.delete(key);
      this.grants.revoke(key);
    }
  }

  /** Closes every input but `keep` (the ones the page shows now). */
  closeAllExcept(keep: readonly string[]): void {
    this.close([...this.inputs.keys()].filter((k) => !keep.includes(k)));
  }
}
