// An HTTP server on 127.0.0.1 whose every answer a test writes itself: redirects, compressed or
// endless bodies, short or over-long ranges, stalls, echoed headers. For the hardening tests of a
// client facing a broken or hostile server; it counts requests and keeps their paths and headers.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedServer {
  readonly url: string;
  /** Each request's method, path (with query) and headers, in order. */
  readonly requests: { method: string; path: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

export async function startScriptedServer(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<ScriptedServer> {
  const requests: ScriptedServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers });
    // A handler that throws ends the connection rather than the test process.
    try {
      handle(req, res);
    } catch {
      res.destroy();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** The range a request asks for, as [start, endInclusive | null], or null without one. */
export function requestedRange(req: IncomingMessage): [number, number | null] | null {
  const m = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
  return m ? [Number(m[1]), m[2] ? Number(m[2]) : null] : null;
}
