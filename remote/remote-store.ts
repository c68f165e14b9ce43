// The contract every scheme implements (http(s), s3, gs), and the errors they raise: a kind a
// caller can act on (retry, give up, fall back) and a message a user understands, secret-free.

import { keyProblem, safeText, type RemoteLocation } from './remote-location';

export interface RemoteFileInfo {
  /** '/'-separated path relative to the location ('' when the location is this file). */
  readonly path: string;
  readonly size: number;
}

/** What a location holds now: one object, or a folder (prefix) of objects. */
export type RemoteListing =
  | { readonly kind: 'file'; readonly size: number }
  | { readonly kind: 'folder'; readonly files: readonly RemoteFileInfo[] };

export interface RemoteStore {
  readonly location: RemoteLocation;
  /** Lists the location (a folder's objects with their sizes, or one object's size). */
  describe(): Promise<RemoteListing>;
  /**
   * Streams bytes [start, end) of the object at `path` (relative, as listed) to `onChunk` as they
   * arrive, and resolves at the end of the body. Rejects with a RemoteError on failure, after
   * onChunk has seen whatever arrived, so a reader can resume where the body broke.
   */
  stream(path: string, start: number, end: number, onChunk: (bytes: Uint8Array) => void, signal: AbortSignal): Promise<void>;
  /** Drops connections and caches. */
  close(): void;
}

export type RemoteErrorKind = 'access-denied' | 'no-such-bucket' | 'not-found' | 'unsupported' | 'transient' | 'truncated' | 'too-large' | 'failed';

export class RemoteError extends Error {
  constructor(
    readonly kind: RemoteErrorKind,
    message: string,
    /** The first byte that could not be read, for 'truncated'. */
    readonly offset: number | null = null,
  ) {
    super(message);
    this.name = 'RemoteError';
  }

  /** Worth another try: timeouts, dropped connections, 5xx and throttling. */
  get retryable(): boolean {
    return this.kind === 'transient';
  }
}

/**
 * An idle timeout for one request: `signal` aborts (with a transient RemoteError as its reason)
 * when `arm` was not called again within `ms`. Armed on creation; each arriving chunk re-arms it.
 */
export class IdleTimer {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  readonly signal: AbortSignal;

  constructor(private readonly ms: number, private readonly what: string, outer?: AbortSignal) {
    this.signal = outer ? AbortSignal.any([outer, this.controller.signal]) : this.controller.signal;
    this.arm();
  }

  arm(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.controller.abort(new RemoteError('transient', `no data from ${this.what} for ${this.ms / 1000} s`)), this.ms);
  }

  /** Ends the request on purpose (all bytes asked for arrived); `reason` is what the abort carries. */
  abort(reason: Error): void {
    this.controller.abort(reason);
  }

  clear(): void {
    clearTimeout(this.timer);
  }

  /** The timeout that caused an abort, if it did; otherwise `err`. */
  cause(err: unknown): unknown {
    return this.controller.signal.aborted && this.controller.signal.reason instanceof RemoteError ? this.controller.signal.reason : err;
  }
}

/** Listings stop after this many pages, whatever the files count: a server that hands out next
 *  tokens forever must not keep a reader listing forever. 1,000 pages of 1,000 keys is the cap. */
export const MAX_LIST_PAGES = 1000;

/**
 * Pages through a listing: `page(token)` returns a page's files and its next token. Stops at the
 * last page, at MAX_LIST_PAGES, at `maxFiles`, when a token repeats, and when a page with a next
 * token adds no file (empty, or only folder markers): a real store never needs either to go on,
 * and a broken or hostile one would otherwise be listed without end.
 */
export async function listPages(page: (token: string | undefined) => Promise<{ files: RemoteFileInfo[]; next: string | undefined }>, maxFiles: number): Promise<RemoteFileInfo[]> {
  const files: RemoteFileInfo[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  for (let pages = 0; pages < MAX_LIST_PAGES; pages++) {
    const p = await page(token);
    files.push(...p.files);
    if (p.next === undefined || p.next === '' || p.files.length === 0 || seen.has(p.next) || files.length >= maxFiles) break;
    seen.add(p.next);
    token = p.next;
  }
  return files.slice(0, maxFiles);
}

/** HTTP status → error kind, for the stores that see statuses. */
export function kindOfStatus(status: number): RemoteErrorKind {
  if (status === 401 || status === 403) return 'access-denied';
  if (status === 404 || status === 410) return 'not-found';
  if (status === 408 || status === 429 || status >= 500) return 'transient';
  return 'failed';
}

/** Node and undici network failures that another try may cure. */
export function isNetworkError(err: unknown): boolean {
  const codes = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ERR_STREAM_PREMATURE_CLOSE']);
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && codes.has(code)) return true;
    if (e.name === 'TimeoutError' || e.message === 'terminated' || e.message === 'aborted' || /socket hang up|premature close|other side closed/i.test(e.message)) return true;
  }
  return false;
}

/** Removes every occurrence of each secret (keys, tokens, signed queries) from a message, and
 *  characters that must not reach a terminal. */
export function scrub(message: string, secrets: readonly (string | undefined)[]): string {
  let out = message;
  // Each secret also as it travels in a query or a header value (percent-encoded).
  const forms = secrets.flatMap((s) => (s ? [s, encodeURIComponent(s)] : []));
  for (const s of forms.sort((a, b) => b.length - a.length)) if (s.length >= 4) out = out.split(s).join('…');
  // Library text may quote object names: shown without control or bidi characters.
  return safeText(out.replace(/([?&](X-Amz-[A-Za-z-]+|X-Goog-[A-Za-z-]+|Signature|sig|token|access_token|key)=)[^&\s"']*/gi, '$1…'));
}

/**
 * A key, checked before it is sent: a key with '.', '..' or empty
 * segments is refused (keyProblem), so no request leaves the bucket and prefix the user named.
 * With `object` a folder key (trailing '/') is refused too: only objects are read.
 */
export function confinedKey(location: RemoteLocation, key: string, object = false): string {
  const problem = keyProblem(key) ?? (object && (key === '' || key.endsWith('/')) ? 'it names a folder' : null);
  if (problem) throw new RemoteError('unsupported', `${safeText(`${location.scheme}://${location.bucket}/${key}`)} is not read: ${problem}`);
  return key;
}

/**
 * What object stores share: a key that names an object is a file; otherwise (or with a trailing
 * '/', or the bucket's root) the key is a folder prefix, listed; nothing under it is "not found".
 * `head` returns an object's size, or null when there is no such object.
 */
export async function describeKey(
  location: RemoteLocation,
  head: (key: string) => Promise<number | null>,
  list: (prefix: string) => Promise<RemoteFileInfo[]>,
): Promise<RemoteListing> {
  const { key } = location;
  if (key !== '' && !key.endsWith('/')) {
    const size = await head(key);
    if (size !== null) return { kind: 'file', size };
  }
  const prefix = key === '' || key.endsWith('/') ? key : `${key}/`;
  const files = await list(prefix);
  if (files.length === 0 && key !== '') throw new RemoteError('not-found', `not found: ${location.display} (no object and no folder of that name)`);
  return { kind: 'folder', files };
}
