// Remote locations in the shell (https://, s3://, gs://): main lists them and reads their bytes
// through the remote layer, and the page gets each object at app://scopeview/@file/TOKEN like a
// local file, with a random token per object, so credentials and signed URLs never reach the page.
// Main still never parses the bytes: it streams ranges into responses, a window at a time, never
// holding a whole object. Inputs are named by their secret-free display URL, which is also what
// recent items keep; object names reach the page without control or bidi characters.
import { randomUUID } from 'node:crypto';
import { APP_ORIGIN, type ShellFile, type ShellInput } from '../../common/ipc-contract';
import { openRemoteStore, type RemoteOptions } from '../../remote/open-store';
import { isRemoteLocation, parseRemoteLocation, childKey, redactText, safeText } from '../../remote/remote-location';
import { RemoteObject, type ReadPolicy } from '../../remote/remote-reader';
import type { RemoteListing, RemoteStore } from '../../remote/remote-store';
import { CSP, parseRange } from './app-protocol';
import { FILE_PREFIX } from './file-grants';
import { isEventFileName, isGraphFileName } from '../../common/file-names';

export { isRemoteLocation };

interface RemoteGrant {
  readonly owner: string;
  readonly store: RemoteStore;
  readonly path: string;
  readonly display: string;
  /** From the latest listing (the watcher lists again every few seconds). */
  size: number;
  /** Reads the object at its listed size (made again when the size changes): retries are capped per object. */
  reader: RemoteObject | null;
}

interface OpenedRemote {
  readonly key: string;
  readonly name: string;
  readonly folder: boolean;
  /** The display URL, as one "path", so recent items can reopen it. */
  readonly paths: readonly string[];
  readonly store: RemoteStore;
  /** Object path → token. */
  readonly tokens: Map<string, string>;
}

/** Live reload polls remote inputs every 5 s rather than every second: each listing is a request
 *  to the store (and on cloud stores costs money). */
export const REMOTE_POLL_MS = 5000;

/** The page's reads are answered this many bytes at a time: main never holds more of an object. */
export const SERVE_WINDOW = 4 << 20;

const SAVED_MODEL = ['saved_model.pb', 'saved_model.pbtxt'];
const HEADERS = { 'content-security-policy': CSP, 'x-content-type-options': 'nosniff', 'content-type': 'application/octet-stream', 'accept-ranges': 'bytes', 'cache-control': 'no-store' };

/** What the page is handed from a listing: a SavedModel's file, every event file, or, with none, every graph file. */
export function remoteFiles(listing: RemoteListing, location: string): { path: string; size: number }[] {
  if (listing.kind === 'file') return [{ path: '', size: listing.size }];
  const top = listing.files.find((f) => SAVED_MODEL.includes(f.path));
  if (top) return [top];
  const base = (p: string): string => p.slice(p.lastIndexOf('/') + 1);
  const events = listing.files.filter((f) => isEventFileName(base(f.path))).sort((a, b) => (a.path < b.path ? -1 : 1));
  if (events.length > 0) return events;
  const graphs = listing.files.filter((f) => isGraphFileName(base(f.path))).sort((a, b) => (a.path < b.path ? -1 : 1));
  if (graphs.length === 0) throw new Error(`${location} holds no event files (*tfevents*), no graph files (.pb, .pbtxt, .meta) and no SavedModel`);
  return graphs;
}

/** What main asks before opening a location the page sent: its secret-free name, or why it cannot. */
export function locationQuestion(location: string): { message: string; detail: string } | { error: string } {
  try {
    const { display } = parseRemoteLocation(location);
    return { message: `Open ${display}?`, detail: 'Scopeview will list and read it from this computer, with the credentials configured here for it.' };
  } catch (err) {
    return { error: redactText(err instanceof Error ? err.message : String(err)) };
  }
}

export class RemoteInputs {
  private readonly inputs = new Map<string, OpenedRemote>();
  private readonly byToken = new Map<string, RemoteGrant>();

  constructor(private readonly options: RemoteOptions & { policy?: ReadPolicy } = {}, private readonly origin: string = APP_ORIGIN) {}

  get(key: string): OpenedRemote | null {
    return this.inputs.get(key) ?? null;
  }

  /** Opens a remote location; throws an Error with a secret-free sentence for the user. */
  async open(text: string): Promise<ShellInput> {
    const location = parseRemoteLocation(text);
    const store = await openRemoteStore(location, this.options);
    let listing: RemoteListing;
    try {
      listing = await store.describe();
    } catch (err) {
      store.close();
      throw err;
    }
    const opened: OpenedRemote = { key: randomUUID(), name: location.display, folder: listing.kind === 'folder', paths: [location.display], store, tokens: new Map() };
    this.inputs.set(opened.key, opened);
    return this.input(opened, listing);
  }

  /** Lists the input again (live reload): new objects get tokens, sizes are brought up to date. */
  async describe(key: string): Promise<ShellInput> {
    const opened = this.inputs.get(key);
    if (!opened) throw new Error('the input was closed');
    return this.input(opened, await opened.store.describe());
  }

  private input(opened: OpenedRemote, listing: RemoteListing): ShellInput {
    const files: ShellFile[] = [];
    for (const f of remoteFiles(listing, opened.name)) {
      let token = opened.tokens.get(f.path);
      if (!token) {
        token = randomUUID();
        opened.tokens.set(f.path, token);
        this.byToken.set(token, { owner: opened.key, store: opened.store, path: f.path, display: childKey(opened.name, safeText(f.path)), size: f.size, reader: null });
      }
      (this.byToken.get(token) as RemoteGrant).size = f.size;
      const name = f.path === '' ? opened.name.slice(opened.name.lastIndexOf('/') + 1) : safeText(f.path);
      files.push({ path: name, url: `${this.origin}${FILE_PREFIX}${token}`, size: f.size });
    }
    return { key: opened.key, name: opened.name, folder: opened.folder, files };
  }

  /** The grant behind an app:// path, or null (then it may be a local file's). */
  resolve(urlPath: string): RemoteGrant | null {
    return urlPath.startsWith(FILE_PREFIX) ? this.byToken.get(urlPath.slice(FILE_PREFIX.length)) ?? null : null;
  }

  /**
   * Answers a page's request for a remote object's bytes, by Range, as the local files are. The
   * first window is read before answering (a failure there is a 502 the page reports); the rest is
   * streamed as the page takes it, and a break later on ends the body with an error.
   */
  async serve(grant: RemoteGrant, req: Request): Promise<Response> {
    const size = grant.size;
    const range = parseRange(req.headers.get('range'), size);
    if (range === 'unsatisfiable') return new Response(null, { status: 416, headers: { ...HEADERS, 'content-range': `bytes */${size}` } });
    if (req.method === 'HEAD' || size === 0) return new Response(null, { status: 200, headers: { ...HEADERS, 'content-length': String(size) } });
    const start = range?.start ?? 0;
    const end = (range?.end ?? size - 1) + 1;
    if (grant.reader?.size !== size) grant.reader = new RemoteObject(grant.store, grant.path, size, grant.display, this.options.policy);
    const reader = grant.reader;
    const failed = (message: string): Response => new Response(message, { status: 502, headers: { ...HEADERS, 'content-type': 'text/plain; charset=utf-8' } });
    let first: Uint8Array;
    try {
      first = await reader.read(start, Math.min(end, start + SERVE_WINDOW));
    } catch (err) {
      return failed(err instanceof Error ? err.message : 'reading failed');
    }
    // The connection broke and stayed broken: the page's reader treats the failure like an I/O error
    // at this offset, keeping the graphs it read before.
    if (first.length === 0) return failed(reader.interrupted?.message ?? `the connection to ${grant.display} broke at byte ${start}`);
    // A short first window (the object shrank, or the connection broke part-way) says so in its range.
    const last = first.length < Math.min(end - start, SERVE_WINDOW) ? start + first.length : end;
    let at = start + first.length;
    let pending: Uint8Array | null = first;
    const body = new ReadableStream<Uint8Array>({
      pull: async (controller) => {
        if (pending) {
          controller.enqueue(pending);
          pending = null;
          return;
        }
        if (at >= last) {
          controller.close();
          return;
        }
        const bytes = await reader.read(at, Math.min(last, at + SERVE_WINDOW)).catch((err: unknown) => err as Error);
        if (bytes instanceof Error || bytes.length < Math.min(last - at, SERVE_WINDOW)) {
          controller.error(new Error(bytes instanceof Error ? bytes.message : reader.interrupted?.message ?? `${grant.display} ended at byte ${at}`));
          return;
        }
        at += bytes.length;
        controller.enqueue(bytes);
      },
    }, { highWaterMark: 0 });
    const length = String(last - start);
    if (range === null && last === end) return new Response(body, { status: 200, headers: { ...HEADERS, 'content-length': length } });
    return new Response(body, { status: 206, headers: { ...HEADERS, 'content-length': length, 'content-range': `bytes ${start}-${last - 1}/${size}` } });
  }

  /** Closes inputs: their tokens answer 404 and their connections are dropped. */
  close(keys: Iterable<string>): void {
    for (const key of [...keys]) {
      const opened = this.inputs.get(key);
      if (!opened) continue;
      for (const token of opened.tokens.values()) this.byToken.delete(token);
      opened.store.close();
      this.inputs.delete(key);
    }
  }

  closeAllExcept(keep: readonly string[]): void {
    this.close([...this.inputs.keys()].filter((k) => !keep.includes(k)));
  }
}
