// A small static file server for the built renderer, bound to 127.0.0.1 only: the browser host
// (`npm run web`), the Playwright tests and the canvas benchmark use it. Read-only (GET and HEAD),
// no directory listing, paths confined to the root, the page's own policy (common/page-policy.ts),
// and only for its own address: a page on another site that rebinds its DNS name to 127.0.0.1
// sends its own Host and is refused. No request, however malformed, can stop it.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream';
import { CONTENT_TYPES, WEB_PAGE_CSP } from '../common/page-policy';

export interface StaticServer {
  readonly server: Server;
  readonly url: string;
  close(): Promise<void>;
}

/** Why a request is refused before any file is looked at, or the file path it asks for. */
export type RequestCheck = { readonly status: number; readonly message: string } | { readonly path: string };

/**
 * Checks a request line and its Host against the server's `port`: the Host must be 127.0.0.1 or
 * localhost on that port (421 otherwise), the method GET or HEAD (405), the target an origin-form
 * path that decodes to one without NUL or backslash (400); the path must stay inside `root` (403).
 */
export function checkRequest(method: string | undefined, target: string | undefined, host: string | undefined, port: number, root: string): RequestCheck {
  const h = host?.toLowerCase();
  if (h !== `127.0.0.1:${port}` && h !== `localhost:${port}`) return { status: 421, message: 'unknown host' };
  if (method !== 'GET' && method !== 'HEAD') return { status: 405, message: 'read-only' };
  // Browsers send origin-form targets; absolute-form (`GET http://…`) is for proxies.
  if (target === undefined || !target.startsWith('/')) return { status: 400, message: 'bad request target' };
  let path: string;
  try {
    path = decodeURIComponent(target.replace(/[?#].*$/s, ''));
  } catch {
    return { status: 400, message: 'bad URL encoding' };
  }
  if (path.includes('\0') || path.includes('\\')) return { status: 400, message: 'bad path' };
  const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
  return file === root || file.startsWith(root + sep) ? { path: file } : { status: 403, message: 'outside the root' };
}

function refuse(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const headers: Record<string, string> = { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff', connection: 'close' };
  if (status === 405) headers['allow'] = 'GET, HEAD';
  res.writeHead(status, headers).end(message);
}

async function respond(req: IncomingMessage, res: ServerResponse, port: number, root: string): Promise<void> {
  const check = checkRequest(req.method, req.url, req.headers.host, port, root);
  if (!('path' in check)) return refuse(res, check.status, check.message);
  const s = await stat(check.path).catch(() => null);
  if (!s?.isFile()) return refuse(res, 404, 'not found');
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(check.path)] ?? 'application/octet-stream',
    'content-length': s.size,
    'content-security-policy': WEB_PAGE_CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  // A read that fails (the file removed meanwhile) ends this response, never the server.
  pipeline(createReadStream(check.path), res, (err) => {
    if (err) res.destroy();
  });
}

export async function serveStatic(rootDir: string, port = 0): Promise<StaticServer> {
  const root = resolve(rootDir);
  let bound = port;
  const server = createServer((req, res) => {
    respond(req, res, bound, root).catch(() => refuse(res, 500, 'internal error'));
  });
  // Requests Node cannot parse at all (a broken request line or header) are answered here.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok());
  });
  const addr = server.address();
  bound = typeof addr === 'object' && addr ? addr.port : port;
  return {
    server,
    url: `http://127.0.0.1:${bound}/`,
    close: () => new Promise((ok) => {
      server.close(() => ok());
      server.closeAllConnections();
    }),
  };
}
