// Open URL (browser host) against a real HTTP server on 127.0.0.1 with Node's fetch: the size from
// a one-byte range, the input the explorer opens, servers that ignore Range, and the refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpFileServer, type HttpFileServer } from '../../remote/test-support/http-file-server';
import { openUrlInput } from './open-url';
import { urlSource, isRemoteFile } from './url-byte-source';

const bytes = Uint8Array.from({ length: 5000 }, (_, i) => i & 0xff);
let server: HttpFileServer;
let whole: HttpFileServer;
beforeAll(async () => {
  server = await startHttpFileServer({ '/run/events.out.tfevents.7': { bytes } });
  whole = await startHttpFileServer({ '/f.pb': { bytes } }, { ignoreRange: true });
});
afterAll(async () => {
  await Promise.all([server.close(), whole.close()]);
});

describe('openUrlInput', () => {
  it('opens a file by URL as a RemoteFile the worker reads in ranges; names it without the query', async () => {
    const input = await openUrlInput(`${server.url}/run/events.out.tfevents.7?X-Goog-Signature=feed#x`);
    expect(input.name).toBe(`${server.url}/run/events.out.tfevents.7`);
    expect(input.folder).toBe(false);
    const f = input.files[0];
    expect(f?.path).toBe('events.out.tfevents.7');
    if (!f || !isRemoteFile(f.file)) throw new Error('expected a RemoteFile');
    expect(f.file).toEqual({ kind: 'remote', url: `${server.url}/run/events.out.tfevents.7?X-Goog-Signature=feed`, size: 5000, inputKey: `url:${server.url}/run/events.out.tfevents.7` });
    expect(await urlSource(f.file, input.name).read(4990, 100)).toEqual(bytes.subarray(4990));
  });

  it('reads the whole file once from a server that ignores Range, and says so', async () => {
    const notices: string[] = [];
    const input = await openUrlInput(`${whole.url}/f.pb`, (m) => notices.push(m));
    expect(notices).toEqual(['the server ignores Range requests: reading the whole 5.0 KB file']);
    const file = input.files[0]?.file;
    expect(file instanceof Blob ? new Uint8Array(await file.arrayBuffer()) : null).toEqual(bytes);
  });

  it('refuses what it cannot open, in words', async () => {
    await expect(openUrlInput('s3://b/k')).rejects.toThrow(/only https:\/\/ and http:\/\//);
    await expect(openUrlInput('https://u:p@example.test/f')).rejects.toThrow(/user name or password/);
    await expect(openUrlInput(`${server.url}/run/`)).rejects.toThrow(/folder URLs cannot be opened/);
    await expect(openUrlInput(`${server.url}/missing`)).rejects.toThrow(`not found: ${server.url}/missing (HTTP 404)`);
    await expect(openUrlInput('http://127.0.0.1:1/x')).rejects.toThrow(/cannot be reached, or it does not allow pages of other sites/);
    await expect(openUrlInput('not a url')).rejects.toThrow(/^not a URL/);
  });
});
