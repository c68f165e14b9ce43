// The app:// protocol: the page with its CSP, confinement to the renderer folder, and granted
// files served by Range.
import { mkdirSync, mkdtempSync, realpathSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../../common/ipc-contract';
import { appProtocolHandler, confinedPath, CSP, parseRange } from './app-protocol';
import { FileGrants } from './file-grants';

let dir: string;
let renderer: string;
let secret: string;
let log: string;
const grants = new FileGrants();
let handler: (req: Request) => Promise<Response>;
const LOG = Uint8Array.from({ length: 3000 }, (_, i) => i % 251);

beforeAll(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'scopeview-protocol-')));
  renderer = join(dir, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  secret = join(dir, 'secret.txt');
  writeFileSync(secret, 'not for the page');
  log = join(dir, 'events.out.tfevents.1');
  writeFileSync(log, LOG);
  handler = appProtocolHandler(renderer, grants);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') => handler(new Request(`${APP_ORIGIN}${path}`, { headers, method }));

describe('app:// protocol', () => {
  it('serves the renderer with a strict CSP header', async () => {
    const res = await get('/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('<title>app</title>');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toBe(CSP);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("object-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await get('/')).status).toBe(200);
    expect((await get('/assets/app.js')).headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('never serves anything outside the renderer folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%00index.html', '/%E0%A4%A', '/assets', '/nope.js']) {
      const res = await get(p);
      expect(res.status, p).toBe(404);
      expect(await res.text()).not.toContain('not for the page');
    }
    expect(confinedPath(renderer, '/../secret.txt')).toBeNull();
    expect(confinedPath(renderer, '/a/../index.html')).toBe(join(renderer, 'index.html'));
  });

  it('answers only its own host and only reads', async () => {
    expect((await handler(new Request('app://other/index.html'))).status).toBe(404);
    expect((await get('/index.html', {}, 'POST')).status).toBe(405);
  });

  it('serves granted files by Range, and only granted files', async () => {
    const url = grants.grant('input-1', dir, log);
    expect(grants.grant('input-1', dir, log)).toBe(url); // one stable URL per path and input
    const path = new URL(url).pathname;
    const part = await get(path, { range: 'bytes=100-1099' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-1099/${LOG.length}`);
    expect(part.headers.get('content-length')).toBe('1000');
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(LOG.subarray(100, 1100));
    const tail = await get(path, { range: 'bytes=2990-9999' });
    expect(new Uint8Array(await tail.arrayBuffer())).toEqual(LOG.subarray(2990));
    const whole = await get(path);
    expect(whole.status).toBe(200);
    expect(new Uint8Array(await whole.arrayBuffer())).toEqual(LOG);
    expect((await get(path, { range: 'bytes=5000-' })).status).toBe(416);
    // A token never granted, or a guessed path, gets nothing.
    expect((await get('/@file/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await get(`/@file/${encodeURIComponent(secret)}`)).status).toBe(404);
  });

  it('parses byte ranges', () => {
    expect(parseRange(null, 10)).toBeNull();
    expect(parseRange('bytes=0-4', 10)).toEqual({ start: 0, end: 4 });
    expect(parseRange('bytes=5-', 10)).toEqual({ start: 5, end: 9 });
    expect(parseRange('bytes=-3', 10)).toEqual({ start: 7, end: 9 });
    expect(parseRange('bytes=8-100', 10)).toEqual({ start: 8, end: 9 });
    for (const bad of ['bytes=10-', 'bytes=5-2', 'bytes=-', 'items=0-1', 'bytes=0-1,3-4', 'bytes=-0']) expect(parseRange(bad, 10), bad).toBe('unsatisfiable');
  });

  it('ends an input\'s grants when it is closed, and only its own', async () => {
    const a = new URL(grants.grant('input-a', dir, log)).pathname;
    const b = new URL(grants.grant('input-b', dir, log)).pathname;
    expect(a).not.toBe(b);
    grants.revoke('input-a');
    expect((await get(a)).status).toBe(404);
    expect((await get(b)).status).toBe(200);
    grants.revoke('input-b');
    expect((await get(b)).status).toBe(404);
  });

  it('refuses, when reading, a granted file that became a symlink or lies outside its root', async () => {
    const run = join(dir, 'run');
    mkdirSync(run);
    const ev = join(run, 'events.out.tfevents.2');
    writeFileSync(ev, LOG);
    const url = new URL(grants.grant('swap', run, ev)).pathname;
    expect((await get(url)).status).toBe(200);
    // Swapped for a link to a file outside the chosen folder after it was listed.
    unlinkSync(ev);
    symlinkSync(secret, ev);
    const linked = await get(url);
    expect(linked.status).toBe(404);
    expect(await linked.text()).not.toContain('not for the page');
    // A folder on the path swapped for a link (run -> elsewhere holding the same name).
    unlinkSync(ev);
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'events.out.tfevents.2'), 'not for the page either');
    renameSync(run, join(dir, 'run-old'));
    symlinkSync(elsewhere, run);
    expect((await get(url)).status).toBe(404);
    // A grant whose path is not inside its root is never served.
    expect((await get(new URL(grants.grant('bad', join(dir, 'renderer'), secret)).pathname)).status).toBe(404);
    // A FIFO in a file's place answers at once instead of hanging the read.
    unlinkSync(run);
    mkdirSync(run);
    if (process.platform !== 'win32') {
      const { execFileSync } = await import('node:child_process');
      execFileSync('mkfifo', [ev]);
      expect((await get(url)).status).toBe(404);
    }
  });
});
