// Tests for the TFRecord scanner: roundtrips over random chunk sizes, truncation at every cut,
// CRC corruption, resume, cancellation, I/O failures, and the real-world corpus.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { memorySource, type ByteSource } from './byte-source';
import { maskedCrc32c } from './crc32c';
import { LoadError } from './errors';
import { tensorflow } from '../proto/generated/proto';
import { encodeRecords } from './tfrecord-writer';
import { scanRecords, type RecordScanOptions, type RecordScanResult } from './tfrecord-reader';
import { openFileSource } from '../../cli/node-byte-source';

interface Scanned { readonly result: RecordScanResult; readonly data: Uint8Array[]; readonly offsets: number[] }

async function scan(source: ByteSource, options?: RecordScanOptions): Promise<Scanned> {
  const data: Uint8Array[] = [];
  const offsets: number[] = [];
  const result = await scanRecords(source, (b, s, e, off, stable) => { data.push(stable ? b.subarray(s, e) : b.slice(s, e)); offsets.push(off); }, options);
  return { result, data, offsets };
}

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const fill = (n: number, seed: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);

/** Header offsets of each record in an encodeRecords() buffer, plus the total length at the end. */
function boundaries(records: readonly Uint8Array[]): number[] {
  const out = [0];
  for (const r of records) out.push(out[out.length - 1]! + 16 + r.length);
  return out;
}

/** A source whose reads return fresh copies, like a file or Blob source (no views of one buffer). */
function copyingSource(name: string, file: Uint8Array, log?: number[][]): ByteSource {
  return {
    name,
    size: file.length,
    read(offset, length) {
      log?.push([offset, length]);
      return Promise.resolve(file.slice(offset, Math.min(file.length, offset + length)));
    },
  };
}

/**
 * A source with readInto that writes into the target at once, when the read is requested: the
 * harshest timing for buffer reuse (a file read on another thread may land at any moment), so a
 * view the scanner still needed would be overwritten before it is used.
 */
function poolingSource(name: string, file: Uint8Array, log?: number[][]): ByteSource {
  return {
    ...copyingSource(name, file, log),
    readInto(offset, target) {
      log?.push([offset, target.length]);
      const bytes = file.subarray(offset, Math.min(file.length, offset + target.length));
      target.set(bytes);
      return Promise.resolve(bytes.length);
    },
  };
}

const SOURCES = { memory: memorySource, copying: copyingSource, pooling: poolingSource } as const;

const THREE = [fill(5, 1), new Uint8Array(0), fill(20, 2)];

describe('scanRecords: roundtrip', () => {
  it('returns exactly the encoded records, with their header offsets, for any chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uint8Array({ maxLength: 120 }), { maxLength: 25 }),
        fc.oneof(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 65, max: 5000 })),
        fc.constantFrom(...(Object.keys(SOURCES) as (keyof typeof SOURCES)[])),
        async (records, chunkSize, kind) => {
          const file = encodeRecords(records);
          const source = SOURCES[kind]('f', file);
          const { result, data, offsets } = await scan(source, { chunkSize });
          // Views are compared after the scan: they must not have been reused or overwritten.
          expect(data).toEqual(records);
          expect(offsets).toEqual(boundaries(records).slice(0, -1));
          expect(result).toEqual({ records: records.length, endOffset: file.length, warnings: [], error: null });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads a record larger than a chunk with one dedicated read', async () => {
    const records = [fill(3, 0), fill(10_000, 1), fill(4, 2)];
    const file = encodeRecords(records);
    const reads: number[][] = [];
    const { data } = await scan(copyingSource('f', file, reads), { chunkSize: 64 });
    expect(data).toEqual(records);
    // The first chunk holds record 0 and 45 bytes of record 1; one read fetches the rest of record 1
    // (the chunk read ahead at 64 is too short for it and is dropped), then the last record.
    expect(reads).toEqual([[0, 64], [64, 64], [64, 19 + 10_016 - 64], [19 + 10_016, 20]]);
    expect(reads.filter(([, len]) => len! > 64)).toEqual([[64, 19 + 10_016 - 64]]);
  });

  it('reuses two chunk buffers when the source reads into buffers, and says so to the callback', async () => {
    const records = Array.from({ length: 200 }, (_, i) => fill(i % 40, i));
    const file = encodeRecords(records);
    const buffers = new Set<ArrayBufferLike>();
    const stable: boolean[] = [];
    const data: Uint8Array[] = [];
    const result = await scanRecords(poolingSource('f', file), (b, s, e, _off, st) => {
      buffers.add(b.buffer);
      stable.push(st);
      data.push(b.slice(s, e));
    }, { chunkSize: 256 });
    expect(result.records).toBe(200);
    expect(data).toEqual(records);
    // Two pooled buffers, plus the fresh ones joining a record split across chunks.
    const pooled = stable.filter((x) => !x).length;
    expect(pooled).toBeGreaterThan(150);
    expect(buffers.size).toBeLessThan(2 + (200 - pooled) + 1);
  });

  it('gives nothing, and reads nothing, for an empty file', async () => {
    const reads: number[][] = [];
    const { result } = await scan(copyingSource('empty', new Uint8Array(0), reads));
    expect(result).toEqual({ records: 0, endOffset: 0, warnings: [], error: null });
    expect(reads).toEqual([]);
  });

  it('reports progress monotonically up to the file size', async () => {
    const file = encodeRecords(Array.from({ length: 50 }, (_, i) => fill(i, i)));
    const seen: number[] = [];
    await scan(memorySource('f', file), { chunkSize: 100, onProgress: (done, total) => { expect(total).toBe(file.length); seen.push(done); } });
    expect(seen.length).toBeGreaterThan(5);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(seen[seen.length - 1]).toBe(file.length);
  });
});

describe('scanRecords: truncated tail', () => {
  const file = encodeRecords(THREE);
  const bounds = boundaries(THREE);

  for (const chunkSize of [1, 7, 4096]) {
    it(`keeps the records before every cut position (chunkSize ${chunkSize})`, async () => {
      for (let cut = 0; cut <= file.length; cut++) {
        const { result, data } = await scan(memorySource('cut', file.subarray(0, cut)), { chunkSize });
        const complete = bounds.filter((b) => b > 0 && b <= cut).length;
        expect(data).toEqual(THREE.slice(0, complete));
        expect(result.error).toBeNull();
        expect(result.endOffset).toBe(bounds[complete]);
        if (bounds.includes(cut)) {
          expect(result.warnings).toEqual([]);
        } else {
          expect(result.warnings).toHaveLength(1);
          expect(result.warnings[0]).toMatchObject({ kind: 'truncated', offset: bounds[complete], file: 'cut' });
          expect(result.warnings[0]!.message).toContain(`at byte ${bounds[complete]}`);
        }
      }
    });
  }

  it('says how much the record needs, how much remains and how many records were read', async () => {
    const cut = bounds[2]! + 14;
    const { result } = await scan(memorySource('cut', file.subarray(0, cut)));
    expect(result.warnings[0]!.message).toBe(`file ends inside a record at byte ${bounds[2]} (record needs 36 bytes, 14 remain); the 2 records before it were read`);
    const header = await scan(memorySource('cut', file.subarray(0, 3)));
    expect(header.result.warnings[0]!.message).toBe('file ends inside a record header at byte 0 (header needs 12 bytes, 3 remain); the 0 records before it were read');
  });

  it('treats a length over 2^31 that passes its CRC as a truncated tail', async () => {
    const header = new Uint8Array(12 + 40);
    new DataView(header.buffer).setUint32(4, 1, true); // length 2^32
    new DataView(header.buffer).setUint32(8, maskedCrc32c(header, 0, 8), true);
    const file = new Uint8Array([...encodeRecords([fill(8, 3)]), ...header]);
    const { result, data } = await scan(memorySource('big', file), { chunkSize: 16 });
    expect(data).toEqual([fill(8, 3)]);
    expect(result.error).toBeNull();
    expect(result.warnings).toMatchObject([{ kind: 'truncated', offset: 24 }]);
    expect(result.warnings[0]!.message).toContain('claims 4294967296 bytes');
  });

  it('treats a source that ends before its declared size as truncated', async () => {
    const full = encodeRecords(THREE);
    const short: ByteSource = { ...memorySource('short', full.subarray(0, bounds[2]! + 20)), size: full.length };
    const { result, data } = await scan(short, { chunkSize: 8 });
    expect(data).toEqual(THREE.slice(0, 2));
    expect(result.warnings).toMatchObject([{ kind: 'truncated', offset: bounds[2] }]);
  });
});

describe('scanRecords: corruption', () => {
  const records = [fill(10, 1), fill(30, 2), fill(7, 3), fill(12, 4)];
  const file = encodeRecords(records);
  const bounds = boundaries(records);

  it('skips a record whose data CRC does not match, warns with its offset and goes on', async () => {
    for (const pos of [bounds[1]! + 12, bounds[1]! + 12 + 29, bounds[2]! - 1]) {
      for (const chunkSize of [1, 13, 4096]) {
        const bad = file.slice();
        bad[pos]! ^= 0x40;
        const { result, data, offsets } = await scan(memorySource('bad', bad), { chunkSize });
        expect(data).toEqual([records[0], records[2], records[3]]);
        expect(offsets).toEqual([bounds[0], bounds[2], bounds[3]]);
        expect(result.error).toBeNull();
        expect(result.endOffset).toBe(file.length);
        expect(result.warnings).toMatchObject([{ kind: 'crc-mismatch', offset: bounds[1], file: 'bad' }]);
        expect(result.warnings[0]!.message).toContain(`byte ${bounds[1]}`);
      }
    }
  });

  it('stops with corrupt-length at a record whose length CRC does not match, keeping earlier records', async () => {
    for (const pos of [bounds[2]!, bounds[2]! + 5, bounds[2]! + 9]) {
      for (const chunkSize of [1, 13, 4096]) {
        const bad = file.slice();
        bad[pos]! ^= 0x01;
        const { result, data } = await scan(memorySource('bad', bad), { chunkSize });
        expect(data).toEqual(records.slice(0, 2));
        expect(result.records).toBe(2);
        expect(result.endOffset).toBe(bounds[2]);
        expect(result.error).toBeInstanceOf(LoadError);
        expect(result.error).toMatchObject({ kind: 'corrupt-length', offset: bounds[2], file: 'bad' });
        expect(result.error!.message).toContain(`byte ${bounds[2]}`);
      }
    }
  });
});

describe('scanRecords: resume, cancellation and failures', () => {
  it('resumes from endOffset after the file grew (live reload)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 60 }), { minLength: 1, maxLength: 12 }), fc.nat(), fc.integer({ min: 1, max: 50 }), async (records, c, chunkSize) => {
        const file = encodeRecords(records);
        const first = await scan(memorySource('live', file.subarray(0, c % (file.length + 1))), { chunkSize });
        const second = await scan(memorySource('live', file), { chunkSize, startOffset: first.result.endOffset });
        expect([...first.data, ...second.data]).toEqual(records);
        expect(second.offsets[0] ?? file.length).toBe(first.result.endOffset);
        expect(second.result).toMatchObject({ endOffset: file.length, warnings: [], error: null });
      }),
    );
  });

  it('warns when the file is now shorter than the resume offset', async () => {
    const { result } = await scan(memorySource('f', encodeRecords(THREE)), { startOffset: 1000 });
    expect(result).toMatchObject({ records: 0, endOffset: 1000, error: null, warnings: [{ kind: 'truncated', offset: 1000 }] });
  });

  it('stops with a cancelled error when isCancelled turns true, keeping what was delivered', async () => {
    const records = Array.from({ length: 40 }, (_, i) => fill(10, i));
    const file = encodeRecords(records);
    let polls = 0;
    const { result, data } = await scan(memorySource('f', file), { chunkSize: 50, isCancelled: () => ++polls > 3 });
    expect(result.error).toMatchObject({ kind: 'cancelled', file: 'f' });
    expect(data.length).toBeGreaterThan(0);
    expect(data.length).toBeLessThan(records.length);
    expect(data).toEqual(records.slice(0, data.length));
    expect(result.endOffset).toBe(data.length * 26);
    const before = await scan(memorySource('f', file), { isCancelled: () => true });
    expect(before.result).toMatchObject({ records: 0, endOffset: 0, error: { kind: 'cancelled', offset: 0 } });
  });

  it('turns a failing read into an io LoadError after the records already read', async () => {
    const records = Array.from({ length: 20 }, (_, i) => fill(4, i));
    const inner = memorySource('flaky', encodeRecords(records));
    let calls = 0;
    const flaky: ByteSource = { ...inner, read: (o, l) => (++calls > 2 ? Promise.reject(new Error('EIO: disk gone')) : inner.read(o, l)) };
    const { result, data } = await scan(flaky, { chunkSize: 60 });
    expect(result.error).toMatchObject({ kind: 'io', file: 'flaky', offset: 120 });
    expect(result.error!.message).toContain('EIO: disk gone');
    expect(data).toEqual(records.slice(0, data.length));
    expect(result.endOffset).toBe(data.length * 20);
  });

  it('lets exceptions from onRecord propagate', async () => {
    const boom = new Error('caller bug');
    await expect(scanRecords(memorySource('f', encodeRecords(THREE)), () => { throw boom; })).rejects.toBe(boom);
  });

  it('rejects nonsensical options', async () => {
    await expect(scanRecords(memorySource('f', bytes()), () => {}, { chunkSize: 0 })).rejects.toThrow(RangeError);
    await expect(scanRecords(memorySource('f', bytes()), () => {}, { startOffset: -1 })).rejects.toThrow(RangeError);
  });
});

/** Checks every invariant a result must satisfy whatever the input. */
function expectWellFormed(file: Uint8Array, s: Scanned): void {
  const { result, data, offsets } = s;
  expect(result.records).toBe(data.length);
  expect(result.endOffset).toBeGreaterThanOrEqual(0);
  expect(result.endOffset).toBeLessThanOrEqual(file.length);
  let prev = -1;
  data.forEach((d, k) => {
    const off = offsets[k]!;
    expect(off).toBeGreaterThan(prev);
    prev = off;
    expect(off + 16 + d.length).toBeLessThanOrEqual(result.endOffset);
    expect(d).toEqual(file.subarray(off + 12, off + 12 + d.length));
    expect(new DataView(file.buffer, file.byteOffset).getUint32(off + 12 + d.length, true)).toBe(maskedCrc32c(d));
  });
  if (result.error !== null) expect(['corrupt-length', 'io', 'cancelled']).toContain(result.error.kind);
  for (const w of result.warnings) {
    expect(['truncated', 'crc-mismatch']).toContain(w.kind);
    expect(w.offset).toBeGreaterThanOrEqual(0);
    expect(w.offset).toBeLessThanOrEqual(file.length);
  }
  expect(result.warnings.filter((w) => w.kind === 'truncated').length).toBeLessThanOrEqual(1);
}

describe('scanRecords: fuzz', () => {
  const chunk = fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constant(4 * 1024 * 1024));

  // No wall-clock budget (a test passes on any machine): a hang fails at the test timeout.
  async function scanChecked(file: Uint8Array, chunkSize: number): Promise<void> {
    expectWellFormed(file, await scan(memorySource('fuzz', file), { chunkSize }));
  }

  it('never throws on random bytes', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), chunk, scanChecked), { numRuns: 300 });
  });

  it('never throws on randomly mutated valid files', async () => {
    const mutation = fc.record({ pos: fc.nat(), value: fc.integer({ min: 0, max: 255 }), kind: fc.constantFrom('set', 'cut', 'insert') });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 80 }), { maxLength: 10 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), chunk, async (records, mutations, chunkSize) => {
        let file = encodeRecords(records);
        for (const m of mutations) {
          const at = m.pos % (file.length + 1);
          if (m.kind === 'set' && at < file.length) file[at] = m.value;
          if (m.kind === 'cut') file = file.slice(0, at);
          if (m.kind === 'insert') file = Uint8Array.from([...file.subarray(0, at), m.value, ...file.subarray(at)]);
        }
        await scanChecked(file, chunkSize);
      }),
      { numRuns: 400 },
    );
  });
});

const CORPUS = process.env['SCOPEVIEW_CORPUS'] ?? fileURLToPath(new URL('../../../shared/tf-corpus', import.meta.url));
const HAVE_CORPUS = existsSync(`${CORPUS}/MANIFEST.json`);
if (!HAVE_CORPUS) console.log(`tfrecord-reader corpus tests skipped: no corpus at ${CORPUS}`);

describe.skipIf(!HAVE_CORPUS)('scanRecords: real-world corpus', () => {
  interface Entry { readonly kind: string; readonly records?: number; readonly file_version?: string; readonly problems?: string[]; readonly size: number }
  const manifest = (HAVE_CORPUS ? JSON.parse(readFileSync(`${CORPUS}/MANIFEST.json`, 'utf8')) : {}) as Record<string, Entry>;
  const events = Object.entries(manifest).filter(([, e]) => e.kind === 'events');
  const TRUNCATED = 'corrupt_real_world/morvan_tf20_RNN2.2/events.out.tfevents.1490697588.Morvan';

  it('reads the 2 complete records of the log cut short and warns at byte 135552', async () => {
    const source = await openFileSource(`${CORPUS}/${TRUNCATED}`);
    try {
      const { result, offsets } = await scan(source);
      expect(result.records).toBe(manifest[TRUNCATED]!.records);
      expect(offsets).toEqual([0, 40]);
      expect(result.endOffset).toBe(135552);
      expect(result.error).toBeNull();
      expect(result.warnings).toEqual([{
        kind: 'truncated', offset: 135552, file: source.name,
        message: 'file ends inside a record at byte 135552 (record needs 152998 bytes, 151552 remain); the 2 records before it were read',
      }]);
    } finally {
      await source.close();
    }
  });

  it('finds exactly the MANIFEST record count in every events file, with small and default chunks', async () => {
    expect(events.length).toBeGreaterThan(10);
    for (const [path, entry] of events) {
      const source = await openFileSource(`${CORPUS}/${path}`);
      try {
        const big = await scan(source);
        const small = await scan(source, { chunkSize: 4096 });
        expect(big.result.records, path).toBe(entry.records);
        expect(big.result.error, path).toBeNull();
        expect(big.result.warnings.length, path).toBe(path === TRUNCATED ? 1 : 0);
        if (path !== TRUNCATED) expect(big.result.endOffset, path).toBe(entry.size);
        expect(small.offsets, path).toEqual(big.offsets);
        expect(small.result, path).toEqual(big.result);
        // The first record of every event file is Event{file_version}: proof the framing is right.
        expect(tensorflow.Event.decode(big.data[0]!).fileVersion, path).toBe(entry.file_version);
      } finally {
        await source.close();
      }
    }
  });
});
