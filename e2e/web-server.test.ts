// `npm run web` as a user starts it: the real command serving the build on 127.0.0.1, sent raw
// requests over node:net. Malformed requests get 400 and the server keeps running; a foreign Host
// (DNS rebinding) gets 421; POST gets 405.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, requestText } from '../scripts/test-support/raw-http';
import { DIST, ROOT } from './ui/harness';

const skip = existsSync(join(DIST, 'index.html')) ? null : 'skipped: dist/renderer is not built (npm run build)';
if (skip) console.log(`npm run web suite ${skip}`);

describe.skipIf(skip !== null)('npm run web (the running command)', () => {
  let proc: ChildProcess;
  let port = 0;
  let output = '';

  beforeAll(async () => {
    // Its own process group, so the test stops npm and the server under it together.
    proc = spawn('npm', ['run', 'web', '--', '--no-build', '--port', '0'], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    proc.stdout?.on('data', (d: Buffer) => { output += d.toString(); });
    proc.stderr?.on('data', (d: Buffer) => { output += d.toString(); });
    const started = Date.now();
    while (port === 0) {
      const m = /served at http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (m) port = Number(m[1]);
      else if (proc.exitCode !== null || Date.now() - started > 60_000) throw new Error(`npm run web did not start:\n${output}`);
      else await new Promise((r) => setTimeout(r, 100));
    }
  });

  afterAll(() => {
    if (proc?.pid !== undefined && proc.exitCode === null) process.kill(-proc.pid, 'SIGTERM');
  });

  const host = (): string => `127.0.0.1:${port}`;

  it('serves the page to its own address', async () => {
    const r = await rawRequest(port, requestText('GET', '/', host()));
    expect(r.status).toBe(200);
    expect(r.body).toContain('<div id="root">');
  });

  it('answers malformed requests with 400 and keeps running', async () => {
    for (const request of [requestText('GET', '/%', host()), requestText('GET', 'http://127.0.0.1:99999/', host()), 'NOT HTTP AT ALL\r\n\r\n']) {
      expect((await rawRequest(port, request)).status, JSON.stringify(request)).toBe(400);
    }
    expect(proc.exitCode).toBeNull();
    expect((await rawRequest(port, requestText('GET', '/', `localhost:${port}`))).status).toBe(200);
  });

  it('refuses a foreign Host and methods other than GET and HEAD', async () => {
    expect((await rawRequest(port, requestText('GET', '/', `rebound.example:${port}`))).status).toBe(421);
    expect((await rawRequest(port, requestText('POST', '/', host()))).status).toBe(405);
    expect((await rawRequest(port, requestText('DELETE', '/index.html', host()))).status).toBe(405);
    expect((await rawRequest(port, requestText('HEAD', '/', host()))).status).toBe(200);
    expect(proc.exitCode).toBeNull();
  });
});
