// A minimal stand-in for the Cloud Storage JSON API, for tests: no faithful GCS emulator installs
// from npm or Debian here. It implements only the calls @google-cloud/storage makes for Scopeview —
// objects.list (prefix, maxResults, pageToken), objects.get (metadata) and media downloads with
// Range — with the error bodies GCS sends for a missing bucket, a missing object and a denied
// bucket. It is not GCS: authentication, consistency and every other call are unproven by it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeGcs {
  /** Base URL, as STORAGE_EMULATOR_HOST or the endpoint option. */
  readonly url: string;
  /** bucket → object name → bytes; edit to add or grow objects. */
  readonly buckets: Map<string, Map<string, Uint8Array>>;
  /** Buckets that answer 403, as for a caller without storage.objects.* permission. */
  readonly denied: Set<string>;
  readonly stats: { mediaBytes: number; paths: string[] };
  close(): Promise<void>;
}

const PAGE = 2;

export async function startFakeGcs(): Promise<FakeGcs> {
  const buckets = new Map<string, Map<string, Uint8Array>>();
  const denied = new Set<string>();
  const stats = { mediaBytes: 0, paths: [] as string[] };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    stats.paths.push(`${req.method} ${url.pathname}${url.searchParams.has('alt') ? '?alt=media' : ''}`);
    const json = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    const error = (code: number, message: string): void => json(code, { error: { code, message, errors: [{ message, reason: code === 404 ? 'notFound' : 'forbidden' }] } });
    // The library calls /b/… under STORAGE_EMULATOR_HOST and /storage/v1/b/… under apiEndpoint.
    const m = /^(?:\/download)?(?:\/storage\/v1)?\/b\/([^/]+)\/o(?:\/(.+))?$/.exec(url.pathname);
    if (!m || req.method !== 'GET') return error(400, `unsupported call ${req.method} ${url.pathname}`);
    const bucketName = decodeURIComponent(m[1] as string);
    const bucket = buckets.get(bucketName);
    if (denied.has(bucketName)) return error(403, `anonymous caller does not have storage.objects.list access to the Google Cloud Storage bucket. Permission 'storage.objects.list' denied on resource (or it may not exist).`);
    if (!bucket) return error(404, 'The specified bucket does not exist.');
    if (m[2] === undefined) {
      const prefix = url.searchParams.get('prefix') ?? '';
      const names = [...bucket.keys()].filter((n) => n.startsWith(prefix)).sort();
      const from = Number(url.searchParams.get('pageToken') ?? 0);
      const size = Math.min(PAGE, Number(url.searchParams.get('maxResults') ?? PAGE));
      const page = names.slice(from, from + size);
      return json(200, {
        kind: 'storage#objects',
        items: page.map((name) => ({ kind: 'storage#object', bucket: bucketName, name, size: String((bucket.get(name) as Uint8Array).length) })),
        ...(from + size < names.length ? { nextPageToken: String(from + size) } : {}),
      });
    }
    const name = decodeURIComponent(m[2]);
    const bytes = bucket.get(name);
    if (!bytes) return error(404, `No such object: ${bucketName}/${name}`);
    if (url.searchParams.get('alt') !== 'media') return json(200, { kind: 'storage#object', bucket: bucketName, name, size: String(bytes.length) });
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    if (!range) {
      stats.mediaBytes += bytes.length;
      res.writeHead(200, { 'content-length': bytes.length }).end(bytes);
      return;
    }
    const start = Number(range[1]);
    if (start >= bytes.length) return error(416, 'The requested range cannot be satisfied.');
    const end = Math.min(bytes.length, range[2] ? Number(range[2]) + 1 : bytes.length);
    stats.mediaBytes += end - start;
    res.writeHead(206, { 'content-range': `bytes ${start}-${end - 1}/${bytes.length}`, 'content-length': end - start }).end(bytes.subarray(start, end));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    buckets,
    denied,
    stats,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
