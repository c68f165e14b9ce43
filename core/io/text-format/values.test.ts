// Text-format scalar values: strings and escapes (as UTF-8 text and as raw bytes), integers of
// every radix and width (exact 64-bit), floats with inf/nan, bools and enums.
import { describe, expect, it } from 'vitest';
import { tensorflow } from '../../proto/generated/proto.js';
import { LoadError } from '../errors';
import { textToBinary } from './index';

const enc = new TextEncoder();
const bin = (text: string | Uint8Array, type: string) => textToBinary(typeof text === 'string' ? enc.encode(text) : text, type, 'test.pbtxt');
const node = (text: string | Uint8Array) => tensorflow.NodeDef.decode(bin(text, 'tensorflow.NodeDef'));
const tensor = (text: string) => tensorflow.TensorProto.decode(bin(text, 'tensorflow.TensorProto'));
const bytes = (u: Uint8Array | null | undefined) => [...(u ?? [])];

function error(text: string, type = 'tensorflow.TensorProto'): LoadError {
  try {
    bin(text, type);
  } catch (err) {
    expect(err).toBeInstanceOf(LoadError);
    return err as LoadError;
  }
  throw new Error(`no error for ${text}`);
}

describe('strings', () => {
  it('decodes simple escapes in double- and single-quoted strings', () => {
    expect(node(String.raw`name: "a\n\r\t\v\f\a\b\\\'\"\?z"`).name).toBe('a\n\r\t\v\f\x07\b\\\'"?z');
    expect(node(`name: 'it"s' op: "it's"`)).toMatchObject({ name: 'it"s', op: "it's" });
  });

  it('concatenates adjacent strings, across lines and comments', () => {
    expect(node(`name: "ab" 'cd'\n  # comment\n "e\\x66" op: "x"`)).toMatchObject({ name: 'abcdef', op: 'x' });
  });

  it('decodes octal and hex escapes of 1 to 3 / 1 to 2 digits', () => {
    expect(node(String.raw`name: "\101\1028\12\0619"`).name).toBe('AB8\n19');
    expect(node(String.raw`name: "\x41\x4g\X42"`).name).toBe('A\x04gB');
  });

  it('encodes \\u, \\U and surrogate pairs as UTF-8, and passes raw UTF-8 through', () => {
    expect(node(String.raw`name: "\u00e9\u4e2d\U0001F600\ud83d\ude00"`).name).toBe('é中😀😀');
    expect(node('name: "é/中/😀"').name).toBe('é/中/😀');
  });

  it('writes bytes fields as raw bytes, not text', () => {
    const t = tensor(String.raw`tensor_content: "\000\000\200?\377\xfe" string_val: "\u00e9" string_val: ""`);
    expect(bytes(t.tensorContent)).toEqual([0, 0, 0x80, 0x3f, 0xff, 0xfe]);
    expect(new DataView(new Uint8Array(bytes(t.tensorContent)).buffer).getFloat32(0, true)).toBe(1);
    expect(t.stringVal.map(bytes)).toEqual([[0xc3, 0xa9], []]);
    // Bytes that are not UTF-8 may appear raw inside the quotes.
    const raw = new Uint8Array([...enc.encode('tensor_content: "'), 0x80, 0xff, 0x09, ...enc.encode('"')]);
    expect(bytes(tensorflow.TensorProto.decode(bin(raw, 'tensorflow.TensorProto')).tensorContent)).toEqual([0x80, 0xff, 0x09]);
  });

  it('copies string fields byte for byte, leaving UTF-8 validity to the decoder as for binary files', () => {
    // NodeDef.name = 1: tag 0x0a, length 2.
    expect([...bin(String.raw`name: "\377\300"`, 'tensorflow.NodeDef')]).toEqual([0x0a, 2, 0xff, 0xc0]);
  });

  it('rejects bad escapes and unterminated strings', () => {
    expect(error(String.raw`string_val: "\q"`).message).toMatch(/invalid escape sequence '\\q'/);
    expect(error(String.raw`string_val: "\x"`).message).toMatch(/hex digits after \\x/);
    expect(error(String.raw`string_val: "\u12"`).message).toMatch(/4 hex digits/);
    expect(error(String.raw`string_val: "\U00110000"`).message).toMatch(/not a Unicode code point/);
    expect(error('string_val: "abc').message).toMatch(/unterminated string/);
    expect(error('string_val: "ab\nc"').message).toMatch(/unterminated string/);
    expect(error('string_val: 5').message).toMatch(/expected a string for field 'string_val' but found '5'/);
  });
});

describe('numbers', () => {
  it('reads decimal, hex, octal and negative integers', () => {
    expect(tensor('int_val: [10, 0x1F, 0X1f, 017, -5, -0x10, 0, 2147483647, -2147483648]').intVal).toEqual([10, 31, 31, 15, -5, -16, 0, 2147483647, -2147483648]);
    expect(tensor('version_number: -1').versionNumber).toBe(-1);
  });

  it('keeps 64-bit integers exact beyond 2^53', () => {
    const t = tensor(`int64_val: [9007199254740993, 9223372036854775807, -9223372036854775808, 0x7fffffffffffffff, -1, 0777777777777777777777]
      uint64_val: [18446744073709551615, 0xffffffffffffffff, 9007199254740993, 0]`);
    expect(t.int64Val.map(String)).toEqual(['9007199254740993', '9223372036854775807', '-9223372036854775808', '9223372036854775807', '-1', '9223372036854775807']);
    expect(t.uint64Val.map(String)).toEqual(['18446744073709551615', '18446744073709551615', '9007199254740993', '0']);
    const dims = tensorflow.TensorShapeProto.decode(bin('dim { size: 1099511627776 } dim { size: -1 }', 'tensorflow.TensorShapeProto')).dim;
    expect(dims.map((d) => String(d.size))).toEqual(['1099511627776', '-1']);
  });

  it('rejects integers out of range for the field width', () => {
    expect(error('int_val: 2147483648').message).toMatch(/out of range for field 'int_val'/);
    expect(error('int_val: -2147483649').message).toMatch(/out of range/);
    expect(error('int64_val: 9223372036854775808').message).toMatch(/out of range/);
    expect(error('int64_val: -9223372036854775809').message).toMatch(/out of range/);
    expect(error('int64_val: 0xffffffffffffffff').message).toMatch(/out of range/);
    expect(error('uint64_val: 18446744073709551616').message).toMatch(/out of range/);
    expect(error('uint64_val: -1').message).toMatch(/out of range/);
    expect(error('uint32_val: 4294967296').message).toMatch(/out of range/);
    expect(error(`int64_val: ${'9'.repeat(200)}`).message).toMatch(/out of range/);
    expect(tensor('uint32_val: 4294967295').uint32Val).toEqual([4294967295]);
  });

  it('rejects float tokens for integer fields', () => {
    for (const v of ['1.5', '1e3', '2f', '.5', 'inf', 'nan']) expect(error(`int_val: ${v}`).message).toMatch(/int_val/);
  });

  it('reads floats with exponents, f suffixes, inf, infinity and nan in any case', () => {
    const t = tensor('float_val: [1.5, 1e3, -2.5E-1, 3f, .5, 2.F, 7, -0x10, 010, inf, -inf, Infinity, -INF, nan, NaN, -0.0]');
    expect(t.floatVal).toEqual([1.5, 1000, -0.25, 3, 0.5, 2, 7, -16, 8, Infinity, -Infinity, Infinity, -Infinity, NaN, NaN, -0]);
    const d = tensor('double_val: [1e308, 1e999, 0.1, -1.7976931348623157e308, 123456789012345678901234567890]').doubleVal;
    expect(d).toEqual([1e308, Infinity, 0.1, -1.7976931348623157e308, 1.2345678901234568e29]);
    expect(error('float_val: infinite').message).toMatch(/expected a number for field 'float_val'/);
    expect(error('float_val: 1e').message).toMatch(/"e" must be followed by an exponent/);
  });

  it('requires a space between a number and an identifier, and octal digits after a leading 0', () => {
    expect(error('int_val: 1abc').message).toMatch(/number must be followed by a space/);
    expect(error('int_val: 08').message).toMatch(/must be octal/);
    expect(error('int_val: 0x').message).toMatch(/hex digits/);
    expect(error('float_val: 1.2.3').message).toMatch(/number must be followed by a space/);
  });
});

describe('bools and enums', () => {
  it('reads true/True/t/1 and false/False/f/0, and nothing else', () => {
    expect(tensor('bool_val: [true, True, t, 1, false, False, f, 0]').boolVal).toEqual([true, true, true, true, false, false, false, false]);
    for (const v of ['TRUE', 'tRUE', 'yes', '2', '1.0', '"true"']) expect(error(`bool_val: ${v}`).message).toMatch(/true or false for field 'bool_val'|expected/);
  });

  it('reads enums by name (reference types included) or number', () => {
    expect(tensor('dtype: DT_HALF').dtype).toBe(tensorflow.DataType.DT_HALF);
    expect(tensor('dtype: DT_FLOAT_REF').dtype).toBe(101);
    expect(tensor('dtype: 19').dtype).toBe(19);
    expect(tensor('dtype: -3').dtype).toBe(-3);
    const list = tensorflow.AttrValue.decode(bin('list { type: [DT_FLOAT, DT_RESOURCE, 7] type: DT_VARIANT }', 'tensorflow.AttrValue')).list;
    expect(list?.type).toEqual([1, 20, 7, 21]);
  });

  it('leaves a field unset when its enum name is unknown to our schema (newer TensorFlow)', () => {
    expect(tensor('dtype: DT_FLOAT8_FROM_THE_FUTURE version_number: 2')).toMatchObject({ dtype: 0, versionNumber: 2 });
    const list = tensorflow.AttrValue.decode(bin('list { type: [DT_FLOAT, DT_NEW, DT_INT32] }', 'tensorflow.AttrValue')).list;
    expect(list?.type).toEqual([1, 3]);
    expect(error('dtype: "DT_FLOAT"').message).toMatch(/expected an integer for field 'dtype'/);
  });
});
