// The ByteSource over Range requests, against fake servers.
import { describe, expect, it } from 'vitest';
import { urlSource, type Fetch, type RemoteFile } from './url-byte-source';

const BYTES = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7) % 256);
const file: RemoteFile = { kind: 'remote', url: 'app://scopeview/@file/t', size: BYTES.length, inputKey: 'k' };

/** A server over BYTES that honours Range (or ignores it), recording what was asked. */
function server(mode: 'range' | 'whole' | 'broken' | 'shifted'): { fetch: Fetch; asked: string[] } {
  const asked: string[] = [];
  const fetch: Fetch = async (_url, init) => {
    const range = init.headers.Range ?? '';
    asked.push(range);
    const m = /^bytes=(\d+)-(\d+)$/.exec(range);
    if (mode === 'broken') return new Response('gone', { status: 404 });
    if (mode === 'whole' || !m) return new Response(BYTES.slice(), { status: 200 });
    const start = Number(m[1]) + (mode === 'shifted' ? 1 : 0);
    const end = Math.min(Number(m[2]), BYTES.length - 1);
    return new Response(BYTES.slice(start, end + 1), { status: 206, headers: { 'content-range': `bytes ${start}-${end}/${BYTES.length}` } });
  };
  return { fetch, asked };
}

describe('URL byte source', () => {
  it('reads exactly the asked range with one Range request', async () => {
    const s = server('range');
    const src = urlSource(file, 'events', s.fetch);
    expect(src.size).toBe(5000);
    expect(await src.read(1000, 2048)).toEqual(BYTES.subarray(1000, 3048));
    expect(s.asked).toEqual(['bytes=1000-3047']);
  });

  it('clips reads at the size it was opened with, and asks nothing for empty reads', async () => {
    const s = server('range');
    const src = urlSource({ ...file, size: 4000 }, 'events', s.fetch);
    expect(await src.read(3900, 1000)).toEqual(BYTES.subarray(3900, 4000));
    expect(await src.read(4000, 10)).toEqual(new Uint8Array(0));
    expect(await src.read(10, 0)).toEqual(new Uint8Array(0));
    expect(s.asked).toEqual(['bytes=3900-3999']);
  });

  it('copes with a server that ignores Range', async () => {
    const src = urlSource(file, 'events', server('whole').fetch);
    expect(await src.read(10, 20)).toEqual(BYTES.subarray(10, 30));
  });

  it('fails with the file name on HTTP errors and on a wrong range', async () => {
    await expect(urlSource(file, 'events', server('broken').fetch).read(0, 10)).rejects.toThrow(/events: reading bytes 0-9 failed \(HTTP 404\)/);
    await expect(urlSource(file, 'events', server('shifted').fetch).read(0, 10)).rejects.toThrow(/another byte range/);
  });
});
