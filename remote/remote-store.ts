// The contract every scheme implements (http(s), s3, gs), and the errors they raise: a kind a
// caller can act on (retry, give up, fall back) and a message a user understands, secret-free.

import type { RemoteLocation } from './remote-location';

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

export type RemoteErrorKind = 'access-denied' | 'no-such-bucket' | 'not-found' | 'unsupported' | 'transient' | 'failed';

export class RemoteError extends Error {
  constructor(readonly kind: RemoteErrorKind, message: string) {
    super(message);
    this.name = 'RemoteError';
  }

  /** Worth another try: timeouts, dropped connections, 5xx and throttling. */
  get retryable(): boolean {
    return this.kind === 'transient';
  }
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

/** Removes every occurrence of each secret (keys, tokens, signed queries) from a message. */
export function scrub(message: string, secrets: readonly (string | undefined)[]): string {
  let out = message;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join('…');
  return out.replace(/([?&](X-Amz-[A-Za-z-]+|X-Goog-[A-Za-z-]+|Signature|sig|token|access_token|key)=)[^&\s"']*/gi, '$1…');
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
