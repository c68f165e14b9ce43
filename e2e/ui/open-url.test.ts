// Open URL in the browser host, as a user does it: an event file served by a server this test
// starts on 127.0.0.1 (another origin than the page, allowing it through CORS) is typed into the
// start screen's field and opened; the session worker reads it in ranges and the graph is drawn.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpFileServer, type HttpFileServer } from '../../remote/test-support/http-file-server';
import { canvasShot, inkRatio, openApp, ROOT, shutdown, skipReason, waitReady, type App } from './harness';

const skip = skipReason();
const DEMO = readFileSync(join(ROOT, 'fixtures/generated/demo/events.out.tfevents.0.scopeview'));

describe.skipIf(skip !== null)('Open URL in the browser host (Chromium)', () => {
  let app: App;
  let server: HttpFileServer;
  let closed: HttpFileServer;
  beforeAll(async () => {
    server = await startHttpFileServer({ '/logs/run1/events.out.tfevents.0.scopeview': { bytes: DEMO } }, { cors: true });
    // A server that does not let other origins read its files (no CORS headers).
    closed = await startHttpFileServer({ '/f': { bytes: DEMO } });
    app = await openApp();
  });
  afterAll(async () => {
    await app?.close();
    await shutdown();
    await Promise.all([server?.close(), closed?.close()]);
  });

  it('opens an event file by URL, reading it in ranges, and draws its graph', async () => {
    const url = `${server.url}/logs/run1/events.out.tfevents.0.scopeview`;
    await app.page.fill('[data-testid="open-url-input"]', url);
    await app.page.click('[data-testid="open-url"]');
    await waitReady(app.page);
    expect(await app.page.textContent('.status')).toContain('298 nodes');
    expect(inkRatio(await canvasShot(app.page))).toBeGreaterThan(0.01);
    // The size came from a one-byte range and every read of the worker was a range request too
    // (the sniffed head, then chunks): nothing asked for the file without a Range.
    expect(server.stats.ranges[0]).toBe('bytes=0-0');
    expect(server.stats.ranges).toContain('bytes=0-65535');
    expect(server.stats.ranges.every((r) => /^bytes=\d+-\d+$/.test(r) && Number(r.split('-')[1]) < DEMO.length)).toBe(true);
    expect(server.stats.requests).toBe(server.stats.ranges.length);
    expect(app.errors).toEqual([]);
  });

  it('says so when the server does not let the page read the file', async () => {
    const page = (await openApp()).page;
    await page.fill('[data-testid="open-url-input"]', `${closed.url}/f`);
    await page.click('[data-testid="open-url"]');
    await page.waitForSelector('[data-testid="open-url-message"]');
    expect(await page.textContent('[data-testid="open-url-message"]')).toBe(`cannot read ${closed.url}/f: the server cannot be reached, or it does not allow pages of other sites to read the file (CORS)`);
    expect(await page.getAttribute('[data-testid="app"]', 'data-phase')).toBe('start');
    await page.context().close();
  });
});
