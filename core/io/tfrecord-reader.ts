// Chunked TFRecord scanner: validates the framing and both CRCs of every record, hands out record
// views in file order, and turns truncation, corruption, I/O failure and cancellation into
// warnings or a LoadError. Reads large chunks and walks them synchronously, because a scalar-heavy
// log has millions of tiny records and a per-record await would cost more than the CRCs.
import type { ByteSource } from './byte-source';
import { crc32c, maskCrc } from './crc32c';
import { LoadError, toLoadError, type LoadWarning } from './errors';

export interface RecordScanOptions {
  /** Bytes per read; default 1 MiB. Records larger than a chunk are read with one dedicated read. */
  readonly chunkSize?: number;
  /** Polled between chunks; when it returns true the scan stops with a 'cancelled' LoadError. */
  readonly isCancelled?: () => boolean;
  /** `bytesDone` is the file offset reached (it starts at `startOffset`); `bytesTotal` the file size. */
  readonly onProgress?: (bytesDone: number, bytesTotal: number) => void;
  /** Start offset (for live reload: resume where the last scan ended). Default 0. */
  readonly startOffset?: number;
}

export interface RecordScanResult {
  /** Records delivered to onRecord. */
  readonly records: number;
  /** Offset just after the last complete record (resume point); skipped corrupt records count as complete. */
  readonly endOffset: number;
  readonly warnings: LoadWarning[];
  /** Set when scanning stopped on an error; records before it were delivered. */
  readonly error: LoadError | null;
}

export const DEFAULT_CHUNK_SIZE = 1024 * 1024;
const HEADER = 12;
const OVERHEAD = 16;
/** TensorFlow never writes records this large; a bigger length that passes its CRC means a broken tail. */
const MAX_RECORD = 2 ** 31;
const EMPTY: Uint8Array = new Uint8Array(0);

/**
 * Receives one record, synchronously and in file order: its data is buf[start, end) (no view is
 * allocated per record, which mattered at 10^6 records); `offset` is the file offset of the record's
 * header. When `stable` is false, buf is one of the scanner's reused read buffers and is overwritten
 * after the callback returns: copy whatever must outlive it. When true, views into buf stay valid.
 */
export type RecordCallback = (buf: Uint8Array, start: number, end: number, offset: number, stable: boolean) => void;

interface Chunk {
  readonly offset: number;
  readonly length: number;
  /** The bytes read; `pooled` ones live in a reused buffer. */
  readonly bytes: Promise<Uint8Array>;
  readonly pooled: boolean;
}

export async function scanRecords(
  source: ByteSource,
  onRecord: RecordCallback,
  options: RecordScanOptions = {},
): Promise<RecordScanResult> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const start = options.startOffset ?? 0;
  if (!Number.isSafeInteger(chunkSize) || chunkSize < 1) throw new RangeError(`chunkSize must be a positive integer, got ${chunkSize}`);
  if (!Number.isSafeInteger(start) || start < 0) throw new RangeError(`startOffset must be a non-negative integer, got ${start}`);

  const scan = new ChunkScanner(source.name, source.size, start, onRecord);
  if (start > source.size) {
    scan.warn('truncated', start, `file is now ${source.size} bytes, shorter than the resume offset ${start}; it was probably replaced or truncated`);
    return scan.result();
  }
  // Invariant: `tail` holds the bytes [next - tail.length, next): the start of a record not yet complete.
  let next = start;
  let tail: Uint8Array = EMPTY;
  // The next chunk is requested before the current one is walked, so reading overlaps scanning.
  let ahead: Chunk | null = null;
  // Sources that can read into a given buffer get two reused chunk buffers (the one being walked and
  // the one being read ahead); records bigger than a chunk get a buffer of their own.
  const pool = source.readInto ? [new Uint8Array(0), new Uint8Array(0)] : null;
  let flip = 0;
  const request = (offset: number, length: number): Chunk => {
    if (pool === null || !source.readInto || length > chunkSize) return { offset, length, bytes: source.read(offset, length), pooled: false };
    if ((pool[flip] as Uint8Array).length < length) pool[flip] = new Uint8Array(Math.min(chunkSize, Math.max(length, scan.size - offset)));
    const target = (pool[flip] as Uint8Array).subarray(0, length);
    flip ^= 1;
    return { offset, length, bytes: source.readInto(offset, target).then((n) => target.subarray(0, n)), pooled: true };
  };
  while (scan.error === null) {
    if (next >= scan.size) {
      if (tail.length > 0) scan.truncated(next - tail.length, tail);
      break;
    }
    if (options.isCancelled?.()) {
      scan.stop(new LoadError('cancelled', source.name, next - tail.length, 'loading was cancelled'));
      break;
    }
    const wanted = Math.min(scan.size - next, Math.max(chunkSize, remainingOfRecord(tail)));
    let chunk: Uint8Array;
    let pooled: boolean;
    try {
      if (ahead !== null && (ahead.offset !== next || ahead.length < wanted)) {
        // Unused: let it land before its pooled buffer can be handed out again.
        await ahead.bytes.catch(() => undefined);
        ahead = null;
      }
      const req = ahead ?? request(next, wanted);
      ahead = null;
      chunk = await req.bytes;
      pooled = req.pooled;
      if (chunk.length > req.length) chunk = chunk.subarray(0, req.length);
      const after = next + chunk.length;
      if (chunk.length === req.length && after < scan.size) ahead = request(after, Math.min(scan.size - after, chunkSize));
    } catch (err) {
      scan.stop(toLoadError(err, 'io', source.name, next));
      break;
    }
    // A short read means the file ended early (it shrank after we learned its size).
    if (chunk.length < wanted) scan.size = next + chunk.length;

    let body = chunk;
    if (tail.length > 0) {
      // Copy only the partial record plus the bytes that complete it; the rest is scanned in place.
      const take = Math.min(chunk.length, bytesToComplete(tail, chunk));
      const joined = new Uint8Array(tail.length + take);
      joined.set(tail);
      joined.set(chunk.subarray(0, take), tail.length);
      const used = scan.walk(joined, next - tail.length, true);
      tail = joined.subarray(used);
      body = chunk.subarray(take);
    }
    if (body.length > 0 && scan.error === null && !scan.stopped) {
      const bodyStart = next + (chunk.length - body.length);
      tail = body.subarray(scan.walk(body, bodyStart, !pooled));
      // The partial record must survive the next read into this buffer.
      if (pooled) tail = tail.slice();
    }
    next += chunk.length;
    options.onProgress?.(next, scan.size);
    if (scan.stopped) break;
  }
  ahead?.bytes.catch(() => undefined);
  return scan.result();
}

/** Holds the scan's state; `walk` is the synchronous hot loop over one contiguous buffer. */
class ChunkScanner {
  records = 0;
  endOffset: number;
  error: LoadError | null = null;
  /** True once a truncated tail has been reported: nothing after it can be framed. */
  stopped = false;
  readonly warnings: LoadWarning[] = [];

  constructor(
    readonly file: string,
    public size: number,
    start: number,
    private readonly onRecord: RecordCallback,
  ) {
    this.endOffset = start;
  }

  /** Delivers every complete record in buf (whose first byte is at file offset `base`); returns the
   *  number of bytes consumed. Stops early, setting `error` or `stopped`, on a broken header. */
  walk(buf: Uint8Array, base: number, stable: boolean): number {
    const i = walkRecords(buf, base, stable, this.size, this.onRecord, this.onBadData);
    const delivered = walkState.delivered;
    const consumed = i;
    this.records += delivered;
    if (consumed > 0) this.endOffset = base + consumed;
    if (walkState.stop === STOP_CORRUPT_LENGTH) {
      const off = base + i;
      this.stop(new LoadError('corrupt-length', this.file, off,
        `record length at byte ${off} is corrupt (its checksum does not match); stopped reading there, after ${plural(this.records, 'record')}`));
    } else if (walkState.stop === STOP_TRUNCATED) {
      this.truncatedRecord(base + i, walkState.length);
    }
    return i;
  }

  private readonly onBadData = (off: number): void => {
    this.warn('crc-mismatch', off, `record at byte ${off} is corrupt (its data checksum does not match); skipped it`);
  };

  /** The file ends inside the record starting at `offset`; `partial` holds what is left of it. */
  truncated(offset: number, partial: Uint8Array): void {
    if (partial.length < HEADER) {
      this.stopped = true;
      this.warn('truncated', offset, `file ends inside a record header at byte ${offset} (header needs ${HEADER} bytes, ${partial.length} remain); ${this.readSoFar()}`);
    } else {
      this.truncatedRecord(offset, u32(partial, 4) * 0x100000000 + u32(partial, 0));
    }
  }

  private truncatedRecord(offset: number, len: number): void {
    this.stopped = true;
    const remain = this.size - offset;
    const why = len > MAX_RECORD
      ? `record at byte ${offset} claims ${len} bytes, more than the 2 GiB a record can hold, so the file is treated as ending there`
      : `file ends inside a record at byte ${offset} (record needs ${len + OVERHEAD} bytes, ${remain} remain)`;
    this.warn('truncated', offset, `${why}; ${this.readSoFar()}`);
  }

  private readSoFar(): string {
    const n = this.records;
    return n === 1 ? 'the 1 record before it was read' : `the ${n} records before it were read`;
  }

  stop(error: LoadError): void {
    this.error = error;
  }

  warn(kind: LoadWarning['kind'], offset: number | null, message: string): void {
    this.warnings.push({ kind, offset, message, file: this.file });
  }

  result(): RecordScanResult {
    return { records: this.records, endOffset: this.endOffset, warnings: this.warnings, error: this.error };
  }
}

const STOP_MORE = 0;
const STOP_CORRUPT_LENGTH = 1;
const STOP_TRUNCATED = 2;
/** What the last walkRecords call saw; module state because the scan is synchronous. */
const walkState = { stop: STOP_MORE, length: 0, delivered: 0 };

/**
 * The hot loop, kept free of `this` and of any work after the loop (it only returns): V8 optimizes it on-stack while the
 * first chunk is scanned, and any code after the loop that has not yet run would make that
 * optimized code bail out at the end of every chunk (measured: 30% of a cold scalar-log scan).
 * Returns the offset in buf where it stopped; walkState says why.
 */
function walkRecords(buf: Uint8Array, base: number, stable: boolean, size: number, onRecord: RecordCallback, onBadData: (offset: number) => void): number {
  const n = buf.length;
  const state = walkState;
  state.stop = STOP_MORE;
  state.delivered = 0;
  let i = 0;
  while (n - i >= HEADER) {
    if (maskCrc(crc32c(buf, i, i + 8)) !== u32(buf, i + 8)) {
      state.stop = STOP_CORRUPT_LENGTH;
      return i;
    }
    const len = u32(buf, i + 4) * 0x100000000 + u32(buf, i);
    if (len > MAX_RECORD || base + i + OVERHEAD + len > size) {
      state.length = len;
      state.stop = STOP_TRUNCATED;
      return i;
    }
    const end = i + OVERHEAD + len;
    if (end > n) return i;
    const dataEnd = end - 4;
    if (maskCrc(crc32c(buf, i + HEADER, dataEnd)) === u32(buf, dataEnd)) {
      state.delivered++;
      onRecord(buf, i + HEADER, dataEnd, base + i, stable);
    } else onBadData(base + i);
    i = end;
  }
  return i;
}

function u32(b: Uint8Array, i: number): number {
  return (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
}

/** Byte k of the concatenation a ++ b. */
function byteAt(a: Uint8Array, b: Uint8Array, k: number): number {
  return k < a.length ? a[k]! : b[k - a.length]!;
}

/** How many bytes of `chunk` finish the partial record in `tail` (all of chunk when its header is
 *  still incomplete). A corrupt length may make this huge; the caller clamps it and walk() rejects it. */
function bytesToComplete(tail: Uint8Array, chunk: Uint8Array): number {
  if (tail.length + chunk.length < HEADER) return chunk.length;
  let lo = 0;
  let hi = 0;
  for (let k = 3; k >= 0; k--) {
    lo = lo * 256 + byteAt(tail, chunk, k);
    hi = hi * 256 + byteAt(tail, chunk, k + 4);
  }
  return hi * 0x100000000 + lo + OVERHEAD - tail.length;
}

/** Bytes still missing from the partial record in `tail`, or 0 when its header is incomplete.
 *  walk() has already checked a complete header, so this is bounded by the file size. */
function remainingOfRecord(tail: Uint8Array): number {
  if (tail.length < HEADER) return 0;
  return u32(tail, 4) * 0x100000000 + u32(tail, 0) + OVERHEAD - tail.length;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
