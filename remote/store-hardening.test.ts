// S3Store and GcsStore (real SDKs) against scripted servers on 127.0.0.1 that misbehave on purpose
// (issue 27): listings that hand out next tokens forever, an endpoint that echoes the request's
// headers into its error text, and keys that would leave the bucket.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GcsStore } from './gcs-store';
import { parseRemoteLocation, type RemoteLocation } from './remote-location';
import { RemoteObject } from './remote-reader';
import { MAX_LIST_PAGES } from './remote-store';
import { S3Store } from './s3-store';
import { NO_METADATA_ENV } from './test-support/no-metadata';
import { startScriptedServer, type ScriptedServer } from './test-support/scripted-server';
import { S3RVER_CREDENTIALS } from './test-support/s3-server';

const saved = { ...process.env };
const servers: ScriptedServer[] = [];
beforeAll(() => {
  Object.assign(process.env, NO_METADATA_ENV, S3RVER_CREDENTIALS);
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(() => {
  process.env = saved;
});

async function serve(handle: Parameters<typeof startScriptedServer>[0]): Promise<ScriptedServer> {
  const s = await startScriptedServer(handle);
  servers.push(s);
  return s;
}

const xml = (body: string): string => `<?xml version="1.0" encoding="UTF-8"?>${body}`;
/** One ListObjectsV2 page: the keys given, truncated, with a next token. */
const listPage = (keys: readonly string[], token: string): string => xml(`<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name><Prefix>p/</Prefix><KeyCount>${keys.length}</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>true</IsTruncated>${keys.map((k) => `<Contents><Key>${k}</Key><Size>0</Size></Contents>`).join('')}<NextContinuationToken>${token}</NextContinuationToken></ListBucketResult>`);

describe('listings stop (finding 5)', () => {
  it('S3: an empty page or a page of folder markers with a next token ends the listing', async () => {
    for (const keys of [[], ['p/run/', 'p/other/']]) {
      let n = 0;
      const s = await serve((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/xml' }).end(listPage(keys, `t${n++}`));
      });
      const store = new S3Store(parseRemoteLocation('s3://bucket-x/p/'), { endpoint: s.url, maxAttempts: 1 });
      await expect(store.describe()).rejects.toMatchObject({ kind: 'not-found' });
      expect(s.requests).toHaveLength(1);
    }
  }, 10_000);

  it('S3: a repeated token stops at once, and files on every page still stop at the page limit', async () => {
    let n = 0;
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/xml' }).end(listPage([`p/f${n}`], n++ < 3 ? `t${n}` : 't3'));
    });
    const listing = await new S3Store(parseRemoteLocation('s3://bucket-x/p/'), { endpoint: s.url, maxAttempts: 1 }).describe();
    expect(listing).toEqual({ kind: 'folder', files: ['f0', 'f1', 'f2', 'f3'].map((path) => ({ path, size: 0 })) });
    expect(s.requests).toHaveLength(4);

    let m = 0;
    const endless = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/xml' }).end(listPage([`p/g${m}`], `u${m++}`));
    });
    const all = await new S3Store(parseRemoteLocation('s3://bucket-x/p/'), { endpoint: endless.url, maxAttempts: 1 }).describe();
    expect(all.kind === 'folder' ? all.files.length : 0).toBe(MAX_LIST_PAGES);
    expect(endless.requests).toHaveLength(MAX_LIST_PAGES);
  }, 60_000);

  it('GCS: an empty page with a next token ends the listing', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ kind: 'storage#objects', items: [], nextPageToken: String(Math.random()) }));
    });
    await expect(new GcsStore(parseRemoteLocation('gs://bucket-x/p/'), { endpoint: s.url, env: {} }).describe()).rejects.toMatchObject({ kind: 'not-found' });
    expect(s.requests).toHaveLength(1);
  }, 10_000);
});

describe('S3 error text (finding 6)', () => {
  it('scrubs the credentials the SDK resolved from a profile, not only from the environment', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scopeview-aws-'));
    writeFileSync(join(dir, 'credentials'), '[scopeview-test]\naws_access_key_id = AKIAPROFILEKEY1234\naws_secret_access_key = profileSecretValue/abc+def\naws_session_token = PROFILESESSIONTOKEN/xyz+123=\n');
    writeFileSync(join(dir, 'config'), '[profile scopeview-test]\nregion = us-east-1\n');
    for (const k of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) delete process.env[k];
    Object.assign(process.env, { AWS_PROFILE: 'scopeview-test', AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), AWS_CONFIG_FILE: join(dir, 'config') });
    try {
      // An endpoint that echoes what it was sent into its error message.
      const s = await serve((req, res) => {
        const echo = `${req.headers.authorization ?? ''} ${String(req.headers['x-amz-security-token'] ?? '')}`.replace(/[<&]/g, '');
        res.writeHead(400, { 'content-type': 'application/xml' }).end(xml(`<Error><Code>EchoedRequest</Code><Message>you sent ${echo}</Message></Error>`));
      });
      const err = await new S3Store(parseRemoteLocation('s3://bucket-x/p/'), { endpoint: s.url, maxAttempts: 1 }).describe().then(() => new Error('listed'), (e: unknown) => e as Error);
      expect(s.requests[0]?.headers.authorization).toContain('AKIAPROFILEKEY1234');
      expect(err.message).toMatch(/^s3:\/\/bucket-x\/p\/: EchoedRequest: you sent /);
      expect(err.message).not.toContain('AKIAPROFILEKEY1234');
      expect(err.message).not.toContain('PROFILESESSIONTOKEN');
    } finally {
      for (const k of ['AWS_PROFILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_CONFIG_FILE']) delete process.env[k];
      Object.assign(process.env, S3RVER_CREDENTIALS);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 10_000);
});

describe('keys stay in the bucket (finding 9)', () => {
  // Locations as a caller could build them, past parseRemoteLocation's own check.
  const at = (scheme: 's3' | 'gs', bucket: string, key: string): RemoteLocation => ({ scheme, url: '', bucket, key, display: `${scheme}://${bucket}/${key}` });

  it('S3 never sends a key with dot or empty segments, nor reads one a listing names', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/xml' }).end(xml('<ListBucketResult><Name>mybucket</Name><Prefix>p/</Prefix><KeyCount>1</KeyCount><IsTruncated>false</IsTruncated><Contents><Key>p/../victim/secret.pb</Key><Size>10</Size></Contents></ListBucketResult>'));
    });
    const bad = new S3Store(at('s3', 'mybucket', '../victim/secret.pb'), { endpoint: s.url, maxAttempts: 1 });
    await expect(bad.describe()).rejects.toMatchObject({ kind: 'unsupported', message: "s3://mybucket/../victim/secret.pb is not read: it has a '.' or '..' segment" });
    const folder = new S3Store(parseRemoteLocation('s3://mybucket/p/'), { endpoint: s.url, maxAttempts: 1 });
    expect(await folder.describe()).toEqual({ kind: 'folder', files: [{ path: '../victim/secret.pb', size: 10 }] });
    await expect(new RemoteObject(folder, '../victim/secret.pb', 10, 'x').read(0, 10)).rejects.toMatchObject({ kind: 'unsupported' });
    expect(s.requests.map((r) => r.path).filter((p) => p.includes('..') || p.includes('victim'))).toEqual([]);
  }, 10_000);

  it('GCS never turns the key ".." into a request for the bucket', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ kind: 'storage#bucket', name: 'mybucket', size: '1' }));
    });
    const store = new GcsStore(at('gs', 'mybucket', '..'), { endpoint: s.url, env: {} });
    await expect(store.describe()).rejects.toMatchObject({ kind: 'unsupported', message: "gs://mybucket/.. is not read: it has a '.' or '..' segment" });
    await expect(new RemoteObject(new GcsStore(parseRemoteLocation('gs://mybucket/p/'), { endpoint: s.url, env: {} }), 'a//b', 10, 'x').read(0, 10)).rejects.toMatchObject({ kind: 'unsupported' });
    expect(s.requests).toEqual([]);
  }, 10_000);
});
