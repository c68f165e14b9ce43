// Tests for the Blob ByteSource (Node's global Blob stands in for a dropped File).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeRecords } from '../../core/io/tfrecord-writer';
import { scanRecords } from '../../core/io/tfrecord-reader';
import { blobSource } from './blob-byte-source';

describe('blobSource', () => {
  const content = Uint8Array.from({ length: 1000 }, (_, i) => (i * 29 + 3) & 0xff);
  const source = blobSource(new Blob([content]), 'dropped.bin');

  it('takes name and size from its arguments and the blob', () => {
    expect(source.name).toBe('dropped.bin');
    expect(source.size).toBe(1000);
  });

  it('returns exactly the requested range, clamped to the end of the blob', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 1100 }), fc.integer({ min: 0, max: 1100 }), async (offset, length) => {
        const got = await source.read(offset, length);
        const start = Math.min(offset, content.length);
        expect(got).toEqual(content.slice(start, Math.min(content.length, start + length)));
      }),
    );
  });

  it('scans records across chunk boundaries', async () => {
    const records = Array.from({ length: 30 }, (_, i) => content.slice(i, i * 3));
    const got: Uint8Array[] = [];
    const result = await scanRecords(blobSource(new Blob([encodeRecords(records) as Uint8Array<ArrayBuffer>]), 'r'), (b, s, e) => got.push(b.subarray(s, e)), { chunkSize: 37 });
    expect(result).toMatchObject({ records: 30, warnings: [], error: null });
    expect(got).toEqual(records);
  });
});

const CORPUS = process.env['SCOPEVIEW_CORPUS'] ?? fileURLToPath(new URL('../../../shared/tf-corpus', import.meta.url));
const HAVE_CORPUS = existsSync(`${CORPUS}/MANIFEST.json`);
if (!HAVE_CORPUS) console.log(`blob-byte-source corpus tests skipped: no corpus at ${CORPUS}`);

describe.skipIf(!HAVE_CORPUS)('blobSource on the corpus', () => {
  const scanFile = async (rel: string, chunkSize?: number) => {
    const bytes = readFileSync(`${CORPUS}/${rel}`);
    return scanRecords(blobSource(new Blob([bytes]), rel), () => {}, chunkSize ? { chunkSize } : {});
  };

  it('scans a TF2 Keras event file through a Blob', async () => {
    const result = await scanFile('tf2_keras_callback/imdb-model/train/events.out.tfevents.1690485354.e-bnbobg-5l77j-0.80091.0.v2', 1000);
    expect(result).toMatchObject({ records: 163, warnings: [], error: null });
  });

  it('reports the truncated log cut short at byte 135552', async () => {
    const result = await scanFile('corrupt_real_world/morvan_tf20_RNN2.2/events.out.tfevents.1490697588.Morvan');
    expect(result.records).toBe(2);
    expect(result.warnings).toMatchObject([{ kind: 'truncated', offset: 135552 }]);
  });
});
