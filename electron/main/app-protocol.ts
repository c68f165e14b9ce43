// The app:// protocol: serves the built renderer (dist/renderer) with a strict CSP header, and the
// bytes of files the user opened, by HTTP Range, streamed from disk (or, for remote inputs, read
// through remote-inputs.ts). Nothing else is reachable: paths are confined to the renderer folder,
// file tokens must have been granted.
import { createReadStream } from 'node:fs';
import { stat, type FileHandle } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { APP_ORIGIN } from '../../common/ipc-contract';
import { CONTENT_TYPES, PAGE_CSP } from '../../common/page-policy';
import type { FileGrants, Grant } from './file-grants';
import { openGranted } from './open-granted';

/** The page's policy (common/page-policy.ts), named here for the protocol's tests. */
export const CSP = PAGE_CSP;

const BASE_HEADERS = { 'content-security-policy': CSP, 'x-content-type-options': 'nosniff', 'cross-origin-opener-policy': 'same-origin' };

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...BASE_HEADERS, 'content-type': 'text/plain; charset=utf-8' } });
}

/** A byte range of a file of `size` bytes: [start, end] inclusive, or 'unsatisfiable', or null for the whole file. */
export function parseRange(header: string | null, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  if (header === null) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return 'unsatisfiable';
  if (m[1] === '') {
    // A suffix range: the last N bytes.
    const n = Number(m[2]);
    if (n === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (!Number.isSafeInteger(start) || start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

function stream(path: string, start: number, end: number): ReadableStream<Uint8Array> {
  return Readable.toWeb(createReadStream(path, { start, end, highWaterMark: 1 << 20 })) as ReadableStream<Uint8Array>;
}

/** Streams [start, end] of an open file; the stream closes the handle when it ends, fails or is cancelled. */
function streamHandle(handle: FileHandle, start: number, end: number): ReadableStream<Uint8Array> {
  return Readable.toWeb(handle.createReadStream({ start, end, highWaterMark: 1 << 20 })) as ReadableStream<Uint8Array>;
}

async function serveFile(grant: Grant, req: Request): Promise<Response> {
  // Opened now, not when the file was listed: the checks hold at the moment of reading, and the
  // size is current (a log still being written keeps growing).
  const opened = await openGranted(grant);
  if (!opened) return plain(404, 'the file is gone');
  const { handle, size } = opened;
  const headers = { ...BASE_HEADERS, 'content-type': 'application/octet-stream', 'accept-ranges': 'bytes', 'cache-control': 'no-store' };
  const range = parseRange(req.headers.get('range'), size);
  const bodyless = (status: number, extra: Record<string, string>): Promise<Response> =>
    handle.close().then(() => new Response(null, { status, headers: { ...headers, ...extra } }));
  if (range === 'unsatisfiable') return bodyless(416, { 'content-range': `bytes */${size}` });
  if (req.method === 'HEAD' || size === 0) return bodyless(200, { 'content-length': String(size) });
  if (range === null) return new Response(streamHandle(handle, 0, size - 1), { status: 200, headers: { ...headers, 'content-length': String(size) } });
  return new Response(streamHandle(handle, range.start, range.end), {
    status: 206,
    headers: { ...headers, 'content-length': String(range.end - range.start + 1), 'content-range': `bytes ${range.start}-${range.end}/${size}` },
  });
}

/** The renderer file a URL path names, or null when it would leave the renderer folder. */
export function confinedPath(root: string, urlPath: string): string | null {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (rel.includes('\0') || rel.includes('\\')) return null;
  if (rel === '/' || rel === '') rel = '/index.html';
  const base = resolve(root);
  const full = resolve(join(base, rel));
  return full.startsWith(base + sep) ? full : null;
}

/** Objects of remote inputs (remote-inputs.ts), served under the same /@file/ prefix by their own tokens. */
export interface RemoteObjects<G> {
  resolve(urlPath: string): G | null;
  serve(grant: G, req: Request): Promise<Response>;
}

/** The handler for protocol.handle('app', …). */
export function appProtocolHandler<G>(rendererDir: string, grants: FileGrants, remote?: RemoteObjects<G>): (req: Request) => Promise<Response> {
  return async (req) => {
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      return plain(400, 'bad URL');
    }
    if (`${url.protocol}//${url.host}` !== APP_ORIGIN) return plain(404, 'unknown host');
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(405, 'read-only');
    const granted = grants.resolve(url.pathname);
    if (granted) return serveFile(granted, req);
    const remoteGrant = remote?.resolve(url.pathname);
    if (remote && remoteGrant) return remote.serve(remoteGrant, req);
    if (url.pathname.startsWith('/@file/')) return plain(404, 'not a granted file');
    const path = confinedPath(rendererDir, url.pathname);
    if (!path) return plain(404, 'not found');
    try {
      const st = await stat(path);
      if (!st.isFile()) return plain(404, 'not found');
      return new Response(req.method === 'HEAD' || st.size === 0 ? null : stream(path, 0, st.size - 1), {
        status: 200,
        headers: { ...BASE_HEADERS, 'content-type': CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream', 'cache-control': 'no-cache' },
      });
    } catch {
      return plain(404, 'not found');
    }
  };
}
