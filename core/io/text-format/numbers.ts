// Numeric, boolean and enum values read from tokens, with the range checks of protobuf's C++
// text parser. Integers stay exact up to 64 bits: a JS number while it is a safe integer, a
// bigint beyond (rare, so the slow path costs nothing in practice).
import { CH_MINUS, NUM_FLOAT, NUM_HEX, NUM_OCTAL, NUM_SUFFIX_F, T_IDENT, T_NUMBER, type Lexer } from './lexer';
import { K_INT32, K_SFIXED32, K_SINT32, K_UINT32, K_FIXED32, K_UINT64, K_FIXED64, type FieldInfo } from './schema-index';

/** protobufjs' Long shape: the Writer reads only these three properties. */
export interface LongParts {
  readonly low: number;
  readonly high: number;
  readonly unsigned: boolean;
}

/** Longer number tokens cannot be valid 64-bit integers; refusing them bounds the bigint work. */
const MAX_INT_TOKEN = 64;
const MAX_FLOAT_TOKEN = 1024;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

function digitValue(c: number): number {
  return c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x61 + 10;
}

/** The magnitude of the integer token buf[start, stop): a number when safe, else a bigint. */
function magnitude(buf: Uint8Array, start: number, stop: number, flags: number): number | bigint {
  let radix = 10;
  let i = start;
  if (flags & NUM_HEX) {
    radix = 16;
    i += 2;
  } else if (flags & NUM_OCTAL) {
    radix = 8;
    i += 1;
  }
  let v = 0;
  for (let k = i; k < stop; k++) v = v * radix + digitValue(buf[k] as number);
  if (v <= Number.MAX_SAFE_INTEGER) return v;
  const r = BigInt(radix);
  let big = 0n;
  for (let k = i; k < stop; k++) big = big * r + BigInt(digitValue(buf[k] as number));
  return big;
}

/** Reads an optionally negative integer token for `field` (of integer or enum kind) and advances. */
export function readInteger(lx: Lexer, field: FieldInfo, kind: number): number | bigint {
  const at = lx.start;
  let negative = false;
  if (lx.type === CH_MINUS) {
    negative = true;
    lx.next();
  }
  if (lx.type !== T_NUMBER) lx.unexpected(`an integer for field '${field.name}'`);
  if (lx.flags & NUM_FLOAT) lx.fail(lx.start, `field '${field.name}' takes an integer, not ${lx.describe()}`);
  if (lx.stop - lx.start > MAX_INT_TOKEN) lx.fail(at, `integer out of range for field '${field.name}'`);
  const m = magnitude(lx.buf, lx.start, lx.stop, lx.flags);
  lx.next();
  const v = negative ? -m : m;
  if (!inRange(v, kind)) lx.fail(at, `integer out of range for field '${field.name}'`);
  return v;
}

function inRange(v: number | bigint, kind: number): boolean {
  switch (kind) {
    case K_INT32: case K_SINT32: case K_SFIXED32:
      return v >= -2147483648 && v <= 2147483647;
    case K_UINT32: case K_FIXED32:
      return v >= 0 && v <= 4294967295;
    case K_UINT64: case K_FIXED64:
      return typeof v === 'number' ? v >= 0 : v >= 0n && v <= UINT64_MAX;
    default:
      return typeof v === 'number' || (v >= INT64_MIN && v <= INT64_MAX);
  }
}

/** The 64-bit two's complement halves of a bigint, as protobufjs' Writer takes them. */
export function longParts(v: bigint, unsigned: boolean): LongParts {
  const u = BigInt.asUintN(64, v);
  return { low: Number(u & 0xffffffffn) | 0, high: Number(u >> 32n) | 0, unsigned };
}

/** True when the identifier buf[start, stop) equals the lowercase ASCII `word`, ignoring case. */
function identIs(buf: Uint8Array, start: number, stop: number, word: string): boolean {
  if (stop - start !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (((buf[start + i] as number) | 0x20) !== word.charCodeAt(i)) return false;
  return true;
}

function tokenText(buf: Uint8Array, start: number, stop: number): string {
  let s = '';
  for (let i = start; i < stop; i++) s += String.fromCharCode(buf[i] as number);
  return s;
}

/** Reads a float or double value: a number, or inf / infinity / nan (any case), optionally negative. */
export function readFloat(lx: Lexer, field: FieldInfo): number {
  let negative = false;
  if (lx.type === CH_MINUS) {
    negative = true;
    lx.next();
  }
  const buf = lx.buf;
  let v: number;
  if (lx.type === T_IDENT) {
    if (identIs(buf, lx.start, lx.stop, 'inf') || identIs(buf, lx.start, lx.stop, 'infinity')) v = Infinity;
    else if (identIs(buf, lx.start, lx.stop, 'nan')) v = NaN;
    else return lx.unexpected(`a number for field '${field.name}'`);
  } else if (lx.type === T_NUMBER) {
    if (lx.flags & NUM_FLOAT) {
      if (lx.stop - lx.start > MAX_FLOAT_TOKEN) lx.fail(lx.start, 'number too long');
      v = Number(tokenText(buf, lx.start, lx.flags & NUM_SUFFIX_F ? lx.stop - 1 : lx.stop));
    } else {
      if (lx.stop - lx.start > MAX_FLOAT_TOKEN) lx.fail(lx.start, 'number too long');
      v = Number(magnitude(buf, lx.start, lx.stop, lx.flags));
    }
  } else {
    return lx.unexpected(`a number for field '${field.name}'`);
  }
  lx.next();
  return negative ? -v : v;
}

/** The spellings protobuf's C++ parser accepts, and no others (not TRUE, not yes). */
const BOOL_WORDS: readonly (readonly [string, boolean])[] = [['true', true], ['True', true], ['t', true], ['false', false], ['False', false], ['f', false]];

function identEquals(buf: Uint8Array, start: number, stop: number, word: string): boolean {
  if (stop - start !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (buf[start + i] !== word.charCodeAt(i)) return false;
  return true;
}

/** Reads a bool: true / True / t / false / False / f / 1 / 0. */
export function readBool(lx: Lexer, field: FieldInfo): boolean {
  let v: boolean | null = null;
  if (lx.type === T_IDENT) {
    for (const [word, value] of BOOL_WORDS) if (identEquals(lx.buf, lx.start, lx.stop, word)) v = value;
  } else if (lx.type === T_NUMBER && lx.stop - lx.start === 1) {
    const c = lx.buf[lx.start];
    if (c === 0x30 || c === 0x31) v = c === 0x31;
  }
  if (v === null) return lx.unexpected(`true or false for field '${field.name}'`);
  lx.next();
  return v;
}

/** Reads an enum value by name or number; null when the name is not in our schema (newer TensorFlow). */
export function readEnum(lx: Lexer, field: FieldInfo): number | null {
  if (lx.type === T_IDENT) {
    const v = field.enumValues?.get(lx.buf, lx.start, lx.stop, lx.hash);
    lx.next();
    return v ?? null;
  }
  return Number(readInteger(lx, field, K_INT32));
}
