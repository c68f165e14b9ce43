// String values: one or more adjacent quoted tokens ("a" 'b'), with C-style escapes, turned into
// the raw bytes a string or bytes field holds. Text without escapes is returned as a view of the
// input, so the common case copies nothing until the Writer assembles its output.
import { isHexDigit, STR_ESCAPED, T_STRING, type Lexer } from './lexer';

const SIMPLE_ESCAPES = new Int16Array(256).fill(-1);
for (const [ch, value] of [['n', 10], ['r', 13], ['t', 9], ['v', 11], ['f', 12], ['a', 7], ['b', 8], ['\\', 92], ["'", 39], ['"', 34], ['?', 63]] as const) {
  SIMPLE_ESCAPES[ch.charCodeAt(0)] = value;
}

function hexValue(c: number): number {
  return c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x61 + 10;
}

/** Reads exactly `count` hex digits at buf[i]; -1 when they are not all there. */
function fixedHex(buf: Uint8Array, i: number, end: number, count: number): number {
  if (i + count > end) return -1;
  let v = 0;
  for (let k = 0; k < count; k++) {
    const c = buf[i + k] as number;
    if (!isHexDigit(c)) return -1;
    v = v * 16 + hexValue(c);
  }
  return v;
}

function putUtf8(out: Uint8Array, o: number, cp: number): number {
  if (cp < 0x80) {
    out[o++] = cp;
  } else if (cp < 0x800) {
    out[o++] = 0xc0 | (cp >> 6);
    out[o++] = 0x80 | (cp & 0x3f);
  } else if (cp < 0x10000) {
    out[o++] = 0xe0 | (cp >> 12);
    out[o++] = 0x80 | ((cp >> 6) & 0x3f);
    out[o++] = 0x80 | (cp & 0x3f);
  } else {
    out[o++] = 0xf0 | (cp >> 18);
    out[o++] = 0x80 | ((cp >> 12) & 0x3f);
    out[o++] = 0x80 | ((cp >> 6) & 0x3f);
    out[o++] = 0x80 | (cp & 0x3f);
  }
  return o;
}

/**
 * Decodes the string content buf[start, end) into out[o...]; returns the new output length.
 * Every escape is at least as long as the bytes it stands for, so out needs end - start bytes.
 */
export function unescapeInto(lx: Lexer, start: number, end: number, out: Uint8Array, o: number): number {
  const buf = lx.buf;
  let i = start;
  while (i < end) {
    const c = buf[i] as number;
    if (c !== 0x5c) {
      out[o++] = c;
      i++;
      continue;
    }
    const at = i;
    const d = buf[i + 1] as number;
    i += 2;
    const simple = SIMPLE_ESCAPES[d] as number;
    if (simple >= 0) {
      out[o++] = simple;
    } else if (d >= 0x30 && d <= 0x37) {
      // Up to three octal digits; like protobuf's C++ parser, values above \377 keep the low byte.
      let v = d - 0x30;
      for (let k = 0; k < 2 && i < end && buf[i]! >= 0x30 && buf[i]! <= 0x37; k++) v = v * 8 + (buf[i++]! - 0x30);
      out[o++] = v & 0xff;
    } else if (d === 0x78 || d === 0x58) {
      if (i >= end || !isHexDigit(buf[i] as number)) lx.fail(at, 'expected hex digits after \\x');
      let v = hexValue(buf[i++] as number);
      if (i < end && isHexDigit(buf[i] as number)) v = v * 16 + hexValue(buf[i++] as number);
      out[o++] = v;
    } else if (d === 0x75 || d === 0x55) {
      const digits = d === 0x75 ? 4 : 8;
      let cp = fixedHex(buf, i, end, digits);
      if (cp < 0) lx.fail(at, `expected ${digits} hex digits after \\${String.fromCharCode(d)}`);
      i += digits;
      // A \u high surrogate followed by a \u low surrogate is one code point (as in protobuf C++).
      if (cp >= 0xd800 && cp <= 0xdbff && buf[i] === 0x5c && buf[i + 1] === 0x75) {
        const low = fixedHex(buf, i + 2, end, 4);
        if (low >= 0xdc00 && low <= 0xdfff) {
          cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
          i += 6;
        }
      }
      if (cp > 0x10ffff) lx.fail(at, `\\U${cp.toString(16)} is not a Unicode code point`);
      o = putUtf8(out, o, cp);
    } else {
      lx.fail(at, `invalid escape sequence '\\${d >= 0x20 && d < 0x7f ? String.fromCharCode(d) : `x${d.toString(16)}`}'`);
    }
  }
  return o;
}

/** Reads a string value at the current token (adjacent string tokens concatenate) and advances past it. */
export function readStringValue(lx: Lexer, fieldName: string): Uint8Array {
  if (lx.type !== T_STRING) lx.unexpected(`a string for field '${fieldName}'`);
  const start = lx.start + 1;
  const end = lx.stop - 1;
  const escaped = lx.flags & STR_ESCAPED;
  lx.next();
  if (lx.type !== T_STRING) {
    if (!escaped) return lx.buf.subarray(start, end);
    const out = new Uint8Array(end - start);
    return out.subarray(0, unescapeInto(lx, start, end, out, 0));
  }
  const ranges = [start, end];
  let total = end - start;
  while (lx.type === T_STRING) {
    ranges.push(lx.start + 1, lx.stop - 1);
    total += lx.stop - lx.start - 2;
    lx.next();
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (let k = 0; k < ranges.length; k += 2) o = unescapeInto(lx, ranges[k] as number, ranges[k + 1] as number, out, o);
  return out.subarray(0, o);
}

/** Skips one string value (adjacent tokens included) without decoding it. */
export function skipStringValue(lx: Lexer): void {
  while (lx.type === T_STRING) lx.next();
}
