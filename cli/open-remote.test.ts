// openPath on remote locations, loading real event files: over HTTP (Range honoured, ignored, and
// a connection that breaks mid-file), a logdir of several runs on a local S3 server (s3rver) and on
// the GCS stand-in, and the errors a user sees. Results must match loading the same bytes locally.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpFileServer, type HttpFileServer } from '../remote/test-support/http-file-server';
import { S3RVER_CREDENTIALS, startLocalS3, type LocalS3 } from '../remote/test-support/s3-server';
import { startFakeGcs, type FakeGcs } from '../remote/test-support/gcs-server';
import { openPath } from './open-path';

const FIXTURES = join(import.meta.dirname, '../fixtures/generated');
const DEMO = readFileSync(join(FIXTURES, 'demo/events.out.tfevents.0.scopeview'));
const NESTED = readFileSync(join(FIXTURES, 'nested-scopes/events.out.tfevents.0.scopeview'));
const FAST = { attempts: 2, baseDelayMs: 1, idleTimeoutMs: 2000 };
const summary = (r: Awaited<ReturnType<typeof openPath>>) => r.graphs.map((g) => [g.source, g.run, g.graph.nodeCount]);

let http: HttpFileServer;
let s3: LocalS3;
let gcs: FakeGcs;
beforeAll(async () => {
  Object.assign(process.env, S3RVER_CREDENTIALS);
  http = await startHttpFileServer({ '/demo/events.out.tfevents.0.scopeview': { bytes: DEMO } });
  s3 = await startLocalS3(['runs']);
  await s3.put('runs', 'exp1/a/events.out.tfevents.0.scopeview', DEMO);
  await s3.put('runs', 'exp1/b/events.out.tfevents.0.scopeview', NESTED);
  await s3.put('runs', 'exp1/b/checkpoint', new Uint8Array(3));
  gcs = await startFakeGcs();
  gcs.buckets.set('runs', new Map([['exp1/a/events.out.tfevents.0.scopeview', DEMO], ['exp1/b/events.out.tfevents.0.scopeview', NESTED]]));
});
afterAll(async () => {
  await Promise.all([http?.close(), s3?.close(), gcs?.close()]);
});

describe('openPath on remote locations', () => {
  it('loads an event file over HTTP as it loads the local file', async () => {
    const local = await openPath(join(FIXTURES, 'demo/events.out.tfevents.0.scopeview'));
    const url = `${http.url}/demo/events.out.tfevents.0.scopeview`;
    const remote = await openPath(url);
    expect(remote.error).toBeNull();
    expect(remote.warnings).toEqual([]);
    expect(remote.file).toBe(url);
    expect(summary(remote)).toEqual(summary(local));
    expect(remote.graphs[0]?.graph.nodeCount).toBeGreaterThan(100);
  });

  it('keeps the graphs read before a connection that broke mid-file, with a warning', async () => {
    // Cut inside the meta graph record (the last of the three): the graph before it survives.
    const cut = DEMO.length - 500;
    const broken = await startHttpFileServer({ '/e': { bytes: DEMO } }, { dropAtOffset: cut });
    try {
      const r = await openPath(`${broken.url}/e`, {}, { policy: FAST });
      expect(r.error).toBeNull();
      expect(r.graphs.map((g) => g.source)).toEqual(['graph_def']);
      expect(r.warnings).toHaveLength(1);
      expect(r.warnings[0]).toMatchObject({ kind: 'truncated', file: `${broken.url}/e` });
      expect(r.warnings[0]?.message).toMatch(new RegExp(`^the connection to ${broken.url}/e broke at byte ${cut} of ${DEMO.length} and did not recover after 2 tries .*; what was read before byte \\d+ is shown$`));
    } finally {
      await broken.close();
    }
  });

  it('reads the whole file once from a server that ignores Range, and says so', async () => {
    const whole = await startHttpFileServer({ '/e': { bytes: DEMO } }, { ignoreRange: true });
    const notices: string[] = [];
    try {
      const r = await openPath(`${whole.url}/e`, {}, { onNotice: (m) => notices.push(m) });
      expect(summary(r)).toEqual(summary(await openPath(join(FIXTURES, 'demo/events.out.tfevents.0.scopeview'))));
      expect(notices).toEqual([expect.stringMatching(/^the server ignores Range requests: reading the whole \d+(\.\d)? KB file$/)]);
      expect(r.warnings).toEqual([{ kind: 'unsupported', message: notices[0], offset: null, file: `${whole.url}/e` }]);
    } finally {
      await whole.close();
    }
  });

  it('opens an s3:// prefix as a logdir: every run, in run order', async () => {
    const r = await openPath('s3://runs/exp1', {}, { endpoint: s3.endpoint });
    expect(r.error).toBeNull();
    expect(r.format).toBe('logdir');
    expect(r.file).toBe('s3://runs/exp1');
    expect(r.graphs.map((g) => [g.run, g.source, g.file])).toEqual([
      ['a', 'graph_def', 's3://runs/exp1/a/events.out.tfevents.0.scopeview'],
      ['a', 'meta_graph_def', 's3://runs/exp1/a/events.out.tfevents.0.scopeview'],
      ['b', 'graph_def', 's3://runs/exp1/b/events.out.tfevents.0.scopeview'],
    ]);
    expect(r.graphs[2]?.graph.nodeCount).toBe((await openPath(join(FIXTURES, 'nested-scopes/events.out.tfevents.0.scopeview'))).graphs[0]?.graph.nodeCount);
  });

  it('opens a gs:// prefix as a logdir through the endpoint option', async () => {
    const r = await openPath('gs://runs/exp1/', {}, { endpoint: gcs.url });
    expect(r.error).toBeNull();
    expect(r.graphs.map((g) => g.run)).toEqual(['a', 'a', 'b']);
  });

  it('turns remote failures into load errors a user understands', async () => {
    expect((await openPath('s3://no-bucket-here/x', {}, { endpoint: s3.endpoint })).error).toMatchObject({ kind: 'io', message: 'no such bucket: s3://no-bucket-here', file: 's3://no-bucket-here/x' });
    expect((await openPath(`${http.url}/missing?token=abc`)).error).toMatchObject({ message: `not found: ${http.url}/missing (HTTP 404)`, file: `${http.url}/missing` });
    expect((await openPath('s3://Not_A_Bucket/x')).error?.message).toMatch(/not a valid bucket name/);
  });
});
