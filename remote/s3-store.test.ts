// S3Store with the real AWS SDK against a local S3-compatible server (s3rver, started here on
// 127.0.0.1): a logdir of several runs, single objects, ranged reads, a grown object seen when
// listed again (live reload polls listings), access denied, a missing bucket and a missing key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRemoteLocation } from './remote-location';
import { RemoteObject, type TransferMeter } from './remote-reader';
import { S3Store } from './s3-store';
import { S3RVER_CREDENTIALS, startLocalS3, type LocalS3 } from './test-support/s3-server';

const bytes = (n: number, seed: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * seed + 3) & 0xff);
const A = bytes(50_000, 7);
let s3: LocalS3;
const saved = { ...process.env };

function withEnv<T>(env: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  Object.assign(process.env, env);
  return fn().finally(() => {
    for (const k of Object.keys(env)) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    Object.assign(process.env, S3RVER_CREDENTIALS);
  });
}

const store = (url: string): S3Store => new S3Store(parseRemoteLocation(url), { endpoint: s3.endpoint, maxAttempts: 1 });

beforeAll(async () => {
  Object.assign(process.env, S3RVER_CREDENTIALS);
  s3 = await startLocalS3(['logs-bucket']);
  await s3.put('logs-bucket', 'exp/run_a/events.out.tfevents.1.host', A);
  await s3.put('logs-bucket', 'exp/run_b/events.out.tfevents.2.host', bytes(1000, 3));
  await s3.put('logs-bucket', 'exp/run_b/eval/events.out.tfevents.3.host', bytes(10, 5));
  await s3.put('logs-bucket', 'exp/notes.txt', bytes(4, 1));
});
afterAll(async () => {
  await s3?.close();
  process.env = saved;
});

describe('S3Store against s3rver', () => {
  it('lists a prefix as a folder of objects with sizes, with or without the trailing slash', async () => {
    const expected = [
      { path: 'notes.txt', size: 4 },
      { path: 'run_a/events.out.tfevents.1.host', size: 50_000 },
      { path: 'run_b/eval/events.out.tfevents.3.host', size: 10 },
      { path: 'run_b/events.out.tfevents.2.host', size: 1000 },
    ];
    for (const url of ['s3://logs-bucket/exp', 's3://logs-bucket/exp/']) {
      const listing = await store(url).describe();
      expect(listing.kind).toBe('folder');
      expect(listing.kind === 'folder' ? [...listing.files].sort((a, b) => (a.path < b.path ? -1 : 1)) : null).toEqual(expected);
    }
  });

  it('describes a single object and reads only the ranges asked for', async () => {
    const s = store('s3://logs-bucket/exp/run_a/events.out.tfevents.1.host');
    expect(await s.describe()).toEqual({ kind: 'file', size: 50_000 });
    const meter: TransferMeter = { bytes: 0, requests: 0 };
    const object = new RemoteObject(s, '', 50_000, s.location.display, undefined, meter);
    expect(await object.read(1000, 1100)).toEqual(A.subarray(1000, 1100));
    expect(await object.read(49_990, 60_000)).toEqual(A.subarray(49_990));
    expect(meter).toEqual({ bytes: 110, requests: 2 });
  });

  it('reads an object of a listed folder by its relative path', async () => {
    const s = store('s3://logs-bucket/exp');
    const object = new RemoteObject(s, 'run_b/eval/events.out.tfevents.3.host', 10, 'x');
    expect(await object.read(0, 10)).toEqual(bytes(10, 5));
  });

  it('lists a grown object and a new run when listed again (what live reload polls)', async () => {
    const s = store('s3://logs-bucket/grow/');
    await s3.put('logs-bucket', 'grow/run/events.out.tfevents.9.host', bytes(100, 9));
    expect(await s.describe()).toEqual({ kind: 'folder', files: [{ path: 'run/events.out.tfevents.9.host', size: 100 }] });
    await s3.put('logs-bucket', 'grow/run/events.out.tfevents.9.host', bytes(250, 9));
    await s3.put('logs-bucket', 'grow/run2/events.out.tfevents.10.host', bytes(5, 9));
    expect(await s.describe()).toEqual({ kind: 'folder', files: [{ path: 'run/events.out.tfevents.9.host', size: 250 }, { path: 'run2/events.out.tfevents.10.host', size: 5 }] });
    const object = new RemoteObject(s, 'run/events.out.tfevents.9.host', 250, 'x');
    expect(await object.read(100, 250)).toEqual(bytes(250, 9).subarray(100));
  });

  it('says access denied, naming the location and where the credentials came from, never them', async () => {
    const err = await withEnv({ AWS_ACCESS_KEY_ID: 'AKIAWRONGKEY123', AWS_SECRET_ACCESS_KEY: 'wrong-secret-value' }, () => store('s3://logs-bucket/exp/').describe().catch((e: unknown) => e));
    expect(err).toMatchObject({ kind: 'access-denied' });
    const message = (err as Error).message;
    expect(message).toMatch(/^access denied to s3:\/\/logs-bucket\/exp\/ \(credentials from the environment \(AWS_ACCESS_KEY_ID\)/);
    expect(message).not.toContain('AKIAWRONGKEY123');
    expect(message).not.toContain('wrong-secret-value');
    // HeadObject's 403 has no body (no error code): it must read as access denied too.
    const head = await withEnv({ AWS_ACCESS_KEY_ID: 'AKIAWRONGKEY123' }, () => store('s3://logs-bucket/exp/run_a/events.out.tfevents.1.host').describe().catch((e: unknown) => e));
    expect(head).toMatchObject({ kind: 'access-denied', message: expect.stringMatching(/^access denied to s3:\/\/logs-bucket\/exp\/run_a\/events.out.tfevents.1.host \(credentials from/) });
  });

  it('says there is no such bucket, and not found for a missing prefix', async () => {
    await expect(store('s3://no-such-bucket-here/logs').describe()).rejects.toMatchObject({ kind: 'no-such-bucket', message: 'no such bucket: s3://no-such-bucket-here' });
    await expect(store('s3://logs-bucket/absent').describe()).rejects.toMatchObject({ kind: 'not-found', message: 'not found: s3://logs-bucket/absent (no object and no folder of that name)' });
  });

  it('takes the endpoint from AWS_ENDPOINT_URL', async () => {
    const s = new S3Store(parseRemoteLocation('s3://logs-bucket/exp/notes.txt'), { env: { ...process.env, AWS_ENDPOINT_URL: s3.endpoint } });
    expect(await s.describe()).toEqual({ kind: 'file', size: 4 });
  });
});
