// The shell's remote inputs facing large objects and hostile names (issue 27), against HTTP servers
// on 127.0.0.1: a page's `bytes=0-` is streamed a window at a time (main never holds the object),
// live reload looks for growth without downloading again, and the Open Location question and error
// text show neither credentials nor bidi tricks.
import { afterEach, describe, expect, it } from 'vitest';
import { startHttpFileServer, type HttpFileServer } from '../../remote/test-support/http-file-server';
import { startScriptedServer, type ScriptedServer } from '../../remote/test-support/scripted-server';
import { locationQuestion, RemoteInputs, SERVE_WINDOW } from './remote-inputs';

const BIG = Buffer.alloc(5 * SERVE_WINDOW + 123);
for (let i = 0; i < BIG.length; i++) BIG[i] = (i * 7 + (i >> 12)) & 0xff;
const closers: (HttpFileServer | ScriptedServer)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((s) => s.close()));
});

describe('RemoteInputs under load and attack', () => {
  it("streams a page's whole-object read a window at a time instead of buffering it", async () => {
    const http = await startHttpFileServer({ '/big.tfevents': { bytes: BIG } });
    closers.push(http);
    const remote = new RemoteInputs();
    const input = await remote.open(`${http.url}/big.tfevents`);
    const grant = remote.resolve(new URL(input.files[0]?.url ?? '').pathname);
    if (!grant) throw new Error('no grant');
    const res = await remote.serve(grant, new Request('app://scopeview/x', { headers: { range: 'bytes=0-' } }));
    expect(res.status).toBe(206);
    expect(res.headers.get('content-length')).toBe(String(BIG.length));
    // Answered after one window: the rest is read as the page takes it.
    expect(http.stats.bytes).toBeLessThanOrEqual(SERVE_WINDOW + 1);
    // Compared as buffers: a deep equality of 20 MB element by element is needlessly slow.
    expect(BIG.equals(Buffer.from(await res.arrayBuffer()))).toBe(true);
    expect(http.stats.ranges.slice(1)).toEqual([0, 1, 2, 3, 4, 5].map((w) => `bytes=${w * SERVE_WINDOW}-${Math.min(BIG.length, (w + 1) * SERVE_WINDOW) - 1}`));
    remote.close([input.key]);
  });

  it('looks for growth of a length-less file without downloading it again', async () => {
    const notices: string[] = [];
    const s = await startScriptedServer((_req, res) => {
      res.writeHead(200);
      res.end(BIG.subarray(0, 200_000));
    });
    closers.push(s);
    const remote = new RemoteInputs({ onNotice: (m) => notices.push(m) });
    const input = await remote.open(`${s.url}/events.out.tfevents.1`);
    for (let i = 0; i < 3; i++) expect((await remote.describe(input.key)).files[0]?.size).toBe(200_000);
    expect(notices).toHaveLength(1);
    remote.close([input.key]);
  });

  it('asks and complains without credentials or bidi controls', () => {
    expect(locationQuestion('s3://b-b/logs/\u202Ebp.tnemucod')).toMatchObject({ message: 'Open s3://b-b/logs/bp.tnemucod?' });
    for (const text of ['https://alice:pa/ssSECRET@host.test/x.pb', 's3://AKIAID123:SECRETKEY@bucket/x', 'https://h.test/x.pb#access_token=SECRETTOKEN']) {
      const q = locationQuestion(text);
      expect(JSON.stringify(q)).not.toMatch(/SECRET|AKIAID123|alice/);
    }
  });
});
