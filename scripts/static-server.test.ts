// The static server as `npm run web`, the UI tests and the benchmarks run it: it serves the build
// to its own address only, reads only, and survives any request (raw ones over node:net).
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_PAGE_CSP } from '../common/page-policy';
import { checkRequest, serveStatic, type StaticServer } from './static-server';
import { rawRequest, requestText } from './test-support/raw-http';

let dir: string;
let s: StaticServer;
let port: number;
let host: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'scopeview-static-'));
  mkdirSync(join(dir, 'root', 'assets'), { recursive: true });
  writeFileSync(join(dir, 'root', 'index.html'), '<!doctype html><title>page</title>');
  writeFileSync(join(dir, 'root', 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'not for the page');
  s = await serveStatic(join(dir, 'root'));
  port = Number(new URL(s.url).port);
  host = `127.0.0.1:${port}`;
});
afterAll(async () => {
  await s?.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (target: string, h = host, method = 'GET') => rawRequest(port, requestText(method, target, h));

describe('static server', () => {
  it('serves the build with the page policy, to 127.0.0.1 and localhost on its port', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>page</title>');
    expect(page.head.toLowerCase()).toContain(`content-security-policy: ${WEB_PAGE_CSP.toLowerCase()}`);
    expect((await get('/assets/app.js?v=1', `localhost:${port}`)).status).toBe(200);
    expect((await get('/index.html', `LOCALHOST:${port}`, 'HEAD')).status).toBe(200);
  });

  it('refuses other Host headers (DNS rebinding) and a missing one', async () => {
    for (const h of ['evil.example', `evil.example:${port}`, '127.0.0.1', `127.0.0.1:${port + 1}`, `localhost.evil.example:${port}`, `[::1]:${port}`]) {
      const r = await get('/index.html', h);
      expect(r.status, h).toBe(421);
      expect(r.body).not.toContain('<title>');
    }
    expect((await rawRequest(port, 'GET /index.html HTTP/1.0\r\n\r\n')).status).toBe(421);
  });

  it('answers only GET and HEAD', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const r = await get('/index.html', host, method);
      expect(r.status, method).toBe(405);
      expect(r.head.toLowerCase()).toContain('allow: get, head');
    }
  });

  it('answers malformed requests with 400 and keeps serving', async () => {
    const bad = [
      requestText('GET', '/%', host), requestText('GET', '/%E0%A4%A', host), requestText('GET', '/a%00b', host), requestText('GET', '/..%5csecret.txt', host),
      requestText('GET', 'http://127.0.0.1:99999/', host), requestText('GET', `http://${host}/index.html`, host), requestText('GET', '*', host),
      'GARBAGE\r\n\r\n', 'GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n', 'GET /\0 HTTP/1.1\r\n\r\n',
    ];
    for (const request of bad) expect((await rawRequest(port, request)).status, JSON.stringify(request)).toBe(400);
    expect((await get('/')).status).toBe(200);
  });

  it('never serves outside its root', async () => {
    for (const target of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const r = await get(target);
      expect([403, 404], target).toContain(r.status);
      expect(r.body).not.toContain('not for the page');
    }
    expect((await get('/assets')).status).toBe(404);
  });

  // A file that stats as a regular file but fails when read (Linux: reading /proc/self/mem at 0 is EIO).
  it.skipIf(!existsSync('/proc/self/mem'))('a read that fails ends that response, not the server', async () => {
    symlinkSync('/proc/self/mem', join(dir, 'root', 'broken.bin'));
    const r = await get('/broken.bin');
    // The headers were written but not yet flushed: the connection closes without an answer.
    expect(r.status).toBe(0);
    expect(r.body).toBe('');
    expect((await get('/')).status).toBe(200);
  });

  it('checks request lines without touching the disk', () => {
    const root = '/srv/r';
    expect(checkRequest('GET', '/a.js', 'localhost:80', 80, root)).toEqual({ path: '/srv/r/a.js' });
    expect(checkRequest('GET', '/', '127.0.0.1:80', 80, root)).toEqual({ path: '/srv/r/index.html' });
    expect(checkRequest('GET', '/a', undefined, 80, root)).toMatchObject({ status: 421 });
    expect(checkRequest(undefined, '/a', 'localhost:80', 80, root)).toMatchObject({ status: 405 });
    expect(checkRequest('GET', undefined, 'localhost:80', 80, root)).toMatchObject({ status: 400 });
  });
});
