// Minimal protobuf wire-format walking for the hot paths that must not allocate (scanning 10^6
// event records) and for content sniffing. Full decoding uses the generated protobufjs code.

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_LEN = 2;
export const WIRE_FIXED32 = 5;

/** A cursor over `buf`; `pos` advances as fields are read. Methods return -1 / false on malformed input instead of throwing. */
const SCRATCH = new Uint8Array(8);
const SCRATCH_F64 = new Float64Array(SCRATCH.buffer);

export class WireCursor {
  pos: number;
  constructor(public buf: Uint8Array, start = 0, public end = buf.length) {
    this.pos = start;
  }

  /** Points the cursor at another range (cursors are reused on hot paths instead of allocated). */
  reset(buf: Uint8Array, start: number, end: number): this {
    this.buf = buf;
    this.pos = start;
    this.end = end;
    return this;
  }

  /** Reads a varint as a JS number (exact up to 2^53); -1 when truncated or longer than 10 bytes. */
  varint(): number {
    const buf = this.buf;
    let result = 0;
    let mul = 1;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) return -1;
      const b = buf[this.pos++] as number;
      result += (b & 0x7f) * mul;
      if (b < 0x80) return result;
      mul *= 128;
    }
    return -1;
  }

  /** Skips a field value of `wireType`; false when it runs past `end` or the wire type is invalid. */
  skip(wireType: number): boolean {
    switch (wireType) {
      case WIRE_VARINT:
        return this.varint() >= 0;
      case WIRE_FIXED64:
        this.pos += 8;
        return this.pos <= this.end;
      case WIRE_LEN: {
        const len = this.varint();
        if (len < 0) return false;
        this.pos += len;
        return this.pos <= this.end;
      }
      case WIRE_FIXED32:
        this.pos += 4;
        return this.pos <= this.end;
      default:
        return false;
    }
  }

  /** A little-endian double (the platforms Scopeview runs on are little-endian, as Float64Array is). */
  double(): number {
    if (this.pos + 8 > this.end) return Number.NaN;
    for (let k = 0; k < 8; k++) SCRATCH[k] = this.buf[this.pos + k] as number;
    this.pos += 8;
    return SCRATCH_F64[0] as number;
  }
}

export interface FieldSpan {
  readonly field: number;
  readonly wireType: number;
  /** For LEN fields: payload start and end; for others: value start and end. */
  readonly start: number;
  readonly end: number;
}

/**
 * Lists the top-level fields of a message in buf[start, end), up to `limit` fields. Returns the
 * fields and, when the bytes are not a well-formed message, the offset where walking failed.
 */
export function walkFields(buf: Uint8Array, start = 0, end = buf.length, limit = Infinity): { fields: FieldSpan[]; errorAt: number | null } {
  const c = new WireCursor(buf, start, end);
  const fields: FieldSpan[] = [];
  while (c.pos < end && fields.length < limit) {
    const tagAt = c.pos;
    const tag = c.varint();
    if (tag < 0) return { fields, errorAt: tagAt };
    const field = Math.floor(tag / 8);
    const wireType = tag & 7;
    if (field === 0) return { fields, errorAt: tagAt };
    if (wireType === WIRE_LEN) {
      const len = c.varint();
      if (len < 0 || c.pos + len > end) return { fields, errorAt: tagAt };
      fields.push({ field, wireType, start: c.pos, end: c.pos + len });
      c.pos += len;
    } else {
      const valueAt = c.pos;
      if (!c.skip(wireType)) return { fields, errorAt: tagAt };
      fields.push({ field, wireType, start: valueAt, end: c.pos });
    }
  }
  return { fields, errorAt: null };
}

/** True when buf[start, end) is printable UTF-8-ish text (no control bytes): used to tell names from nested messages. */
export function looksLikeName(buf: Uint8Array, start: number, end: number): boolean {
  if (end <= start) return false;
  for (let i = start; i < end; i++) {
    const b = buf[i] as number;
    if (b < 0x20 || b === 0x7f) return false;
  }
  return true;
}
