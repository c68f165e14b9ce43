// Lazy attribute access: NodeDef attributes stay as `AttrEntry` byte views until asked for. Keys
// are read by peeking at the entry's first field, so finding `_output_shapes` never decodes a
// large `value` tensor next to it.
import protobuf from 'protobufjs/minimal.js';
import { scopeview, tensorflow } from '../proto/generated/proto.js';
import { walkFields, WIRE_LEN } from '../proto/wire';

export type AttrValue = tensorflow.AttrValue;
export interface TensorShape {
  readonly dim?: readonly { readonly size?: number | null }[] | null;
  readonly unknownRank?: boolean | null;
}

const utf8 = protobuf.util.utf8;

/** The AttrEntry payloads (field 5 of NodeDef) among the fields encoded in buf[start, end). */
export function attrEntriesIn(buf: Uint8Array, start: number, end: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  const { fields } = walkFields(buf, start, end);
  for (const f of fields) if (f.field === 5 && f.wireType === WIRE_LEN) out.push(buf.subarray(f.start, f.end));
  return out;
}

/** Reads the key of an AttrEntry without decoding its value; null when the entry is malformed. */
export function attrEntryKey(entry: Uint8Array): string | null {
  if (entry[0] === 0x0a) {
    let len = 0;
    let shift = 0;
    let pos = 1;
    for (;;) {
      if (pos >= entry.length || shift > 28) return slowKey(entry);
      const b = entry[pos++] as number;
      len |= (b & 0x7f) << shift;
      if (b < 0x80) break;
      shift += 7;
    }
    if (pos + len > entry.length) return null;
    return utf8.read(entry, pos, pos + len);
  }
  return slowKey(entry);
}

function slowKey(entry: Uint8Array): string | null {
  try {
    return scopeview.lazy.AttrEntry.decode(entry).key;
  } catch {
    return null;
  }
}

function decodeEntry(entry: Uint8Array): scopeview.lazy.AttrEntry | null {
  try {
    return scopeview.lazy.AttrEntry.decode(entry);
  } catch {
    return null;
  }
}

/** The decoded value of attribute `key`, or null when absent or malformed. */
export function findAttr(entries: readonly Uint8Array[], key: string): AttrValue | null {
  for (const e of entries) {
    if (attrEntryKey(e) === key) return decodeEntry(e)?.value ?? null;
  }
  return null;
}

/** All attributes as [key, value] pairs (value null when `keysOnly` or malformed), in file order. */
export function decodeAttrs(entries: readonly Uint8Array[], keysOnly: boolean): [string, AttrValue | null][] {
  const out: [string, AttrValue | null][] = [];
  for (const e of entries) {
    if (keysOnly) {
      const k = attrEntryKey(e);
      if (k !== null) out.push([k, null]);
    } else {
      const d = decodeEntry(e);
      if (d) out.push([d.key, d.value ?? null]);
    }
  }
  return out;
}

const DTYPE_NAMES: Readonly<Record<number, string>> = (() => {
  const names: Record<number, string> = {};
  for (const [k, v] of Object.entries(tensorflow.DataType)) {
    if (typeof v === 'number') names[v] = k.slice(3).toLowerCase();
  }
  return names;
})();

/** `float32`-style dtype name as TensorFlow prints it (`DT_FLOAT` → `float`, refs end in `_ref`). */
export function dtypeName(dtype: number): string {
  return DTYPE_NAMES[dtype] ?? `dtype(${dtype})`;
}

/** Dimensions of a shape: -1 for unknown sizes; null for unknown rank. */
export function shapeDims(shape: TensorShape | null | undefined): number[] | null {
  if (!shape || shape.unknownRank) return null;
  return (shape.dim ?? []).map((d) => Number(d.size ?? 0));
}

export function formatShape(shape: TensorShape | null | undefined): string {
  const dims = shapeDims(shape);
  return dims === null ? '<unknown>' : `(${dims.map((d) => (d < 0 ? '?' : String(d))).join(', ')})`;
}

/** The shapes in `_output_shapes`, one per output slot (null entries for unknown rank). */
export function outputShapes(entries: readonly Uint8Array[]): (number[] | null)[] | null {
  const v = findAttr(entries, '_output_shapes');
  const shapes = v?.list?.shape;
  return shapes ? shapes.map((s) => shapeDims(s)) : null;
}
