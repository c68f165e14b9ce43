// HttpStore and RemoteObject against a real HTTP server on 127.0.0.1: ranged reads, a server that
// ignores Range, a connection dropped mid-file, credentials in the URL, and errors users understand.
import { afterEach, describe, expect, it } from 'vitest';
import { HttpStore } from './http-store';
import { parseRemoteLocation } from './remote-location';
import { RemoteObject, type TransferMeter } from './remote-reader';
import { RemoteError } from './remote-store';
import { startHttpFileServer, type HttpFileServer } from './test-support/http-file-server';

const content = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 31 + 7) & 0xff);
const FAST = { attempts: 3, baseDelayMs: 5, idleTimeoutMs: 2000 };
let server: HttpFileServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

async function open(path: string, options: Parameters<typeof startHttpFileServer>[1] = {}, notices: string[] = []) {
  server = await startHttpFileServer({ '/logs/events.out.tfevents.1': { bytes: content } }, options);
  const store = new HttpStore(parseRemoteLocation(`${server.url}${path}`), { onNotice: (m) => notices.push(m) });
  const listing = await store.describe();
  const size = listing.kind === 'file' ? listing.size : -1;
  const meter: TransferMeter = { bytes: 0, requests: 0 };
  return { store, size, meter, object: new RemoteObject(store, '', size, store.location.display, FAST, meter) };
}

describe('HttpStore', () => {
  it('learns the size and reads exactly the ranges asked for', async () => {
    const { size, object, meter } = await open('/logs/events.out.tfevents.1');
    expect(size).toBe(content.length);
    expect(await object.read(1000, 1100)).toEqual(content.subarray(1000, 1100));
    expect(await object.read(299_990, 400_000)).toEqual(content.subarray(299_990));
    expect(meter.bytes).toBe(110);
    expect(server?.stats.ranges).toEqual(['bytes=0-0', 'bytes=1000-1099', 'bytes=299990-299999']);
  });

  it('says when the server ignores Range, downloads once and serves every read from the copy', async () => {
    const notices: string[] = [];
    const { object } = await open('/logs/events.out.tfevents.1', { ignoreRange: true }, notices);
    expect(await object.read(5, 10)).toEqual(content.subarray(5, 10));
    expect(await object.read(200_000, 200_010)).toEqual(content.subarray(200_000, 200_010));
    expect(notices).toEqual(['the server ignores Range requests: reading the whole 300 KB file']);
    // The probe's body is abandoned; the one full download serves both reads.
    expect(server?.stats.requests).toBe(2);
  });

  it('resumes a body cut short when the server comes back, and keeps what was read when it does not', async () => {
    const { object } = await open('/logs/events.out.tfevents.1', { dropAtOffset: 150_000 });
    // Every try ends at the drop: the reader retries, then returns the bytes before it.
    const got = await object.read(100_000, 200_000);
    expect(got).toEqual(content.subarray(100_000, 150_000));
    expect(object.interrupted).toMatchObject({ offset: 150_000 });
    expect(object.interrupted?.message).toMatch(/broke at byte 150000 of 300000 and did not recover after 3 tries/);
    // Past the break nothing more is read; before it, reads still work.
    expect(await object.read(160_000, 170_000)).toHaveLength(0);
    expect(await object.read(0, 10)).toEqual(content.subarray(0, 10));

    // A server that drops twice and then recovers: the reader asks for the rest each time.
    Object.assign(server!.options, { dropAtOffset: 250_000, dropTimes: 2 });
    const again = new RemoteObject(new HttpStore(parseRemoteLocation(`${server!.url}/logs/events.out.tfevents.1`)), '', content.length, 'again', FAST);
    server!.stats.ranges.length = 0;
    expect(await again.read(240_000, 260_000)).toEqual(content.subarray(240_000, 260_000));
    expect(again.interrupted).toBeNull();
    expect(server!.stats.ranges).toEqual(['bytes=240000-259999', 'bytes=250000-259999', 'bytes=250000-259999']);
  });

  it('sends credentials from the URL as Basic auth and never shows them', async () => {
    server = await startHttpFileServer({ '/f': { bytes: content } }, { basicAuth: 'ann:s3cret' });
    const good = new HttpStore(parseRemoteLocation(`${server.url.replace('//', '//ann:s3cret@')}/f?X-Amz-Signature=abc123`));
    expect(good.location.display).toBe(`${server.url}/f`);
    expect(await good.describe()).toEqual({ kind: 'file', size: content.length });
    const bad = new HttpStore(parseRemoteLocation(`${server.url.replace('//', '//ann:wrong@')}/f`));
    const err = await bad.describe().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RemoteError);
    expect((err as RemoteError).message).toBe(`access denied to ${server.url}/f (HTTP 401; credentials from the URL)`);
    expect((err as RemoteError).message).not.toContain('wrong');
  });

  it('names missing files, refused connections and folder URLs in words', async () => {
    server = await startHttpFileServer({});
    await expect(new HttpStore(parseRemoteLocation(`${server.url}/nope`)).describe()).rejects.toMatchObject({ kind: 'not-found', message: `not found: ${server.url}/nope (HTTP 404)` });
    const url = server.url;
    await server.close();
    server = null;
    await expect(new HttpStore(parseRemoteLocation(`${url}/gone`)).describe()).rejects.toMatchObject({ kind: 'transient', message: expect.stringContaining('ECONNREFUSED') });
    expect(() => new HttpStore(parseRemoteLocation(`${url}/logdir/`))).toThrow(/only single files can be opened/);
  });

  it('times out a server that stops sending, and retries', async () => {
    server = await startHttpFileServer({ '/f': { bytes: content } });
    const store = new HttpStore(parseRemoteLocation(`${server.url}/f`));
    const stalled = { ...store, stream: (_p: string, _s: number, _e: number, _c: (b: Uint8Array) => void, signal: AbortSignal) => new Promise<void>((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')))) };
    const object = new RemoteObject(stalled as unknown as HttpStore, '', 100, 'stalled', { attempts: 2, baseDelayMs: 1, idleTimeoutMs: 50 });
    const t0 = Date.now();
    expect(await object.read(0, 10)).toHaveLength(0);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(100);
    expect(object.interrupted?.message).toMatch(/no data from stalled for 0.05 s/);
  });
});
