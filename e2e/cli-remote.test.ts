// The built `scopeview` command on remote locations, as a user runs it: https:// (servers the test
// starts on 127.0.0.1), s3:// against a local S3 server (s3rver) and gs:// against the GCS
// stand-in, every subcommand, diff of a local graph against a remote one, and the errors.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpFileServer, type HttpFileServer } from '../remote/test-support/http-file-server';
import { S3RVER_CREDENTIALS, startLocalS3, type LocalS3 } from '../remote/test-support/s3-server';
import { startFakeGcs, type FakeGcs } from '../remote/test-support/gcs-server';

const BIN = join(import.meta.dirname, '../bin/scopeview.mjs');
const FIXTURES = join(import.meta.dirname, '../fixtures/generated');
const DEMO_PATH = join(FIXTURES, 'demo/events.out.tfevents.0.scopeview');
const DEMO = readFileSync(DEMO_PATH);
const NESTED = readFileSync(join(FIXTURES, 'nested-scopes/events.out.tfevents.0.scopeview'));

// Asynchronous: the servers answer from this process, which spawnSync would block.
function run(args: string[], env: Record<string, string> = {}): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, ...S3RVER_CREDENTIALS, ...env }, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      resolve({ status: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

let http: HttpFileServer;
let s3: LocalS3;
let gcs: FakeGcs;
let out = '';
beforeAll(async () => {
  http = await startHttpFileServer({ '/logs/demo/events.out.tfevents.0.scopeview': { bytes: DEMO } });
  s3 = await startLocalS3(['team-logs']);
  await s3.put('team-logs', 'exp/demo/events.out.tfevents.0.scopeview', DEMO);
  await s3.put('team-logs', 'exp/nested/events.out.tfevents.0.scopeview', NESTED);
  gcs = await startFakeGcs();
  gcs.buckets.set('gcs-logs', new Map([['exp/nested/events.out.tfevents.0.scopeview', NESTED]]));
  out = await mkdtemp(join(tmpdir(), 'scopeview-cli-remote-'));
});
afterAll(async () => {
  await Promise.all([http?.close(), s3?.close(), gcs?.close()]);
  await rm(out, { recursive: true, force: true });
});

describe('scopeview on remote locations', () => {
  it('inspects an https:// event file exactly as the local file', async () => {
    const remote = await run(['inspect', `${http.url}/logs/demo/events.out.tfevents.0.scopeview`, '--json']);
    const local = await run(['inspect', DEMO_PATH, '--json']);
    expect(remote.status).toBe(0);
    expect(JSON.parse(remote.stdout)).toEqual(JSON.parse(local.stdout));
  });

  it('says on stderr when a server ignores Range, and lists it as a warning', async () => {
    const whole = await startHttpFileServer({ '/e': { bytes: DEMO } }, { ignoreRange: true });
    try {
      const r = await run(['inspect', `${whole.url}/e`, '--json']);
      expect(r.status).toBe(0);
      expect(r.stderr).toMatch(/^scopeview: the server ignores Range requests: reading the whole \d+(\.\d)? KB file \(Ctrl\+C cancels\)\n/);
      expect(JSON.parse(r.stdout).warnings).toEqual([{ kind: 'unsupported', message: expect.stringMatching(/^the server ignores Range requests/), offset: null }]);
    } finally {
      await whole.close();
    }
  });

  it('inspects an s3:// logdir through --endpoint, and through AWS_ENDPOINT_URL', async () => {
    for (const [args, env] of [[['--endpoint', s3.endpoint], {}], [[], { AWS_ENDPOINT_URL: s3.endpoint }]] as const) {
      const r = await run(['inspect', 's3://team-logs/exp/', ...args], env);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^s3:\/\/team-logs\/exp\/\n {2}format: logdir\n {2}graphs: 3\n/);
      expect(r.stdout).toContain('(run nested, step 0)');
    }
  });

  it('prints the hierarchy and the scopes report of a gs:// graph', async () => {
    const local = await run(['hierarchy', join(FIXTURES, 'nested-scopes/events.out.tfevents.0.scopeview'), '--json']);
    const remote = await run(['hierarchy', 'gs://gcs-logs/exp/nested/events.out.tfevents.0.scopeview', '--json', '--endpoint', gcs.url]);
    expect(remote.status).toBe(0);
    expect(JSON.parse(remote.stdout)).toEqual(JSON.parse(local.stdout));
    const scopes = await run(['scopes', 'gs://gcs-logs/exp/', '--endpoint', gcs.url]);
    expect(scopes.status).toBe(0);
  });

  it('lays out and exports a remote graph', async () => {
    const layout = await run(['layout', `${http.url}/logs/demo/events.out.tfevents.0.scopeview`, '--json']);
    expect(layout.status).toBe(0);
    // The same geometry as the local file's (the timing differs run to run).
    const { ms: _a, ...remoteLayout } = JSON.parse(layout.stdout) as Record<string, unknown>;
    const { ms: _b, ...localLayout } = JSON.parse((await run(['layout', DEMO_PATH, '--json'])).stdout) as Record<string, unknown>;
    expect(remoteLayout).toEqual(localLayout);
    const svg = join(out, 'remote.svg');
    const exported = await run(['export', 's3://team-logs/exp/demo/events.out.tfevents.0.scopeview', '--svg', svg, '--endpoint', s3.endpoint]);
    expect(exported.status).toBe(0);
    expect(await readFile(svg, 'utf8')).toMatch(/^<svg|^<\?xml/);
  });

  it('diffs a local graph against a remote one', async () => {
    const same = await run(['diff', DEMO_PATH, `${http.url}/logs/demo/events.out.tfevents.0.scopeview`, '--json']);
    expect(same.status).toBe(0);
    const doc = JSON.parse(same.stdout) as { summary: Record<string, number> };
    expect(doc.summary['added']).toBe(0);
    expect(doc.summary['removed']).toBe(0);
    const other = await run(['diff', DEMO_PATH, 's3://team-logs/exp/nested/events.out.tfevents.0.scopeview', '--endpoint', s3.endpoint]);
    expect(other.status).toBe(0);
    expect(other.stdout).toContain('B: s3://team-logs/exp/nested/events.out.tfevents.0.scopeview');
  });

  it('says access denied or no such bucket, exits 1, and never prints a secret', async () => {
    const denied = await run(['inspect', 's3://team-logs/exp/', '--endpoint', s3.endpoint], { AWS_ACCESS_KEY_ID: 'AKIANOTAKEY0000', AWS_SECRET_ACCESS_KEY: 'not-the-secret-at-all' });
    expect(denied.status).toBe(1);
    expect(denied.stdout).toContain('error (io): access denied to s3://team-logs/exp/ (credentials from the environment (AWS_ACCESS_KEY_ID)');
    expect(denied.stdout + denied.stderr).not.toMatch(/AKIANOTAKEY0000|not-the-secret-at-all/);
    const missing = await run(['hierarchy', 's3://absent-bucket/run', '--endpoint', s3.endpoint]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no such bucket: s3://absent-bucket');
    const signed = await run(['inspect', `${http.url.replace('//', '//me:hunter22@')}/nothing?X-Amz-Signature=deadbeef`, '--json']);
    expect(JSON.parse(signed.stdout).error.message).toBe(`not found: ${http.url}/nothing (HTTP 404)`);
    expect(signed.stdout + signed.stderr).not.toMatch(/hunter22|deadbeef/);
  });
});
