// Serialises a ScopeLayout to bytes and back, for the persistent layout cache: a small header
// followed by the typed arrays, little-endian, 8-byte aligned.
import { SCOPE_LAYOUT_ARRAYS, type ScopeLayout, type ScopeLayoutArray } from './types';

const MAGIC = 0x53564c31; // "SVL1"
const FIELDS = SCOPE_LAYOUT_ARRAYS;
const HEADER_WORDS = 6 + FIELDS.length; // magic, scope, auxCount, notice bytes, width (f64 as 2 words)

const pad8 = (n: number): number => (n + 7) & ~7;

export function encodeLayout(l: ScopeLayout): Uint8Array {
  const notice = l.notice === null ? null : new TextEncoder().encode(l.notice);
  let size = pad8(4 * HEADER_WORDS) + 16 + pad8(notice?.length ?? 0);
  for (const [f] of FIELDS) size += pad8(l[f].byteLength);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setInt32(4, l.scope, true);
  view.setInt32(8, l.auxCount, true);
  view.setInt32(12, notice === null ? -1 : notice.length, true);
  FIELDS.forEach(([f], k) => view.setUint32(16 + 4 * k, l[f].length, true));
  let at = pad8(4 * HEADER_WORDS);
  view.setFloat64(at, l.width, true);
  view.setFloat64(at + 8, l.height, true);
  at += 16;
  if (notice) out.set(notice, at);
  at += pad8(notice?.length ?? 0);
  for (const [f] of FIELDS) {
    out.set(new Uint8Array(l[f].buffer, l[f].byteOffset, l[f].byteLength), at);
    at += pad8(l[f].byteLength);
  }
  return out;
}

/** The layout in `bytes`, or null when they are not one (a stale or foreign cache entry). */
export function decodeLayout(bytes: Uint8Array): ScopeLayout | null {
  if (bytes.length < pad8(4 * HEADER_WORDS) + 16) return null;
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  if (view.getUint32(0, true) !== MAGIC) return null;
  const noticeLen = view.getInt32(12, true);
  let at = pad8(4 * HEADER_WORDS);
  const width = view.getFloat64(at, true);
  const height = view.getFloat64(at + 8, true);
  at += 16;
  if (noticeLen > copy.length - at) return null;
  const notice = noticeLen < 0 ? null : new TextDecoder().decode(copy.subarray(at, at + noticeLen));
  at += pad8(Math.max(0, noticeLen));
  const arrays: Partial<Record<ScopeLayoutArray, Int32Array | Float64Array>> = {};
  for (const [k, [f, type]] of FIELDS.entries()) {
    const len = view.getUint32(16 + 4 * k, true);
    const bytesLen = len * (type === 'i32' ? 4 : 8);
    if (at + bytesLen > copy.length) return null;
    arrays[f] = type === 'i32' ? new Int32Array(copy.buffer, at, len) : new Float64Array(copy.buffer, at, len);
    at += pad8(bytesLen);
  }
  return {
    scope: view.getInt32(4, true),
    width,
    height,
    auxCount: view.getInt32(8, true),
    notice,
    ms: 0,
    ...(arrays as Pick<ScopeLayout, ScopeLayoutArray>),
  };
}
