// https:// and http:// locations: one file, read with Range requests through Node's fetch. A
// server that ignores Range (answers 200 with the whole body) is detected on the first request and
// said so; the file is then downloaded once, with progress, and reads are served from that copy.
// Folders are not supported: HTTP has no standard listing that could be parsed safely.
import { formatBytes, type RemoteLocation } from './remote-location';
import { RemoteError, isNetworkError, kindOfStatus, scrub, type RemoteListing, type RemoteStore } from './remote-store';

export interface HttpStoreOptions {
  /** Told once when the server ignores Range and the whole file must be downloaded. */
  readonly onNotice?: (message: string) => void;
  /** Whole-file download progress (only for servers that ignore Range). */
  readonly onProgress?: (done: number, total: number) => void;
}

export class HttpStore implements RemoteStore {
  private readonly target: string;
  private readonly headers: Record<string, string> = {};
  private readonly secrets: string[] = [];
  /** Known after the first request: false when the server sends whole bodies to Range requests. */
  private ranges: boolean | null = null;
  private whole: Promise<Uint8Array> | null = null;
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
    this.target = url.href;
    if (url.pathname.endsWith('/')) {
      throw new RemoteError('unsupported', `${location.display} is a folder URL: over http(s) only single files can be opened (HTTP has no standard folder listing); give the URL of an event file, or use s3:// or gs:// for a logdir`);
    }
  }

  async describe(): Promise<RemoteListing> {
    const res = await this.fetch({ range: 'bytes=0-0' });
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
        if (length !== null) return { kind: 'file', size: Number(length) };
        // No length (chunked): the only way to learn the size is to read the body.
        this.whole = this.collect(res, null);
        return { kind: 'file', size: (await this.whole).length };
      }
      throw this.statusError(res.status);
    } finally {
      if (this.whole === null) await res.body?.cancel().catch(() => undefined);
    }
  }

  async stream(_path: string, start: number, end: number, onChunk: (b: Uint8Array) => void, signal: AbortSignal): Promise<void> {
    if (this.ranges === false) {
      onChunk((await this.wholeFile()).subarray(start, end));
      return;
    }
    const res = await this.fetch({ range: `bytes=${start}-${end - 1}`, signal });
    if (res.status === 200) {
      // Found out only now (no describe first): switch to the downloaded copy.
      this.ranges = false;
      this.whole = this.collect(res, Number(res.headers.get('content-length') ?? NaN));
      onChunk((await this.whole).subarray(start, end));
      return;
    }
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
    await this.pump(res, onChunk);
  }

  close(): void {
    this.aborter.abort();
    this.whole = null;
  }

  private wholeFile(): Promise<Uint8Array> {
    this.whole ??= this.fetch({}).then((res) => {
      if (res.status !== 200) throw this.statusError(res.status);
      return this.collect(res, Number(res.headers.get('content-length') ?? NaN));
    });
    // A failed download is not cached: the next read tries again.
    this.whole.catch(() => { this.whole = null; });
    return this.whole;
  }

  /** Reads a 200 response's whole body, saying first that ranges are ignored. */
  private async collect(res: Response, total: number | null): Promise<Uint8Array> {
    const size = total !== null && Number.isFinite(total) ? total : null;
    this.options.onNotice?.(`the server ignores Range requests: reading the whole ${size !== null ? formatBytes(size) : '(size unknown)'} file`);
    const parts: Uint8Array[] = [];
    let done = 0;
    await this.pump(res, (b) => {
      parts.push(b);
      done += b.length;
      this.options.onProgress?.(done, size ?? done);
    });
    return Buffer.concat(parts);
  }

  private async pump(res: Response, onChunk: (b: Uint8Array) => void): Promise<void> {
    if (!res.body) return;
    const reader = res.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        onChunk(value);
      }
    } catch (err) {
      throw this.networkError(err);
    }
  }

  private async fetch(opts: { range?: string; signal?: AbortSignal }): Promise<Response> {
    const headers: Record<string, string> = { ...this.headers };
    if (opts.range) headers['range'] = opts.range;
    // Compressed bodies would make byte ranges refer to the encoding, not the file.
    headers['accept-encoding'] = 'identity';
    const signal = opts.signal ? AbortSignal.any([opts.signal, this.aborter.signal]) : this.aborter.signal;
    try {
      return await fetch(this.target, { headers, signal, redirect: 'follow' });
    } catch (err) {
      throw this.networkError(err);
    }
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
