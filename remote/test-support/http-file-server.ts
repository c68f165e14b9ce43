// A real HTTP server on 127.0.0.1 for tests and the benchmark: serves files from memory or disk,
// honours single Range requests (or ignores them, as some servers do), can drop the connection
// part-way through a file, can demand Basic credentials, and counts the bytes it sent.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';

export type ServedFile = { readonly bytes: Uint8Array } | { readonly path: string };

export interface HttpFileServerOptions {
  /** Answer Range requests with 200 and the whole body. */
  ignoreRange?: boolean;
  /** Close the socket once this file offset has been sent (every request that reaches it). */
  dropAtOffset?: number;
  /** How many requests are dropped before the server recovers; every one when unset. */
  dropTimes?: number;
  /** Required `user:password` (Basic); anything else gets 401. */
  basicAuth?: string;
  /** Let pages of other origins read files and their ranges (CORS, with Range preflights). */
  cors?: boolean;
}

export interface HttpFileServer {
  readonly url: string;
  readonly files: Map<string, ServedFile>;
  readonly options: HttpFileServerOptions;
  /** Body bytes sent and requests answered since start (or the last reset). */
  readonly stats: { bytes: number; requests: number; ranges: string[] };
  close(): Promise<void>;
}

async function sizeOf(f: ServedFile): Promise<number> {
  return 'bytes' in f ? f.bytes.length : (await stat(f.path)).size;
}

function send(res: ServerResponse, f: ServedFile, start: number, end: number, srv: HttpFileServer): void {
  const { dropAtOffset: drop, dropTimes } = srv.options;
  const stop = drop !== undefined && drop < end && (dropTimes === undefined || dropTimes > 0) ? Math.max(start, drop) : end;
  const dropping = stop < end;
  if (dropping && dropTimes !== undefined) srv.options.dropTimes = dropTimes - 1;
  const count = (n: number): void => { srv.stats.bytes += n; };
  if ('bytes' in f) {
    const body = f.bytes.subarray(start, stop);
    count(body.length);
    if (dropping) {
      res.write(body, () => res.socket?.destroy());
    } else res.end(body);
    return;
  }
  if (stop <= start) {
    if (dropping) res.socket?.destroy();
    else res.end();
    return;
  }
  const stream = createReadStream(f.path, { start, end: stop - 1, highWaterMark: 1 << 20 });
  stream.on('data', (c) => count(c.length));
  stream.on('end', () => {
    if (dropping) res.socket?.destroy();
  });
  stream.pipe(res, { end: !dropping });
}

export async function startHttpFileServer(files: Record<string, ServedFile> = {}, options: HttpFileServerOptions = {}): Promise<HttpFileServer> {
  const srv: { -readonly [K in keyof HttpFileServer]: HttpFileServer[K] } = {
    url: '',
    files: new Map(Object.entries(files)),
    options,
    stats: { bytes: 0, requests: 0, ranges: [] },
    close: async () => undefined,
  };
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    srv.stats.requests++;
    if (options.cors) {
      res.setHeader('access-control-allow-origin', '*');
      res.setHeader('access-control-expose-headers', 'content-range, content-length, accept-ranges');
      if (req.method === 'OPTIONS') {
        res.writeHead(204, { 'access-control-allow-headers': 'range', 'access-control-allow-methods': 'GET' }).end();
        return;
      }
    }
    if (options.basicAuth !== undefined && req.headers.authorization !== `Basic ${Buffer.from(options.basicAuth).toString('base64')}`) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="test"' }).end();
      return;
    }
    const f = srv.files.get(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!f) {
      res.writeHead(404).end('not found');
      return;
    }
    const size = await sizeOf(f);
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    if (range && !options.ignoreRange) {
      srv.stats.ranges.push(req.headers.range ?? '');
      const start = Number(range[1]);
      const end = Math.min(size, range[2] ? Number(range[2]) + 1 : size);
      if (start >= size) {
        res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
        return;
      }
      res.writeHead(206, { 'content-range': `bytes ${start}-${end - 1}/${size}`, 'content-length': end - start, 'accept-ranges': 'bytes' });
      send(res, f, start, end, srv);
      return;
    }
    res.writeHead(200, { 'content-length': size });
    send(res, f, 0, size, srv);
  };
  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  srv.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  srv.close = () => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return srv;
}
