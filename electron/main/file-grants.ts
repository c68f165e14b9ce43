// The files the user opened, each behind an unguessable URL token: the page can fetch exactly these
// files' bytes (app://scopeview/@file/TOKEN), nothing else on disk. One token per absolute path,
// so a file re-listed by the watcher keeps its URL.
import { randomUUID } from 'node:crypto';
import { APP_ORIGIN } from '../ipc-contract';

export const FILE_PREFIX = '/@file/';

export class FileGrants {
  private readonly byToken = new Map<string, string>();
  private readonly byPath = new Map<string, string>();

  /** `origin` is the page's origin; only tests that serve the page elsewhere change it. */
  constructor(private readonly origin: string = APP_ORIGIN) {}

  /** The URL for an absolute path the user opened (the same URL every time for that path). */
  grant(path: string): string {
    let token = this.byPath.get(path);
    if (!token) {
      token = randomUUID();
      this.byPath.set(path, token);
      this.byToken.set(token, path);
    }
    return `${this.origin}${FILE_PREFIX}${token}`;
  }

  /** The granted path behind a URL path (`/@file/TOKEN`), or null. */
  resolve(urlPath: string): string | null {
    if (!urlPath.startsWith(FILE_PREFIX)) return null;
    return this.byToken.get(urlPath.slice(FILE_PREFIX.length)) ?? null;
  }

  get size(): number {
    return this.byToken.size;
  }
}
