// Allocation-free wire walking of Event records and their summary values. This is the hot loop of
// a scalar-heavy log (10^6 records): positions live in locals and one module-level cursor instead
// of objects, so nothing is allocated for a record that holds no graph.

/** Position after the last varint read by `varint` (module state: the walk is single-threaded). */
let next = 0;

/** Reads a varint at data[pos] before `end`; -1 when truncated or longer than 10 bytes. Sets `next`. */
function varint(data: Uint8Array, pos: number, end: number): number {
  if (pos >= end) return -1;
  let b = data[pos] as number;
  if (b < 0x80) {
    next = pos + 1;
    return b;
  }
  let result = b & 0x7f;
  let mul = 128;
  for (let i = 1; i < 10; i++) {
    if (pos + i >= end) return -1;
    b = data[pos + i] as number;
    result += (b & 0x7f) * mul;
    if (b < 0x80) {
      next = pos + i + 1;
      return result;
    }
    mul *= 128;
  }
  return -1;
}

/** Skips the value of a field with `wire` type starting at pos; returns the position after it or -1. */
function skipValue(data: Uint8Array, pos: number, end: number, wire: number): number {
  switch (wire) {
    case 0:
      return varint(data, pos, end) < 0 ? -1 : next;
    case 1:
      return pos + 8 <= end ? pos + 8 : -1;
    case 2: {
      const len = varint(data, pos, end);
      return len < 0 || next + len > end ? -1 : next + len;
    }
    case 5:
      return pos + 4 <= end ? pos + 4 : -1;
    default:
      return -1;
  }
}

/** The top-level fields of one Event that matter; reused across records. */
export class EventFields {
  wallAt = -1;
  stepAt = -1;
  count = 0;
  readonly field = new Int32Array(16);
  readonly start = new Int32Array(16);
  readonly end = new Int32Array(16);
}

const PAYLOAD_FIELDS = new Uint8Array(16);
for (const f of [3, 4, 5, 8, 9]) PAYLOAD_FIELDS[f] = 1;

/** Walks Event fields in data[begin, finish) into `out`; returns an error message or null. */
export function scanEventFields(data: Uint8Array, begin: number, finish: number, out: EventFields): string | null {
  out.wallAt = -1;
  out.stepAt = -1;
  out.count = 0;
  let pos = begin;
  while (pos < finish) {
    const tag = varint(data, pos, finish);
    if (tag < 0) return `truncated field tag at +${pos - begin}`;
    pos = next;
    const field = tag >>> 3;
    const wire = tag & 7;
    if (field === 1 && wire === 1) {
      out.wallAt = pos;
      pos += 8;
      if (pos > finish) return 'truncated wall_time';
    } else if (field === 2 && wire === 0) {
      out.stepAt = pos;
      if (varint(data, pos, finish) < 0) return 'truncated step';
      pos = next;
    } else if (wire === 2 && field < 16 && PAYLOAD_FIELDS[field] === 1) {
      const len = varint(data, pos, finish);
      if (len < 0 || next + len > finish) return `field ${field} runs past the record`;
      if (out.count === out.field.length) return 'too many payload fields';
      out.field[out.count] = field;
      out.start[out.count] = next;
      out.end[out.count] = next + len;
      out.count++;
      pos = next + len;
    } else {
      if (field === 0) return 'field number 0';
      pos = skipValue(data, pos, finish, wire);
      if (pos < 0) return `bad field ${field} (wire type ${wire})`;
    }
  }
  return null;
}

export function readStep(data: Uint8Array, at: number, end: number): number {
  const v = at < 0 ? 0 : varint(data, at, end);
  return v > Number.MAX_SAFE_INTEGER || v < 0 ? -1 : v;
}

const F64 = new Float64Array(1);
const F64_BYTES = new Uint8Array(F64.buffer);

export function readWallTime(data: Uint8Array, at: number): number {
  if (at < 0) return 0;
  for (let k = 0; k < 8; k++) F64_BYTES[k] = data[at + k] as number;
  return F64[0] as number;
}

/**
 * Calls onValue(pluginIndex, start, end) for each Summary.value in data[start, end) whose metadata
 * names one of `plugins` (as byte arrays). Returns an error message for a malformed summary, else null.
 */
export function graphSummaryValues(
  data: Uint8Array, start: number, end: number, plugins: readonly (readonly number[])[],
  onValue: (plugin: number, vStart: number, vEnd: number) => void,
): string | null {
  let pos = start;
  while (pos < end) {
    const tag = varint(data, pos, end);
    if (tag < 0) return 'truncated summary';
    pos = next;
    if (tag !== 0x0a) {
      pos = skipValue(data, pos, end, tag & 7);
      if (pos < 0) return 'malformed summary';
      continue;
    }
    const len = varint(data, pos, end);
    if (len < 0 || next + len > end) return 'summary value runs past the record';
    const vStart = next;
    const vEnd = next + len;
    pos = vEnd;
    const plugin = pluginOf(data, vStart, vEnd, plugins);
    if (plugin >= 0) onValue(plugin, vStart, vEnd);
  }
  return null;
}

/** Index in `plugins` of the plugin named by Summary.Value.metadata.plugin_data.plugin_name, or -1. */
function pluginOf(data: Uint8Array, start: number, end: number, plugins: readonly (readonly number[])[]): number {
  const metadata = lenField(data, start, end, 0x4a);
  if (metadata < 0) return -1;
  const mEnd = next;
  const pluginData = lenField(data, metadata, mEnd, 0x0a);
  if (pluginData < 0) return -1;
  const pEnd = next;
  const name = lenField(data, pluginData, pEnd, 0x0a);
  if (name < 0) return -1;
  const len = next - name;
  outer: for (let p = 0; p < plugins.length; p++) {
    const want = plugins[p] as readonly number[];
    if (want.length !== len) continue;
    for (let i = 0; i < len; i++) if (data[name + i] !== want[i]) continue outer;
    return p;
  }
  return -1;
}

/** Start of the first LEN field with `tag` in data[start, end) (its end in `next`), or -1. */
function lenField(data: Uint8Array, start: number, end: number, tag: number): number {
  let pos = start;
  while (pos < end) {
    const t = varint(data, pos, end);
    if (t < 0) return -1;
    pos = next;
    if (t === tag) {
      const len = varint(data, pos, end);
      if (len < 0 || next + len > end) return -1;
      const s = next;
      next = s + len;
      return s;
    }
    pos = skipValue(data, pos, end, t & 7);
    if (pos < 0) return -1;
  }
  return -1;
}
