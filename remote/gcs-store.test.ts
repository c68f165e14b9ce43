// GcsStore with the real @google-cloud/storage library against a minimal local stand-in for the
// JSON API (test-support/gcs-server.ts): listing with pagination, ranged media reads, listing again, and
// the errors for a missing bucket, a missing object and a denied bucket. Both ways of pointing the
// library at it are covered: STORAGE_EMULATOR_HOST and the endpoint option.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GcsStore } from './gcs-store';
import { parseRemoteLocation } from './remote-location';
import { RemoteObject, type TransferMeter } from './remote-reader';
import { startFakeGcs, type FakeGcs } from './test-support/gcs-server';
import { NO_METADATA_ENV } from './test-support/no-metadata';

const bytes = (n: number, seed: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * seed + 1) & 0xff);
let gcs: FakeGcs;

beforeAll(async () => {
  Object.assign(process.env, NO_METADATA_ENV);
  gcs = await startFakeGcs();
  gcs.buckets.set('tb-logs', new Map([
    ['exp/train/events.out.tfevents.1.h', bytes(40_000, 3)],
    ['exp/eval/events.out.tfevents.2.h', bytes(300, 5)],
    ['exp/eval/', new Uint8Array(0)],
    ['exp/model/saved_model.pb', bytes(64, 7)],
    ['other/events.out.tfevents.3.h', bytes(5, 1)],
  ]));
  gcs.buckets.set('private-logs', new Map());
  gcs.denied.add('private-logs');
});
afterAll(async () => {
  await gcs?.close();
});

const viaEndpoint = (url: string): GcsStore => new GcsStore(parseRemoteLocation(url), { endpoint: gcs.url, env: {} });

describe('GcsStore against a local JSON-API stand-in', () => {
  it('lists a prefix across pages, skipping folder placeholders', async () => {
    const listing = await viaEndpoint('gs://tb-logs/exp').describe();
    expect(listing).toEqual({ kind: 'folder', files: [
      { path: 'eval/events.out.tfevents.2.h', size: 300 },
      { path: 'model/saved_model.pb', size: 64 },
      { path: 'train/events.out.tfevents.1.h', size: 40_000 },
    ] });
  });

  it('describes one object and reads only the ranges asked for (endpoint option)', async () => {
    const s = viaEndpoint('gs://tb-logs/exp/train/events.out.tfevents.1.h');
    expect(await s.describe()).toEqual({ kind: 'file', size: 40_000 });
    const meter: TransferMeter = { bytes: 0, requests: 0 };
    const object = new RemoteObject(s, '', 40_000, s.location.display, undefined, meter);
    const before = gcs.stats.mediaBytes;
    expect(await object.read(100, 1100)).toEqual(bytes(40_000, 3).subarray(100, 1100));
    expect(meter.bytes).toBe(1000);
    expect(gcs.stats.mediaBytes - before).toBe(1000);
  });

  it('works through STORAGE_EMULATOR_HOST, as the library documents for emulators', async () => {
    const s = new GcsStore(parseRemoteLocation('gs://tb-logs/exp/eval/'), { env: { STORAGE_EMULATOR_HOST: gcs.url } });
    const saved = process.env['STORAGE_EMULATOR_HOST'];
    process.env['STORAGE_EMULATOR_HOST'] = gcs.url;
    try {
      expect(await s.describe()).toEqual({ kind: 'folder', files: [{ path: 'events.out.tfevents.2.h', size: 300 }] });
      expect(await new RemoteObject(s, 'events.out.tfevents.2.h', 300, 'x').read(290, 400)).toEqual(bytes(300, 5).subarray(290));
    } finally {
      if (saved === undefined) delete process.env['STORAGE_EMULATOR_HOST'];
      else process.env['STORAGE_EMULATOR_HOST'] = saved;
    }
    expect(gcs.stats.paths).toContain('GET /b/tb-logs/o');
  });

  it('lists a grown object when listed again (what live reload polls)', async () => {
    const s = viaEndpoint('gs://tb-logs/other/');
    expect(await s.describe()).toEqual({ kind: 'folder', files: [{ path: 'events.out.tfevents.3.h', size: 5 }] });
    gcs.buckets.get('tb-logs')?.set('other/events.out.tfevents.3.h', bytes(50, 1));
    expect(await s.describe()).toEqual({ kind: 'folder', files: [{ path: 'events.out.tfevents.3.h', size: 50 }] });
  });

  it('names a missing bucket, a missing object and a denied bucket in words', async () => {
    await expect(viaEndpoint('gs://no-such-bucket/x').describe()).rejects.toMatchObject({ kind: 'no-such-bucket', message: 'no such bucket: gs://no-such-bucket' });
    await expect(viaEndpoint('gs://tb-logs/absent').describe()).rejects.toMatchObject({ kind: 'not-found', message: 'not found: gs://tb-logs/absent (no object and no folder of that name)' });
    await expect(viaEndpoint('gs://private-logs/run/').describe()).rejects.toMatchObject({ kind: 'access-denied', message: 'access denied to gs://private-logs/run/ (anonymous access: no credentials were sent)' });
    const gone = new RemoteObject(viaEndpoint('gs://tb-logs/exp/'), 'missing', 10, 'x');
    await expect(gone.read(0, 10)).rejects.toMatchObject({ kind: 'not-found', message: 'not found: gs://tb-logs/exp/missing' });
  });
});
