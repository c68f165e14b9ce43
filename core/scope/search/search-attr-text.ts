// Renders encoded attribute values as the text that attribute search matches, straight from the
// wire bytes: dtype names, shapes `(2, ?)`, strings, ints, floats, bools, function names, lists as
// `[a, b]`. A tensor is rendered as its dtype and shape only, and its contents are skipped unread,
// so a 1 GB Const costs no more than a scalar. Malformed bytes end the rendering, never throw.
import protobuf from 'protobufjs/minimal.js';
import { attrEntryKey, dtypeName, formatShape } from '../../graph/attrs';
import { WIRE_FIXED32, WIRE_LEN, WIRE_VARINT, WireCursor } from '../../proto/wire';

/** Strings are searched in their first 1 KiB: attributes holding serialized blobs stay cheap. */
export const MAX_STRING_BYTES = 1024;

// protobufjs' decoder: far cheaper than TextDecoder for millions of short strings.
const utf8 = protobuf.util.utf8;

/** A field header read by `nextField`: number, wire type, and for LEN fields the payload span. */
interface Field {
  field: number;
  wireType: number;
  start: number;
  end: number;
}

/** Reads the next field header, leaving `c.pos` after a LEN payload or at a scalar's value; null at the end or on malformed input. */
function nextField(c: WireCursor, f: Field): Field | null {
  if (c.pos >= c.end) return null;
  const tag = c.varint();
  if (tag <= 0) return null;
  f.field = Math.floor(tag / 8);
  f.wireType = tag & 7;
  f.start = c.pos;
  if (f.wireType === WIRE_LEN) {
    const len = c.varint();
    if (len < 0 || c.pos + len > c.end) return null;
    f.start = c.pos;
    f.end = c.pos + len;
    c.pos = f.end;
  }
  return f;
}

/** Reads an int64 varint exactly (two's complement, as TensorFlow writes -1 dimensions). */
function int64(c: WireCursor): string | null {
  const buf = c.buf;
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < 10; i++) {
    if (c.pos >= c.end) return null;
    const b = (buf[c.pos++] as number) & 0x7f;
    if (i < 4) lo |= b << (7 * i);
    else if (i === 4) {
      lo |= b << 28;
      hi |= b >> 4;
    } else hi |= b << (7 * (i - 5) + 3);
    if (((buf[c.pos - 1] as number) & 0x80) === 0) {
      if (hi === 0) return String(lo >>> 0);
      if (hi === -1 && lo < 0) return String(lo);
      return BigInt.asIntN(64, (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0)).toString();
    }
  }
  return null;
}

/** The shortest decimal that reads back as the same float32 (`0.1`, not `0.10000000149011612`). */
export function float32Text(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  for (let p = 1; p < 9; p++) {
    const s = Number(x.toPrecision(p));
    if (Math.fround(s) === x) return String(s);
  }
  return String(x);
}

function float32(c: WireCursor): string | null {
  if (c.pos + 4 > c.end) return null;
  const b = c.buf;
  const v = new DataView(b.buffer, b.byteOffset + c.pos, 4).getFloat32(0, true);
  c.pos += 4;
  return float32Text(v);
}

function bytesText(buf: Uint8Array, start: number, end: number): string {
  return utf8.read(buf, start, Math.min(end, start + MAX_STRING_BYTES));
}

function shapeText(buf: Uint8Array, start: number, end: number): string {
  const c = new WireCursor(buf, start, end);
  const dim: { size: number }[] = [];
  let unknownRank = false;
  const f: Field = { field: 0, wireType: 0, start: 0, end: 0 };
  while (nextField(c, f)) {
    if (f.field === 2 && f.wireType === WIRE_LEN) {
      const d = new WireCursor(buf, f.start, f.end);
      const g: Field = { field: 0, wireType: 0, start: 0, end: 0 };
      let size = 0;
      while (nextField(d, g)) {
        if (g.field === 1 && g.wireType === WIRE_VARINT) size = Number(int64(d) ?? 0);
        else if (g.wireType !== WIRE_LEN && !d.skip(g.wireType)) break;
      }
      dim.push({ size });
    } else if (f.field === 3 && f.wireType === WIRE_VARINT) unknownRank = c.varint() > 0;
    else if (f.wireType !== WIRE_LEN && !c.skip(f.wireType)) break;
  }
  return formatShape({ dim, unknownRank });
}

/** dtype and shape of a TensorProto; the contents (fields 3 and up) are skipped unread. */
function tensorText(buf: Uint8Array, start: number, end: number): string {
  const c = new WireCursor(buf, start, end);
  let dtype = 0;
  let shape = '()';
  const f: Field = { field: 0, wireType: 0, start: 0, end: 0 };
  while (nextField(c, f)) {
    if (f.field === 1 && f.wireType === WIRE_VARINT) dtype = c.varint();
    else if (f.field === 2 && f.wireType === WIRE_LEN) shape = shapeText(buf, f.start, f.end);
    else if (f.wireType !== WIRE_LEN && !c.skip(f.wireType)) break;
  }
  return `${dtypeName(dtype)} ${shape}`;
}

/** The `name` of a NameAttrList (its attributes are not rendered). */
function funcText(buf: Uint8Array, start: number, end: number): string {
  const c = new WireCursor(buf, start, end);
  const f: Field = { field: 0, wireType: 0, start: 0, end: 0 };
  while (nextField(c, f)) {
    if (f.field === 1 && f.wireType === WIRE_LEN) return bytesText(buf, f.start, f.end);
    if (f.wireType !== WIRE_LEN && !c.skip(f.wireType)) break;
  }
  return '';
}

/** One scalar of kind `field` (AttrValue numbering: 3 int, 4 float, 5 bool, 6 dtype) at `c.pos`. */
function scalar(c: WireCursor, field: number): string | null {
  switch (field) {
    case 3:
      return int64(c);
    case 4:
      return float32(c);
    case 5: {
      const v = c.varint();
      return v < 0 ? null : v ? 'true' : 'false';
    }
    default: {
      const v = c.varint();
      return v < 0 ? null : dtypeName(v);
    }
  }
}

/** A message-valued item (AttrValue numbering shifted for lists by the caller). */
function messageText(kind: 's' | 'shape' | 'tensor' | 'func', buf: Uint8Array, start: number, end: number): string {
  if (kind === 's') return bytesText(buf, start, end);
  if (kind === 'shape') return shapeText(buf, start, end);
  if (kind === 'tensor') return tensorText(buf, start, end);
  return funcText(buf, start, end);
}

const LIST_MESSAGES: Readonly<Record<number, 's' | 'shape' | 'tensor' | 'func'>> = { 2: 's', 7: 'shape', 8: 'tensor', 9: 'func' };
const VALUE_MESSAGES: Readonly<Record<number, 's' | 'shape' | 'tensor' | 'func'>> = { 2: 's', 7: 'shape', 8: 'tensor', 9: 's', 10: 'func' };

function listText(buf: Uint8Array, start: number, end: number): string {
  const items: string[] = [];
  const c = new WireCursor(buf, start, end);
  const f: Field = { field: 0, wireType: 0, start: 0, end: 0 };
  while (nextField(c, f)) {
    const kind = LIST_MESSAGES[f.field];
    if (kind && f.wireType === WIRE_LEN) items.push(messageText(kind, buf, f.start, f.end));
    else if (f.field >= 3 && f.field <= 6 && f.wireType === WIRE_LEN) {
      // Packed scalars.
      const p = new WireCursor(buf, f.start, f.end);
      while (p.pos < p.end) {
        const s = scalar(p, f.field);
        if (s === null) break;
        items.push(s);
      }
    } else if (f.field >= 3 && f.field <= 6 && f.wireType === (f.field === 4 ? WIRE_FIXED32 : WIRE_VARINT)) {
      const s = scalar(c, f.field);
      if (s === null) break;
      items.push(s);
    } else if (f.wireType !== WIRE_LEN && !c.skip(f.wireType)) break;
  }
  return `[${items.join(', ')}]`;
}

/** The search text of an encoded AttrValue in buf[start, end). */
export function attrValueText(buf: Uint8Array, start: number, end: number): string {
  const c = new WireCursor(buf, start, end);
  const f: Field = { field: 0, wireType: 0, start: 0, end: 0 };
  let out = '';
  while (nextField(c, f)) {
    const kind = VALUE_MESSAGES[f.field];
    if (f.field === 1 && f.wireType === WIRE_LEN) out = listText(buf, f.start, f.end);
    else if (kind && f.wireType === WIRE_LEN) out = messageText(kind, buf, f.start, f.end);
    else if (f.field >= 3 && f.field <= 6 && f.wireType === (f.field === 4 ? WIRE_FIXED32 : WIRE_VARINT)) {
      const s = scalar(c, f.field);
      if (s === null) break;
      out = s;
    } else if (f.wireType !== WIRE_LEN && !c.skip(f.wireType)) break;
  }
  return out;
}

/** Key and value text of an encoded AttrEntry; null when it has no key. */
export function attrEntryText(entry: Uint8Array): { key: string; value: string } | null {
  const key = attrEntryKey(entry);
  if (key === null) return null;
  const c = new WireCursor(entry);
  const f: Field = { field: 0, wireType: 0, start: 0, end: 0 };
  let value = '';
  while (nextField(c, f)) {
    if (f.field === 2 && f.wireType === WIRE_LEN) value = attrValueText(entry, f.start, f.end);
    else if (f.wireType !== WIRE_LEN && !c.skip(f.wireType)) break;
  }
  return { key, value };
}
