// https:// and http:// locations: one file, read with Range requests through Node's fetch. A
// server that ignores Range (answers 200 with the whole body) is detected on the first request and
// said so; the file is then downloaded once, with progress, capped at its announced size (or at
// MAX_WHOLE_BYTES), and reads are served from that copy. Every request has an idle timeout;
// redirects are followed by hand within the origin; compressed bodies are refused. Folders are not
// supported: HTTP has no standard listing that could be parsed safely.
import { formatBytesDecimal } from '../common/format-bytes';
import { safeText, type RemoteLocation } from './remote-location';
import { IdleTimer, RemoteError, isNetworkError, kindOfStatus, scrub, type RemoteListing, type RemoteStore } from './remote-store';

export interface HttpStoreOptions {
  /** Told once when the server ignores Range and the whole file must be downloaded. */
  readonly onNotice?: (message: string) => void;
  /** Whole-file download progress (only for servers that ignore Range). */
  readonly onProgress?: (done: number, total: number) => void;
  /** A request that delivers nothing for this long fails (30 s by default). */
  readonly idleTimeoutMs?: number;
  /** The largest whole-file download when a server ignores Range (MAX_WHOLE_BYTES by default). */
  readonly maxWholeBytes?: number;
}

/** A whole-file download (a server that ignores Range) stops here: 2 GiB, kept in memory. */
export const MAX_WHOLE_BYTES = 2 * 1024 ** 3;
/** Redirects followed per request; each must stay on the location's origin. */
export const MAX_REDIRECTS = 5;
const IDLE_MS = 30_000;

export class HttpStore implements RemoteStore {
  private readonly target: string;
  private readonly origin: string;
  private readonly headers: Record<string, string> = {};
  private readonly secrets: string[] = [];
  /** Known after the first request: false when the server sends whole bodies to Range requests. */
  private ranges: boolean | null = null;
  private whole: Promise<Uint8Array> | null = null;
  /** The size the last look found (a whole copy's length when the server gives no length). */
  private knownSize: number | null = null;
  private readonly aborter = new AbortController();

  constructor(readonly location: RemoteLocation, private readonly options: HttpStoreOptions = {}) {
    // fetch refuses URLs with credentials: they travel as a Basic header and are never shown.
    const url = new URL(location.url);
    if (url.username || url.password) {
      const user = decodeURIComponent(url.username);
      const pass = decodeURIComponent(url.password);
      this.headers['authorization'] = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
      this.secrets.push(url.username, url.password, user, pass);
      url.username = '';
      url.password = '';
    }
    if (url.search) this.secrets.push(url.search.slice(1));
    url.hash = '';
    this.target = url.href;
    this.origin = url.origin;
    if (url.pathname.endsWith('/')) {
      throw new RemoteError('unsupported', `${location.display} is a folder URL: over http(s) only single files can be opened (HTTP has no standard folder listing); give the URL of an event file, or use s3:// or gs:// for a logdir`);
    }
  }

  async describe(): Promise<RemoteListing> {
    const idle = this.idle();
    try {
      const res = await this.fetch({ range: 'bytes=0-0' }, idle.signal);
      let keep = false;
      try {
        if (res.status === 416) return { kind: 'file', size: 0 };
        if (res.status === 206) {
          this.ranges = true;
          const total = /\/(\d+)\s*$/.exec(res.headers.get('content-range') ?? '');
          if (!total) throw new RemoteError('failed', `${this.location.display}: the server answered a range without the file's size (Content-Range)`);
          return { kind: 'file', size: Number(total[1]) };
        }
        if (res.status === 200) {
          this.ranges = false;
          const length = res.headers.get('content-length');
          if (length !== null) {
            const size = Number(length);
            // The file changed since it was downloaded: the copy is stale.
            if (size !== this.knownSize) this.whole = null;
            this.knownSize = size;
            return { kind: 'file', size };
          }
          // No length (chunked): the only way to learn the size is to read the body, once. Looking
          // again (live reload) does not download it again: growth cannot be seen without a length.
          if (this.knownSize !== null) return { kind: 'file', size: this.knownSize };
          keep = true;
          return { kind: 'file', size: (await this.keepWhole(this.collect(res, null, idle))).length };
        }
        throw this.statusError(res.status);
      } finally {
        if (!keep) await res.body?.cancel().catch(() => undefined);
      }
    } catch (err) {
      throw this.networkError(idle.cause(err));
    } finally {
      idle.clear();
    }
  }

  async stream(_path: string, start: number, end: number, onChunk: (b: Uint8Array) => void, signal: AbortSignal): Promise<void> {
    if (this.ranges !== false) {
      const res = await this.fetch({ range: `bytes=${start}-${end - 1}` }, signal);
      if (res.status !== 200) return this.ranged(res, start, end, onChunk);
      // Found out only now (no describe first): switch to one whole download.
      await res.body?.cancel().catch(() => undefined);
      this.ranges = false;
    }
    // The download has its own idle timeout: the caller's, armed by chunks, would fire while a
    // large file is still arriving.
    onChunk((await this.wholeFile()).subarray(start, end));
  }

  private async ranged(res: Response, start: number, end: number, onChunk: (b: Uint8Array) => void): Promise<void> {
    if (res.status === 416) return;
    if (res.status !== 206) {
      await res.body?.cancel().catch(() => undefined);
      throw this.statusError(res.status);
    }
    const first = /^bytes (\d+)-/.exec(res.headers.get('content-range') ?? '');
    if (!first || Number(first[1]) !== start) {
      await res.body?.cancel().catch(() => undefined);
      throw new RemoteError('failed', `${this.location.display}: the server answered another byte range than the one asked for`);
    }
    // Bytes past the range asked for are not read: a body that goes on is cut at `end`.
    await this.pump(res, end - start, onChunk);
  }

  close(): void {
    this.aborter.abort();
    this.whole = null;
  }

  private idle(outer?: AbortSignal): IdleTimer {
    return new IdleTimer(this.options.idleTimeoutMs ?? IDLE_MS, this.location.display, outer);
  }

  private wholeFile(): Promise<Uint8Array> {
    if (!this.whole) {
      const idle = this.idle();
      this.keepWhole(this.fetch({}, idle.signal).then((res) => {
        if (res.status !== 200) throw this.statusError(res.status);
        return this.collect(res, lengthOf(res), idle);
      }).catch((err: unknown) => { throw this.networkError(idle.cause(err)); }).finally(() => idle.clear()));
    }
    return this.whole as Promise<Uint8Array>;
  }

  /** Caches a whole download; a failed one is not kept: the next read tries again. */
  private keepWhole(download: Promise<Uint8Array>): Promise<Uint8Array> {
    this.whole = download;
    download.catch(() => { if (this.whole === download) this.whole = null; });
    return download;
  }

  /** Reads a 200 response's whole body, saying first that ranges are ignored: never more than the
   *  announced length, nor than the cap, each chunk re-arming the idle timeout. */
  private async collect(res: Response, total: number | null, idle: IdleTimer): Promise<Uint8Array> {
    const cap = this.options.maxWholeBytes ?? MAX_WHOLE_BYTES;
    if (total !== null && total > cap) {
      await res.body?.cancel().catch(() => undefined);
      throw this.tooLarge(cap, total);
    }
    this.options.onNotice?.(`the server ignores Range requests: reading the whole ${total !== null ? formatBytesDecimal(total) : '(size unknown)'} file`);
    const parts: Uint8Array[] = [];
    let done = 0;
    const complete = await this.pump(res, total ?? cap + 1, (b) => {
      idle.arm();
      parts.push(b);
      done += b.length;
      this.options.onProgress?.(done, total ?? done);
    });
    if (total === null && done > cap) throw this.tooLarge(cap, null);
    if (total !== null && !complete) {
      throw new RemoteError('truncated', `${this.location.display}: the download ended at byte ${done} of the ${total} announced`, done);
    }
    this.knownSize = done;
    return Buffer.concat(parts, done);
  }

  /**
   * Streams a body to `onChunk`, at most `limit` bytes; true when it got all of them. A body that
   * ends on its own is read to its end (its connection can be reused); one that goes on past the
   * limit is cancelled at the first chunk beyond it.
   */
  private async pump(res: Response, limit: number, onChunk: (b: Uint8Array) => void): Promise<boolean> {
    if (!res.body) return limit === 0;
    const reader = res.body.getReader();
    let got = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (got >= limit) {
          await reader.cancel().catch(() => undefined);
          break;
        }
        const n = Math.min(value.length, limit - got);
        got += n;
        onChunk(n === value.length ? value : value.subarray(0, n));
      }
    } catch (err) {
      if (got < limit) throw this.networkError(err);
    } finally {
      reader.releaseLock();
    }
    return got >= limit;
  }

  /**
   * One request, redirects followed by hand: within the location's origin only (credentials are
   * for it), at most MAX_REDIRECTS. A redirect elsewhere, or from https to http, is refused with
   * the host it named: the user agreed to read from this one.
   */
  private async fetch(opts: { range?: string }, signal: AbortSignal): Promise<Response> {
    const headers: Record<string, string> = { ...this.headers };
    if (opts.range) headers['range'] = opts.range;
    // Compressed bodies would make byte ranges refer to the encoding, not the file.
    headers['accept-encoding'] = 'identity';
    const both = AbortSignal.any([signal, this.aborter.signal]);
    let url = this.target;
    for (let hops = 0; ; hops++) {
      let res: Response;
      try {
        res = await fetch(url, { headers, signal: both, redirect: 'manual' });
      } catch (err) {
        throw this.networkError(err);
      }
      const encoding = res.headers.get('content-encoding');
      if (encoding !== null && encoding.trim().toLowerCase() !== 'identity' && encoding.trim() !== '') {
        await res.body?.cancel().catch(() => undefined);
        throw new RemoteError('unsupported', `${this.location.display}: the server sent a compressed body (Content-Encoding: ${safeText(encoding).slice(0, 40)}) although none was asked for; its bytes are not the file's`);
      }
      if (![301, 302, 303, 307, 308].includes(res.status)) return res;
      await res.body?.cancel().catch(() => undefined);
      const next = this.redirectTarget(url, res.headers.get('location'), hops);
      url = next;
    }
  }

  private redirectTarget(from: string, location: string | null, hops: number): string {
    const where = this.location.display;
    if (location === null) throw new RemoteError('failed', `${where}: the server answered a redirect without a Location`);
    let next: URL;
    try {
      next = new URL(location, from);
    } catch {
      throw new RemoteError('failed', `${where}: the server redirected to an address that is not a valid URL`);
    }
    const host = safeText(`${next.protocol}//${next.host}`);
    if (new URL(from).protocol === 'https:' && next.protocol !== 'https:') {
      throw new RemoteError('access-denied', `${where}: the server redirected from https to ${host}, which is not followed (it would send the request unencrypted)`);
    }
    if (next.origin !== this.origin) {
      throw new RemoteError('access-denied', `${where}: the server redirected to another host, ${host}, which is not followed; open that address itself if you trust it`);
    }
    if (hops + 1 > MAX_REDIRECTS) throw new RemoteError('failed', `${where}: more than ${MAX_REDIRECTS} redirects`);
    next.hash = '';
    return next.href;
  }

  private tooLarge(cap: number, total: number | null): RemoteError {
    return new RemoteError('too-large', `${this.location.display}: the server ignores Range requests and the file is ${total !== null ? formatBytesDecimal(total) : 'larger than the limit'}; at most ${formatBytesDecimal(cap)} is downloaded whole`);
  }

  private networkError(err: unknown): RemoteError {
    if (err instanceof RemoteError) return err;
    const detail = scrub(err instanceof Error ? `${err.message}${err.cause instanceof Error ? `: ${err.cause.message}` : ''}` : String(err), this.secrets);
    if (isNetworkError(err)) return new RemoteError('transient', `${this.location.display}: ${detail}`);
    return new RemoteError('failed', `${this.location.display}: ${detail}`);
  }

  private statusError(status: number): RemoteError {
    const kind = kindOfStatus(status);
    const where = this.location.display;
    switch (kind) {
      case 'access-denied':
        return new RemoteError(kind, `access denied to ${where} (HTTP ${status}; ${this.headers['authorization'] ? 'credentials from the URL' : 'no credentials were sent'})`);
      case 'not-found':
        return new RemoteError(kind, `not found: ${where} (HTTP ${status})`);
      default:
        return new RemoteError(kind, `${where}: the server answered HTTP ${status}`);
    }
  }
}

/** A response's Content-Length, or null when it has none (chunked) or it is not a number. */
function lengthOf(res: Response): number | null {
  const text = res.headers.get('content-length');
  return text !== null && /^\d+$/.test(text.trim()) ? Number(text) : null;
}
