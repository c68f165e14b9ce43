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
