// A short preview of a Const's values for the inspector: the first few elements, decoded from the
// typed value fields or from `tensor_content` (little-endian), never the whole tensor.
import { dtypeName, formatShape, type AttrValue } from '../graph/attrs';

const MAX = 8;
const decoder = new TextDecoder();

function fmt(v: number | bigint | boolean | string): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
  return String(v);
}

type Reader = (view: DataView, i: number) => number | bigint | boolean;

// DataType enum values (types.proto): 1 float, 2 double, 3 int32, 4 uint8, 5 int16, 6 int8, 9 int64, 10 bool, 17 uint16, 22 uint32, 23 uint64.
const CONTENT_READERS: Readonly<Record<number, { size: number; read: Reader }>> = {
  1: { size: 4, read: (d, i) => d.getFloat32(i, true) },
  2: { size: 8, read: (d, i) => d.getFloat64(i, true) },
  3: { size: 4, read: (d, i) => d.getInt32(i, true) },
  4: { size: 1, read: (d, i) => d.getUint8(i) },
  5: { size: 2, read: (d, i) => d.getInt16(i, true) },
  6: { size: 1, read: (d, i) => d.getInt8(i) },
  9: { size: 8, read: (d, i) => d.getBigInt64(i, true) },
  10: { size: 1, read: (d, i) => d.getUint8(i) !== 0 },
  17: { size: 2, read: (d, i) => d.getUint16(i, true) },
  22: { size: 4, read: (d, i) => d.getUint32(i, true) },
  23: { size: 8, read: (d, i) => d.getBigUint64(i, true) },
};

/** `float (2, 3) = [1, 2, 3, …]`, or the dtype and shape alone when the values are not readable. */
export function tensorPreview(value: AttrValue | null): string | null {
  const t = value?.tensor;
  if (!t) return null;
  const head = `${dtypeName(t.dtype ?? 0)} ${formatShape(t.tensorShape)}`;
  let items: (number | bigint | boolean | string)[] = [];
  let total = 0;
  const content = t.tensorContent;
  const reader = CONTENT_READERS[t.dtype ?? 0];
  if (content && content.length > 0 && reader) {
    total = Math.floor(content.length / reader.size);
    const view = new DataView(content.buffer, content.byteOffset, content.byteLength);
    for (let i = 0; i < Math.min(MAX, total); i++) items.push(reader.read(view, i * reader.size));
  } else {
    const lists: ArrayLike<number | bigint | boolean | Uint8Array>[] = [
      t.floatVal ?? [], t.doubleVal ?? [], t.intVal ?? [], t.int64Val ?? [], t.boolVal ?? [], t.stringVal ?? [], t.uint32Val ?? [], t.uint64Val ?? [], t.halfVal ?? [],
    ];
    const list = lists.find((l) => l.length > 0);
    if (list) {
      total = list.length;
      items = Array.from({ length: Math.min(MAX, total) }, (_, i) => {
        const v = list[i] as number | bigint | boolean | Uint8Array | { toString(): string };
        if (v instanceof Uint8Array) return JSON.stringify(decoder.decode(v.subarray(0, 64)));
        return typeof v === 'object' ? v.toString() : v;
      });
    }
  }
  if (items.length === 0) return head;
  return `${head} = [${items.map(fmt).join(', ')}${total > items.length ? ', …' : ''}]`;
}
