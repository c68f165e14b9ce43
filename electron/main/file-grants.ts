// The files the user opened, each behind an unguessable URL token: the page can fetch exactly these
// files' bytes (app://scopeview/@file/TOKEN), nothing else on disk. A grant belongs to the input
// that listed it (its owner) and ends with it; within an input a path keeps one token, so a file
// re-listed by the watcher keeps its URL.
import { randomUUID } from 'node:crypto';
import { APP_ORIGIN } from '../../common/ipc-contract';

export const FILE_PREFIX = '/@file/';

/** A granted file: `path` is a real path (no symlink on it) at or under the real path `root`. */
export interface Grant {
  readonly path: string;
  /** The file or folder the user chose; `path` must stay inside it (checked again when served). */
  readonly root: string;
  /** The key of the input it was granted for. */
  readonly owner: string;
}

export class FileGrants {
  private readonly byToken = new Map<string, Grant>();
  /** owner → path → token. */
  private readonly byOwner = new Map<string, Map<string, string>>();

  /** `origin` is the page's origin; only tests that serve the page elsewhere change it. */
  constructor(private readonly origin: string = APP_ORIGIN) {}

  /** The URL for `path` listed under `root` for the input `owner` (the same URL every time). */
  grant(owner: string, root: string, path: string): string {
    let paths = this.byOwner.get(owner);
    if (!paths) this.byOwner.set(owner, (paths = new Map()));
    let token = paths.get(path);
    if (!token) {
      token = randomUUID();
      paths.set(path, token);
      this.byToken.set(token, { path, root, owner });
    }
    return `${this.origin}${FILE_PREFIX}${token}`;
  }

  /** The grant behind a URL path (`/@file/TOKEN`), or null. */
  resolve(urlPath: string): Grant | null {
    if (!urlPath.startsWith(FILE_PREFIX)) return null;
    return this.byToken.get(urlPath.slice(FILE_PREFIX.length)) ?? null;
  }

  /** Ends every grant of `owner`: its URLs answer 404 from now on. */
  revoke(owner: string): void {
    for (const token of this.byOwner.get(owner)?.values() ?? []) this.byToken.delete(token);
    this.byOwner.delete(owner);
  }

  get size(): number {
    return this.byToken.size;
  }
}
