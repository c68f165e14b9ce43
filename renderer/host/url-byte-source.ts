// ByteSource over a URL that answers HTTP Range requests: how the session worker reads files the
// Electron shell opened by path (main streams them from disk over app://). Each read fetches only
// the bytes asked for, so a multi-GB log is never in memory at once.
import { spanSource, type ByteSource } from '../../core/io/byte-source';

/** A file the host serves by URL instead of handing over a Blob (structured-cloneable). */
export interface RemoteFile {
  readonly kind: 'remote';
  readonly url: string;
  /** The size when the file was opened: reads stop there even if the file has grown since. */
  readonly size: number;
  /** The shell's key for the input this file belongs to (live reload matches on it). */
  readonly inputKey: string;
}

export type Fetch = (url: string, init: { headers: Record<string, string> }) => Promise<Pick<Response, 'status' | 'arrayBuffer' | 'headers'>>;

export function isRemoteFile(f: unknown): f is RemoteFile {
  return typeof f === 'object' && f !== null && (f as { kind?: unknown }).kind === 'remote';
}

export function urlSource(file: RemoteFile, name: string, fetchFn: Fetch = (u, i) => fetch(u, i)): ByteSource {
  return spanSource(name, file.size, async (start, end) => {
    const res = await fetchFn(file.url, { headers: { Range: `bytes=${start}-${end - 1}` } });
    if (res.status === 206) {
      const bytes = new Uint8Array(await res.arrayBuffer());
      const first = /^bytes (\d+)-/.exec(res.headers.get('content-range') ?? '');
      if (!first || Number(first[1]) !== start) throw new Error(`${name}: the server answered another byte range`);
      // A file cut shorter since it was opened returns fewer bytes: the loader treats it as truncated.
      return bytes.length > end - start ? bytes.subarray(0, end - start) : bytes;
    }
    if (res.status === 200) {
      // A server that ignores Range sends everything: take the slice (correct, only slower).
      return new Uint8Array(await res.arrayBuffer()).slice(start, end);
    }
    if (res.status === 416) return new Uint8Array(0);
    throw new Error(`${name}: reading bytes ${start}-${end - 1} failed (HTTP ${res.status})`);
  });
}
