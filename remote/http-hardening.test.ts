// HttpStore and RemoteObject against servers on 127.0.0.1 that misbehave on purpose (issue 27):
// redirects to other hosts, compressed and endless bodies, stalls, ranges that go on or stop short,
// servers that cut every read, and sizes the body never reaches. Each test fails on a client that
// follows, decodes, buffers, waits or trusts what such a server says.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { openPath } from '../cli/open-path';
import { HttpStore } from './http-store';
import { parseRemoteLocation } from './remote-location';
import { RemoteObject, type ReadPolicy } from './remote-reader';
import { RemoteError } from './remote-store';
import { requestedRange, startScriptedServer, type ScriptedServer } from './test-support/scripted-server';

const content = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 13 + 5) & 0xff);
const DEMO = readFileSync(join(import.meta.dirname, '../fixtures/generated/demo/events.out.tfevents.0.scopeview'));
const GRAPH = readFileSync(join(import.meta.dirname, '../fixtures/generated/demo.pb'));
const FAST: ReadPolicy = { attempts: 3, baseDelayMs: 1, idleTimeoutMs: 2000 };
const servers: ScriptedServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(handle: Parameters<typeof startScriptedServer>[0]): Promise<ScriptedServer> {
  const s = await startScriptedServer(handle);
  servers.push(s);
  return s;
}

/** Answers ranges of `bytes` honestly (206 with Content-Range), as a well-behaved server does. */
function ranges(bytes: Uint8Array, res: ServerResponse, range: [number, number | null] | null, total = bytes.length): void {
  if (!range) {
    res.writeHead(200, { 'content-length': bytes.length }).end(bytes);
    return;
  }
  const [start, last] = range;
  if (start >= bytes.length) {
    res.writeHead(416, { 'content-range': `bytes */${total}` }).end();
    return;
  }
  const end = Math.min(bytes.length, (last ?? total - 1) + 1);
  res.writeHead(206, { 'content-range': `bytes ${start}-${end - 1}/${total}`, 'content-length': end - start }).end(bytes.subarray(start, end));
}

/** Writes `chunk` again and again until the client goes away. */
function endless(res: ServerResponse, chunk: Uint8Array): void {
  const more = (): void => {
    if (res.destroyed || res.writableEnded) return;
    if (res.write(chunk)) setImmediate(more);
    else res.once('drain', more);
  };
  res.on('close', () => res.destroy());
  more();
}

const error = (p: Promise<unknown>): Promise<RemoteError> => p.then(() => { throw new Error('expected a RemoteError'); }, (e: unknown) => e as RemoteError);

describe('redirects (finding 1)', () => {
  it('refuses a redirect to another host, naming it, and never asks that host', async () => {
    const other = await serve((req, res) => ranges(content, res, requestedRange(req)));
    const first = await serve((_req, res) => { res.writeHead(302, { location: `${other.url}/f` }).end(); });
    const store = new HttpStore(parseRemoteLocation(`${first.url.replace('//', '//alice:pw@')}/f`));
    const e = await error(store.describe());
    expect(e).toBeInstanceOf(RemoteError);
    expect(e.kind).toBe('access-denied');
    expect(e.message).toBe(`${first.url}/f: the server redirected to another host, ${other.url}, which is not followed; open that address itself if you trust it`);
    expect(other.requests).toHaveLength(0);
  });

  it('never follows a redirect from https to http', async () => {
    // A certificate for 127.0.0.1 made for this test (openssl, as Debian ships it).
    const dir = mkdtempSync(join(tmpdir(), 'scopeview-tls-'));
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    expect(made.status).toBe(0);
    const plain = await serve((req, res) => ranges(content, res, requestedRange(req)));
    const tls = createHttpsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (_req, res) => {
      res.writeHead(302, { location: `${plain.url}/f` }).end();
    });
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    const saved = process.env['NODE_TLS_REJECT_UNAUTHORIZED'];
    // The certificate is this test's own: trusted for this request only.
    process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = '0';
    try {
      const url = `https://127.0.0.1:${(tls.address() as AddressInfo).port}/f`;
      const e = await error(new HttpStore(parseRemoteLocation(url)).describe());
      expect(e).toMatchObject({ kind: 'access-denied', message: `${url}: the server redirected from https to ${plain.url}, which is not followed (it would send the request unencrypted)` });
      expect(plain.requests).toHaveLength(0);
    } finally {
      if (saved === undefined) delete process.env['NODE_TLS_REJECT_UNAUTHORIZED'];
      else process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = saved;
      tls.closeAllConnections();
      await new Promise<void>((resolve) => tls.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('follows redirects within the origin, a few at most', async () => {
    const s = await serve((req, res) => {
      if (req.url === '/old') res.writeHead(301, { location: '/new' }).end();
      else if (req.url === '/loop') res.writeHead(307, { location: '/loop' }).end();
      else ranges(content, res, requestedRange(req));
    });
    const store = new HttpStore(parseRemoteLocation(`${s.url}/old`));
    expect(await store.describe()).toEqual({ kind: 'file', size: content.length });
    expect(await new RemoteObject(store, '', content.length, 'x', FAST).read(10, 20)).toEqual(content.subarray(10, 20));
    const loop = await error(new HttpStore(parseRemoteLocation(`${s.url}/loop`)).describe());
    expect(loop.message).toBe(`${s.url}/loop: more than 5 redirects`);
    expect(s.requests.filter((r) => r.path === '/loop')).toHaveLength(6);
  });
});

describe('memory (finding 2)', () => {
  it('refuses a compressed body, ranged or whole, without decoding it', async () => {
    const zeros = gzipSync(new Uint8Array(1_000_000));
    for (const status of [206, 200]) {
      const s = await serve((_req, res) => {
        res.writeHead(status, { 'content-encoding': 'gzip', 'content-length': zeros.length, 'content-range': `bytes 0-0/1000000` }).end(zeros);
      });
      const e = await error(new HttpStore(parseRemoteLocation(`${s.url}/f`)).describe());
      expect(e.kind).toBe('unsupported');
      expect(e.message).toBe(`${s.url}/f: the server sent a compressed body (Content-Encoding: gzip) although none was asked for; its bytes are not the file's`);
    }
  });

  it('caps a whole download with no length, and one whose length is over the cap is not started', async () => {
    const chunked = await serve((_req, res) => endless(res.writeHead(200), new Uint8Array(64 * 1024)));
    const e = await error(new HttpStore(parseRemoteLocation(`${chunked.url}/f`), { maxWholeBytes: 1_000_000 }).describe());
    expect(e.kind).toBe('too-large');
    expect(e.message).toBe(`${chunked.url}/f: the server ignores Range requests and the file is larger than the limit; at most 1.0 MB is downloaded whole`);

    const announced = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': 5_000_000 });
      res.write(new Uint8Array(1000));
    });
    const store = new HttpStore(parseRemoteLocation(`${announced.url}/f`), { maxWholeBytes: 1_000_000 });
    expect(await store.describe()).toEqual({ kind: 'file', size: 5_000_000 });
    await expect(new RemoteObject(store, '', 5_000_000, 'x', FAST).read(0, 10)).rejects.toMatchObject({ kind: 'too-large', message: `${announced.url}/f: the server ignores Range requests and the file is 5.0 MB; at most 1.0 MB is downloaded whole` });
  });

  it('looks for growth without downloading a length-less file again', async () => {
    const notices: string[] = [];
    let sent = 0;
    const s = await serve((_req, res) => {
      res.writeHead(200);
      sent += content.length;
      res.end(content);
    });
    const store = new HttpStore(parseRemoteLocation(`${s.url}/f`), { onNotice: (m) => notices.push(m) });
    expect(await store.describe()).toEqual({ kind: 'file', size: content.length });
    expect(await store.describe()).toEqual({ kind: 'file', size: content.length });
    expect(await new RemoteObject(store, '', content.length, 'x', FAST).read(5, 10)).toEqual(content.subarray(5, 10));
    expect(notices).toEqual(['the server ignores Range requests: reading the whole (size unknown) file']);
    expect(sent).toBe(content.length * 2);
  });
});

describe('time (finding 4)', () => {
  it('times out the first request of a server that never answers', async () => {
    const s = await serve(() => undefined);
    const e = await error(new HttpStore(parseRemoteLocation(`${s.url}/f`), { idleTimeoutMs: 200 }).describe());
    expect(e).toMatchObject({ kind: 'transient', message: `no data from ${s.url}/f for 0.2 s` });
  }, 10_000);

  it('times out a whole download that stalls part-way', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': 10_000 });
      res.write(new Uint8Array(100));
    });
    const store = new HttpStore(parseRemoteLocation(`${s.url}/f`), { idleTimeoutMs: 200 });
    expect(await store.describe()).toEqual({ kind: 'file', size: 10_000 });
    const e = await error(store.stream('', 0, 10, () => undefined, new AbortController().signal));
    expect(e).toMatchObject({ kind: 'transient', message: `no data from ${s.url}/f for 0.2 s` });
  }, 10_000);

  it('stops reading a 206 that goes on past the range asked for', async () => {
    const s = await serve((req, res) => {
      const [start] = requestedRange(req) ?? [0];
      res.writeHead(206, { 'content-range': `bytes ${start}-${start + 99}/1000000000` });
      endless(res, new Uint8Array(64 * 1024).fill(1));
    });
    const object = new RemoteObject(new HttpStore(parseRemoteLocation(`${s.url}/f`)), '', 1_000_000_000, 'x', FAST);
    expect(await object.read(0, 100)).toEqual(new Uint8Array(100).fill(1));
    expect(object.interrupted).toBeNull();
  }, 10_000);

  it('caps resumptions per read and failures per object', async () => {
    // Every answer carries 100 bytes of the range, then the connection drops.
    const cut = await serve((req, res) => {
      const [start] = requestedRange(req) ?? [0];
      res.writeHead(206, { 'content-range': `bytes ${start}-${content.length - 1}/${content.length}`, 'content-length': content.length - start });
      res.write(content.subarray(start, start + 100), () => res.socket?.destroy());
    });
    const object = new RemoteObject(new HttpStore(parseRemoteLocation(`${cut.url}/f`)), '', content.length, 'cut', { ...FAST, maxResumes: 5 });
    const got = await object.read(0, content.length);
    expect(got).toEqual(content.subarray(0, 600));
    expect(object.interrupted?.offset).toBe(600);
    expect(cut.requests).toHaveLength(6);

    // Two of every three answers fail: each read succeeds on its third try, until the object's cap.
    let n = 0;
    const flaky = await serve((req, res) => {
      if (++n % 3 !== 0) res.writeHead(503).end();
      else ranges(content, res, requestedRange(req));
    });
    const shaky = new RemoteObject(new HttpStore(parseRemoteLocation(`${flaky.url}/f`)), '', content.length, 'flaky', { ...FAST, maxFailures: 4 });
    expect(await shaky.read(0, 10)).toEqual(content.subarray(0, 10));
    expect(await shaky.read(10, 20)).toEqual(content.subarray(10, 20));
    expect(await shaky.read(20, 30)).toHaveLength(0);
    expect(shaky.interrupted?.offset).toBe(20);
    expect(flaky.requests).toHaveLength(7);
  }, 20_000);
});

describe('wrong data (finding 8)', () => {
  it('resumes a 206 shorter than asked: it is not the end of the file', async () => {
    const s = await serve((req, res) => {
      const [start, last] = requestedRange(req) ?? [0, null];
      ranges(content, res, [start, Math.min(last ?? content.length - 1, start + 999)]);
    });
    const object = new RemoteObject(new HttpStore(parseRemoteLocation(`${s.url}/f`)), '', content.length, 'x', FAST);
    expect(await object.read(500, 5500)).toEqual(content.subarray(500, 5500));
    expect(object.interrupted).toBeNull();
  });

  it('reports a file whose every read is dropped after the size check as truncated at byte 0', async () => {
    const s = await serve((req, res) => {
      if (req.headers.range === 'bytes=0-0') ranges(GRAPH, res, [0, 0]);
      else res.socket?.destroy();
    });
    const r = await openPath(`${s.url}/model.pb`, {}, { policy: FAST });
    expect(r.graphs).toEqual([]);
    expect(r.error).toMatchObject({ kind: 'truncated', offset: 0, file: `${s.url}/model.pb` });
    expect(r.error?.message).toMatch(new RegExp(`^the connection to ${s.url}/model.pb broke at byte 0 of ${GRAPH.length} and did not recover after 3 tries`));
  });

  it('reports a claimed size the body never reaches, without allocating it', async () => {
    const claimed = 4_000_000_000;
    const s = await serve((req, res) => ranges(DEMO, res, requestedRange(req), claimed));
    const before = process.memoryUsage().arrayBuffers;
    const r = await openPath(`${s.url}/events.out.tfevents.1`, {}, { policy: FAST });
    expect(r.error).toBeNull();
    expect(r.graphs.map((g) => g.source)).toEqual(['graph_def', 'meta_graph_def']);
    expect(r.warnings).toEqual([expect.objectContaining({ kind: 'truncated', offset: DEMO.length, file: `${s.url}/events.out.tfevents.1` })]);
    expect(r.warnings[0]?.message).toMatch(new RegExp(`broke at byte ${DEMO.length} of ${claimed}`));

    const graph = await serve((req, res) => ranges(GRAPH, res, requestedRange(req), claimed));
    const g = await openPath(`${graph.url}/model.pb`, {}, { policy: FAST });
    expect(g.error).toMatchObject({ kind: 'truncated', offset: GRAPH.length });
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(100_000_000);
  });
});
