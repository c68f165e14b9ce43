// RemoteInputs: remote locations opened in main and served to the page by token, against servers
// started here (HTTP on 127.0.0.1, s3rver): listing a logdir, ranged bytes the page's reader
// accepts, growth seen by listing again, closed inputs, and names without secrets.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSource } from '../../core/io/load';
import { urlSource } from '../../renderer/host/url-byte-source';
import { startHttpFileServer, type HttpFileServer } from '../../remote/test-support/http-file-server';
import { S3RVER_CREDENTIALS, startLocalS3, type LocalS3 } from '../../remote/test-support/s3-server';
import { APP_ORIGIN, type ShellInput } from '../../common/ipc-contract';
import { RemoteInputs } from './remote-inputs';
import { InputWatcher } from './watcher';

const DEMO = readFileSync(join(import.meta.dirname, '../../fixtures/generated/demo/events.out.tfevents.0.scopeview'));
let http: HttpFileServer;
let s3: LocalS3;
beforeAll(async () => {
  Object.assign(process.env, S3RVER_CREDENTIALS);
  http = await startHttpFileServer({ '/logs/events.out.tfevents.0.scopeview': { bytes: DEMO } });
  s3 = await startLocalS3(['shell-logs']);
  await s3.put('shell-logs', 'exp/a/events.out.tfevents.0.scopeview', DEMO);
  await s3.put('shell-logs', 'exp/b/events.out.tfevents.0.scopeview', DEMO.subarray(0, 1000));
  await s3.put('shell-logs', 'exp/b/model.ckpt.index', new Uint8Array(5));
});
afterAll(async () => {
  await Promise.all([http?.close(), s3?.close()]);
});

/** The page's fetch, answered by RemoteInputs as the app:// handler would. */
function pageFetch(remote: RemoteInputs) {
  return async (url: string, init: { headers: Record<string, string> }) => {
    const grant = remote.resolve(new URL(url).pathname);
    if (!grant) return new Response('not a granted file', { status: 404 });
    return remote.serve(grant, new Request(url, { headers: init.headers }));
  };
}

const remoteFile = (input: ShellInput, i: number) => ({ kind: 'remote' as const, url: input.files[i]?.url ?? '', size: input.files[i]?.size ?? 0, inputKey: input.key });

describe('RemoteInputs', () => {
  it('opens an https:// file as a one-file input the page loads through app:// tokens', async () => {
    const remote = new RemoteInputs();
    const input = await remote.open(`${http.url.replace('//', '//user:pw@')}/logs/events.out.tfevents.0.scopeview?sig=secret`);
    expect(input).toMatchObject({ name: `${http.url}/logs/events.out.tfevents.0.scopeview`, folder: false, files: [{ path: 'events.out.tfevents.0.scopeview', size: DEMO.length }] });
    expect(JSON.stringify(input)).not.toMatch(/pw|secret/);
    expect(input.files[0]?.url).toMatch(new RegExp(`^${APP_ORIGIN}/@file/[0-9a-f-]{36}$`));
    expect(remote.get(input.key)?.paths).toEqual([`${http.url}/logs/events.out.tfevents.0.scopeview`]);
    // http.basicAuth is unset: the server ignores the credentials, the page never sees them.
    const r = await loadSource(urlSource(remoteFile(input, 0), 'demo', pageFetch(remote)));
    expect(r.error).toBeNull();
    expect(r.graphs.map((g) => g.source)).toEqual(['graph_def', 'meta_graph_def']);
  });

  it('lists an s3:// logdir (event files only), follows growth, and ends tokens on close', async () => {
    const remote = new RemoteInputs({ endpoint: s3.endpoint });
    const input = await remote.open('s3://shell-logs/exp');
    expect(input.folder).toBe(true);
    expect(input.files.map((f) => [f.path, f.size])).toEqual([['a/events.out.tfevents.0.scopeview', DEMO.length], ['b/events.out.tfevents.0.scopeview', 1000]]);
    const partial = await loadSource(urlSource(remoteFile(input, 1), 'b', pageFetch(remote)));
    expect(partial.warnings.map((w) => w.kind)).toEqual(['truncated']);

    // Live reload: the shell's watcher, listing through RemoteInputs, reports the grown log.
    const changes: unknown[] = [];
    const watcher = new InputWatcher(input, () => remote.describe(input.key), (c) => changes.push(c));
    expect(await watcher.check()).toBeNull();
    await s3.put('shell-logs', 'exp/b/events.out.tfevents.0.scopeview', DEMO);
    await s3.put('shell-logs', 'exp/c/events.out.tfevents.1.scopeview', DEMO);
    const change = await watcher.check();
    expect(change).toMatchObject({ changed: ['b/events.out.tfevents.0.scopeview'], added: ['c/events.out.tfevents.1.scopeview'] });
    expect(changes).toHaveLength(1);
    const again = change?.input as ShellInput;
    expect(again.files[1]).toEqual({ ...input.files[1], size: DEMO.length });
    const grown = await loadSource(urlSource(remoteFile(again, 1), 'b', pageFetch(remote)));
    expect(grown.warnings).toEqual([]);
    expect(grown.graphs).toHaveLength(2);

    remote.close([input.key]);
    expect(remote.resolve(new URL(input.files[0]?.url ?? '').pathname)).toBeNull();
    await expect(remote.describe(input.key)).rejects.toThrow('the input was closed');
  });

  it('refuses what cannot be opened, in words', async () => {
    const remote = new RemoteInputs({ endpoint: s3.endpoint });
    await expect(remote.open('s3://no-such-shell-bucket/x')).rejects.toThrow('no such bucket: s3://no-such-shell-bucket');
    await s3.put('shell-logs', 'empty/readme.txt', new Uint8Array(1));
    await expect(remote.open('s3://shell-logs/empty/')).rejects.toThrow('s3://shell-logs/empty/ holds no event files (*tfevents*), no graph files (.pb, .pbtxt, .meta) and no SavedModel');
  });

  it('opens the graph files of a folder that holds no event file (an exported export.meta)', async () => {
    const remote = new RemoteInputs({ endpoint: s3.endpoint });
    await s3.put('shell-logs', 'exported/export.meta', new Uint8Array(3));
    await s3.put('shell-logs', 'exported/notes.txt', new Uint8Array(1));
    const input = await remote.open('s3://shell-logs/exported/');
    expect(input.files.map((f) => [f.path, f.size])).toEqual([['export.meta', 3]]);
    remote.close([input.key]);
  });
});
