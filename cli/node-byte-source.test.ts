// Tests for the Node file ByteSource: ranged reads, clamping at the end, read-only opening, and
// scanning a real event file in place.
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeRecords } from '../core/io/tfrecord-writer';
import { scanRecords } from '../core/io/tfrecord-reader';
import { tensorflow } from '../core/proto/generated/proto.js';
import { loadSource } from '../core/io/load';
import { openFileSource } from './node-byte-source';

let dir = '';
const content = Uint8Array.from({ length: 3000 }, (_, i) => (i * 13 + 7) & 0xff);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scopeview-node-source-'));
  await writeFile(join(dir, 'data.bin'), content);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('openFileSource', () => {
  it('names the source by its path and takes the size from stat', async () => {
    const path = join(dir, 'data.bin');
    const source = await openFileSource(path);
    try {
      expect(source.name).toBe(path);
      expect(source.size).toBe(content.length);
    } finally {
      await source.close();
    }
  });

  it('returns exactly the requested range, clamped to the end of the file', async () => {
    const source = await openFileSource(join(dir, 'data.bin'));
    try {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: 3100 }), fc.integer({ min: 0, max: 3100 }), async (offset, length) => {
          const got = await source.read(offset, length);
          const start = Math.min(offset, content.length);
          expect(got).toEqual(content.slice(start, Math.min(content.length, start + length)));
        }),
      );
    } finally {
      await source.close();
    }
  });

  it('readInto fills the given buffer, clamped to the end of the file, and returns the count', async () => {
    const source = await openFileSource(join(dir, 'data.bin'));
    try {
      const target = new Uint8Array(200).fill(0xee);
      expect(await source.readInto?.(2900, target)).toBe(100);
      expect(target.subarray(0, 100)).toEqual(content.subarray(2900));
      expect(target[100]).toBe(0xee);
      expect(await source.readInto?.(5000, target)).toBe(0);
    } finally {
      await source.close();
    }
  });

  it('loads graphs scattered among 9 MB of scalars intact, although chunk buffers are reused', async () => {
    const scalar = tensorflow.Event.encode({ wallTime: 1, step: 7, summary: { value: [{ tag: 'loss' }] } }).finish();
    const records: Uint8Array[] = [];
    for (let i = 0; i < 300_000; i++) {
      if (i % 50_000 === 1) {
        const node = Array.from({ length: 3 }, (_, k) => ({ name: `g${i}/n${k}`, op: 'Const', attr: { value: { s: new Uint8Array(1000).fill(i & 0xff) } } }));
        records.push(tensorflow.Event.encode({ step: i, graphDef: tensorflow.GraphDef.encode({ node }).finish() }).finish());
      } else records.push(scalar);
    }
    const path = join(dir, 'events.out.tfevents.pooled');
    await writeFile(path, encodeRecords(records));
    const source = await openFileSource(path);
    try {
      const r = await loadSource(source);
      expect(r.error).toBeNull();
      expect(r.graphs.map((g) => [g.step, g.graph.name(2)])).toEqual([1, 50_001, 100_001, 150_001, 200_001, 250_001].map((i) => [i, `g${i}/n2`]));
      // Lazy attributes read their bytes after the scan: they must come from the graph's own bytes.
      for (const g of r.graphs) expect(g.graph.attr(0, 'value')?.s).toEqual(new Uint8Array(1000).fill((g.step ?? -1) & 0xff));
    } finally {
      await source.close();
    }
  });

  it('returns fresh buffers: a later read never changes an earlier result', async () => {
    const source = await openFileSource(join(dir, 'data.bin'));
    try {
      const a = await source.read(0, 100);
      const copy = a.slice();
      await source.read(100, 100);
      expect(a).toEqual(copy);
    } finally {
      await source.close();
    }
  });

  it('opens read-only, so a file without write permission still opens and is left unchanged', async () => {
    const path = join(dir, 'readonly.tfevents');
    const file = encodeRecords([Uint8Array.of(1, 2, 3), Uint8Array.of(4)]);
    await writeFile(path, file);
    await chmod(path, 0o444);
    const source = await openFileSource(path);
    try {
      const records: Uint8Array[] = [];
      const result = await scanRecords(source, (b, s, e) => records.push(b.subarray(s, e)), { chunkSize: 5 });
      expect(result).toMatchObject({ records: 2, warnings: [], error: null });
      expect(records).toEqual([Uint8Array.of(1, 2, 3), Uint8Array.of(4)]);
    } finally {
      await source.close();
    }
    expect(new Uint8Array(await readFile(path))).toEqual(file);
  });

  it('rejects a missing file', async () => {
    await expect(openFileSource(join(dir, 'missing'))).rejects.toThrow(/ENOENT/);
  });
});

const CORPUS = process.env['SCOPEVIEW_CORPUS'] ?? fileURLToPath(new URL('../../shared/tf-corpus', import.meta.url));
const HAVE_CORPUS = existsSync(`${CORPUS}/MANIFEST.json`);
if (!HAVE_CORPUS) console.log(`node-byte-source corpus test skipped: no corpus at ${CORPUS}`);

describe.skipIf(!HAVE_CORPUS)('openFileSource on the corpus', () => {
  it('scans a 46433-record scalar log in place', async () => {
    const source = await openFileSource(`${CORPUS}/golbin_tutorials/dqn/events.out.tfevents.1484955089.mpr`);
    try {
      const result = await scanRecords(source, () => {}, { chunkSize: 64 * 1024 });
      expect(result).toMatchObject({ records: 46433, endOffset: source.size, warnings: [], error: null });
    } finally {
      await source.close();
    }
  });
});
