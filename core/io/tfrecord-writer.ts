// The project's own TFRecord writer: frames records exactly as TensorFlow does (length, masked CRC
// of the length, data, masked CRC of the data). Used by fixtures, tests and benchmarks.
import { maskedCrc32c } from './crc32c';

export const RECORD_OVERHEAD = 16;

/** Frames one record. */
export function encodeRecord(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(RECORD_OVERHEAD + data.length);
  writeRecordInto(out, 0, data);
  return out;
}

/** Frames all records into one buffer, in order. */
export function encodeRecords(records: readonly Uint8Array[]): Uint8Array {
  let total = 0;
  for (const r of records) total += RECORD_OVERHEAD + r.length;
  const out = new Uint8Array(total);
  let pos = 0;
  for (const r of records) pos = writeRecordInto(out, pos, r);
  return out;
}

function writeRecordInto(out: Uint8Array, pos: number, data: Uint8Array): number {
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  view.setUint32(pos, data.length >>> 0, true);
  view.setUint32(pos + 4, Math.floor(data.length / 0x100000000), true);
  view.setUint32(pos + 8, maskedCrc32c(out, pos, pos + 8), true);
  out.set(data, pos + 12);
  view.setUint32(pos + 12 + data.length, maskedCrc32c(data), true);
  return pos + RECORD_OVERHEAD + data.length;
}
