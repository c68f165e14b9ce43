// Hand-written GraphDef reader into column storage. protobufjs' generated decoders allocate an
// object per NodeDef and a view per attribute; at 10^6 nodes that alone exceeded the memory and
// time budgets (docs/PERFORMANCE.md), so this reader keeps each node's attributes as one byte span
// of the file buffer and decodes only names, ops, devices and inputs. Small nested messages
// (OpDef, VersionDef) still go through the generated decoders.
import { tensorflow } from '../proto/generated/proto.js';
import { LoadError } from './errors';
import { WIRE_LEN } from '../proto/wire';
import { Graph, type ArgDef, type FunctionGraph, type GraphVersions } from '../graph/graph';
import { GraphColumnsBuilder } from '../graph/graph-builder';

const decoder = new TextDecoder('utf-8');

/** Thrown inside the reader; converted to a LoadError with the file name at the boundary. */
class WireError extends Error {
  constructor(readonly at: number, message: string) {
    super(message);
  }
}

/** A minimal cursor with exceptions carrying the failing offset. */
class Cursor {
  pos: number;
  constructor(readonly buf: Uint8Array, start: number, readonly end: number) {
    this.pos = start;
  }

  varint(): number {
    const buf = this.buf;
    const at = this.pos;
    if (at >= this.end) throw new WireError(at, 'truncated varint');
    let b = buf[this.pos++] as number;
    if (b < 0x80) return b;
    let result = b & 0x7f;
    let mul = 128;
    for (let i = 1; i < 10; i++) {
      if (this.pos >= this.end) throw new WireError(at, 'truncated varint');
      b = buf[this.pos++] as number;
      result += (b & 0x7f) * mul;
      if (b < 0x80) return result;
      mul *= 128;
    }
    throw new WireError(at, 'varint longer than 10 bytes');
  }

  /** Reads a LEN field's length and returns its end, checking bounds; errors point at the field's tag. */
  lenEnd(tagAt: number): number {
    if (this.pos >= this.end) throw new WireError(tagAt, `field at byte ${tagAt} is cut off before its length`);
    const len = this.varint();
    const end = this.pos + len;
    if (end > this.end) throw new WireError(tagAt, `field at byte ${tagAt} declares ${len} bytes, more than its message holds`);
    return end;
  }

  skip(wire: number, tagAt: number): void {
    switch (wire) {
      case 0:
        this.varint();
        return;
      case 1:
        this.pos += 8;
        break;
      case 2:
        this.pos = this.lenEnd(tagAt);
        return;
      case 5:
        this.pos += 4;
        break;
      default:
        throw new WireError(tagAt, `invalid wire type ${wire}`);
    }
    if (this.pos > this.end) throw new WireError(tagAt, 'truncated fixed-size field');
  }

  string(end: number): string {
    const s = decoder.decode(this.buf.subarray(this.pos, end));
    this.pos = end;
    return s;
  }
}

/** Reads one NodeDef in c.buf[c.pos, end) into `b`. */
function readNode(c: Cursor, end: number, b: GraphColumnsBuilder): void {
  let name = '';
  let nameStart = 0;
  let nameEnd = 0;
  let op = '';
  let device = '';
  const inputs: number[] = [];
  let attrStart = 0;
  let attrEnd = 0;
  while (c.pos < end) {
    const tagAt = c.pos;
    const tag = c.varint();
    const field = Math.floor(tag / 8);
    const wire = tag & 7;
    if (wire === WIRE_LEN && field >= 1 && field <= 5) {
      const fEnd = c.lenEnd(tagAt);
      if (field === 1) {
        nameStart = c.pos;
        nameEnd = fEnd;
        name = c.string(fEnd);
      } else if (field === 2) op = c.string(fEnd);
      else if (field === 3) {
        inputs.push(c.pos, fEnd);
        c.pos = fEnd;
      }
      else if (field === 4) device = c.string(fEnd);
      else {
        if (attrEnd === 0) attrStart = tagAt;
        attrEnd = fEnd;
        c.pos = fEnd;
      }
    } else {
      if (field === 0) throw new WireError(tagAt, 'field number 0');
      c.skip(wire, tagAt);
    }
  }
  if (c.pos !== end) throw new WireError(end, 'NodeDef field runs past its end');
  b.addSpans(name, op, device, nameStart, nameEnd, inputs, attrStart, attrEnd);
}

function readMapEntry(c: Cursor, end: number): [string, string] {
  let key = '';
  let value = '';
  while (c.pos < end) {
    const tagAt = c.pos;
    const tag = c.varint();
    if (tag === 0x0a) key = c.string(c.lenEnd(tagAt));
    else if (tag === 0x12) value = c.string(c.lenEnd(tagAt));
    else c.skip(tag & 7, tagAt);
  }
  return [key, value];
}

function argDefs(defs: readonly tensorflow.OpDef.ArgDef.$Properties[] | null | undefined): ArgDef[] {
  return (defs ?? []).map((a) => ({ name: a.name ?? '', type: a.type ?? 0, typeAttr: a.typeAttr ?? '', isRef: Boolean(a.isRef) }));
}

function readFunction(buf: Uint8Array, c: Cursor, end: number): FunctionGraph {
  const b = new GraphColumnsBuilder(buf);
  let signature: tensorflow.OpDef | null = null;
  const ret: Record<string, string> = {};
  const controlRet: Record<string, string> = {};
  while (c.pos < end) {
    const tagAt = c.pos;
    const tag = c.varint();
    if (tag === 0x0a) {
      const fEnd = c.lenEnd(tagAt);
      try {
        signature = tensorflow.OpDef.decode(buf.subarray(c.pos, fEnd));
      } catch (err) {
        throw new WireError(c.pos, `bad function signature (${err instanceof Error ? err.message : String(err)})`);
      }
      c.pos = fEnd;
    } else if (tag === 0x1a) {
      const fEnd = c.lenEnd(tagAt);
      readNode(c, fEnd, b);
    } else if (tag === 0x22 || tag === 0x32) {
      const [k, v] = readMapEntry(c, c.lenEnd(tagAt));
      (tag === 0x22 ? ret : controlRet)[k] = v;
    } else c.skip(tag & 7, tagAt);
  }
  return {
    name: signature?.name ?? '',
    inputArgs: argDefs(signature?.inputArg),
    outputArgs: argDefs(signature?.outputArg),
    ret,
    controlRet,
    graph: new Graph(b.finish()),
  };
}

function readLibrary(buf: Uint8Array, c: Cursor, end: number, out: FunctionGraph[]): void {
  while (c.pos < end) {
    const tagAt = c.pos;
    const tag = c.varint();
    if (tag === 0x0a) out.push(readFunction(buf, c, c.lenEnd(tagAt)));
    else c.skip(tag & 7, tagAt);
  }
}

/** Sees a GraphDef's bytes before they are decoded (the app draws a first frame from the names). */
export type GraphBytesHook = (buf: Uint8Array, start: number, end: number) => void;

/**
 * Reads the GraphDef in buf[start, end). `base` is the file offset of buf[0] (null when the bytes
 * are not the file's own, e.g. transcoded text); errors name `file` and the failing offset.
 */
export function readGraphDef(buf: Uint8Array, file: string, base: number | null = 0, start = 0, end = buf.length, onBytes?: GraphBytesHook): Graph {
  onBytes?.(buf, start, end);
  const c = new Cursor(buf, start, end);
  const b = new GraphColumnsBuilder(buf);
  const functions: FunctionGraph[] = [];
  let versions: GraphVersions | null = null;
  try {
    while (c.pos < end) {
      const tagAt = c.pos;
      const tag = c.varint();
      if (tag === 0x0a) readNode(c, c.lenEnd(tagAt), b);
      else if (tag === 0x12) readLibrary(buf, c, c.lenEnd(tagAt), functions);
      else if (tag === 0x22) {
        const fEnd = c.lenEnd(tagAt);
        const v = tensorflow.VersionDef.decode(buf.subarray(c.pos, fEnd));
        versions = { producer: v.producer ?? 0, minConsumer: v.minConsumer ?? 0 };
        c.pos = fEnd;
      } else {
        if (tag >>> 3 === 0) throw new WireError(tagAt, 'field number 0');
        c.skip(tag & 7, tagAt);
      }
    }
  } catch (err) {
    const at = err instanceof WireError ? err.at : c.pos;
    const detail = err instanceof Error ? err.message : String(err);
    const offset = base === null ? null : base + at;
    throw new LoadError('malformed-proto', file, offset, `GraphDef is not a valid protobuf message: ${detail}${offset === null ? '' : ` at byte ${offset}`}`);
  }
  return new Graph(b.finish(), functions, versions);
}
