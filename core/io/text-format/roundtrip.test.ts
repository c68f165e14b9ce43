// Roundtrip property: random GraphDef-like messages (escaped and non-ASCII names, attrs of every
// kind, 64-bit ints, float specials) are written as text in random styles by a small test-only
// writer, parsed back, and must decode to the same message as protobufjs' own binary encoding.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tensorflow } from '../../proto/generated/proto.js';
import { TENSORFLOW_SCHEMA } from '../../proto/generated/schema';
import { textToBinary } from './index';

interface Style {
  sep: string;
  colon: boolean;
  angle: boolean;
  lists: boolean;
  quote: string;
  bytesEscape: 'octal' | 'hex' | 'raw';
  unicode: boolean;
  split: boolean;
  radix: 2 | 8 | 10 | 16;
  floats: 'plain' | 'exp' | 'suffix';
  bools: number;
  enumNames: boolean;
  comments: boolean;
  space: string;
  reverse: boolean;
}

interface JsonField { type: string; id: number; rule?: string; keyType?: string; protoName?: string }
interface JsonNode { nested?: Record<string, JsonNode>; fields?: Record<string, JsonField>; values?: Record<string, number> }

const ROOT: JsonNode = TENSORFLOW_SCHEMA;
const SCALARS = new Set(['double', 'float', 'int64', 'uint64', 'int32', 'uint32', 'bool', 'string', 'bytes']);
const BOOLS = [['true', 'false'], ['True', 'False'], ['t', 'f'], ['1', '0']] as const;
const SIMPLE: Record<number, string> = { 10: '\\n', 13: '\\r', 9: '\\t', 92: '\\\\', 34: '\\"', 39: "\\'" };

function typeAt(full: string): JsonNode | undefined {
  let node: JsonNode | undefined = ROOT;
  for (const part of full.split('.')) node = node?.nested?.[part];
  return node;
}

/** protoc's scoping: the innermost enclosing scope that has the name. */
function resolve(ref: string, scope: string): string {
  const parts = scope.split('.');
  for (let n = parts.length; n >= 0; n--) {
    const full = [...parts.slice(0, n), ref].join('.');
    if (typeAt(full)) return full;
  }
  throw new Error(`cannot resolve ${ref} in ${scope}`);
}

/** Test-only protobuf text writer over decoded messages (int64 as Long, bytes as Uint8Array). */
class TextWriter {
  readonly out: number[] = [];
  constructor(private readonly s: Style) {}

  ascii(text: string): void {
    for (let i = 0; i < text.length; i++) this.out.push(text.charCodeAt(i));
  }

  message(full: string, obj: Record<string, unknown>): void {
    const fields = Object.entries(typeAt(full)?.fields ?? {});
    if (this.s.reverse) fields.reverse();
    for (const [key, f] of fields) {
      // Decoded messages hold defaults on their prototype: only fields present on the wire are own.
      if (!Object.prototype.hasOwnProperty.call(obj, key)) continue;
      const v = obj[key];
      if (v === undefined || v === null) continue;
      if (this.s.comments) this.ascii(`# about ${key}: "quoted" { [ }\n`);
      this.field(f.protoName ?? key, f, v, full);
    }
  }

  private field(name: string, f: JsonField, v: unknown, scope: string): void {
    const s = this.s;
    if (f.keyType !== undefined) {
      const entries = Object.entries(v as Record<string, unknown>).map(([key, value]) => ({ key, value }));
      const entry = (e: { key: string; value: unknown }) => {
        this.open();
        this.ascii('key: ');
        this.scalar(f.keyType as string, e.key, scope);
        this.ascii(s.space);
        this.one('value', f.type, e.value, scope);
        this.close();
      };
      return this.repeated(name, entries, entry, true);
    }
    const isMessage = !SCALARS.has(f.type) && typeAt(resolve(f.type, scope))?.fields !== undefined;
    const values = f.rule === 'repeated' ? (v as unknown[]) : [v];
    if (f.rule === 'repeated' && s.lists) {
      return this.repeated(name, values, (x) => (isMessage ? this.sub(f.type, x, scope) : this.scalar(f.type, x, scope)), isMessage);
    }
    for (const x of values) this.one(name, f.type, x, scope);
  }

  private repeated<T>(name: string, values: readonly T[], write: (x: T) => void, isMessage: boolean): void {
    if (!this.s.lists) {
      for (const x of values) {
        this.ascii(`${name}${this.s.colon || !isMessage ? ':' : ''} `);
        write(x);
        this.ascii(this.s.sep + this.s.space);
      }
      return;
    }
    this.ascii(`${name}${this.s.colon || !isMessage ? ':' : ''} [`);
    values.forEach((x, i) => {
      if (i > 0) this.ascii(`,${this.s.space}`);
      write(x);
    });
    this.ascii(`]${this.s.sep}${this.s.space}`);
  }

  private one(name: string, type: string, v: unknown, scope: string): void {
    const isMessage = !SCALARS.has(type) && typeAt(resolve(type, scope))?.fields !== undefined;
    this.ascii(`${name}${this.s.colon || !isMessage ? ':' : ''} `);
    if (isMessage) this.sub(type, v, scope);
    else this.scalar(type, v, scope);
    this.ascii(this.s.sep + this.s.space);
  }

  private open(): void {
    this.ascii(this.s.angle ? '<' : '{');
    this.ascii(this.s.space);
  }

  private close(): void {
    this.ascii(this.s.angle ? '>' : '}');
  }

  private sub(type: string, v: unknown, scope: string): void {
    this.open();
    this.message(resolve(type, scope), v as Record<string, unknown>);
    this.close();
  }

  private scalar(type: string, v: unknown, scope: string): void {
    const s = this.s;
    switch (type) {
      case 'string':
        return this.quoted(s.unicode ? unicodePieces(v as string) : bytePieces([...new TextEncoder().encode(v as string)], s.bytesEscape));
      case 'bytes':
        return this.quoted(bytePieces([...(v as Uint8Array)], s.bytesEscape));
      case 'bool':
        return this.ascii(BOOLS[s.bools]![v ? 0 : 1]);
      case 'float':
      case 'double':
        return this.ascii(floatText(v as number, s.floats));
      case 'int32': case 'uint32': case 'int64': case 'uint64':
        // int64 values decode as long.js objects whose toString() honours their signedness.
        return this.ascii(intText(BigInt(typeof v === 'number' ? v : String(v)), s.radix));
      default: {
        const names = Object.entries(typeAt(resolve(type, scope))?.values ?? {});
        const name = names.find(([, n]) => n === v)?.[0];
        return this.ascii(s.enumNames && name !== undefined ? name : String(v));
      }
    }
  }

  private quoted(pieces: (string | number)[]): void {
    const q = this.s.quote;
    const cut = this.s.split && pieces.length > 1 ? pieces.length >> 1 : -1;
    this.ascii(q);
    pieces.forEach((p, i) => {
      if (i === cut) this.ascii(`${q}${this.s.space}${q}`);
      if (typeof p === 'number') this.out.push(p);
      else this.ascii(q === "'" && p === '\\"' ? '"' : p);
    });
    this.ascii(q);
  }
}

function bytePieces(bytes: readonly number[], escape: Style['bytesEscape']): (string | number)[] {
  return bytes.map((b) => {
    if (SIMPLE[b] !== undefined) return SIMPLE[b];
    const control = b < 0x20 || b === 0x7f;
    if (!control && (b < 0x80 || escape === 'raw')) return b;
    return escape === 'hex' ? `\\x${b.toString(16).padStart(2, '0')}` : `\\${b.toString(8).padStart(3, '0')}`;
  });
}

function unicodePieces(text: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x80) out.push(...bytePieces([cp], 'octal'));
    else if (cp < 0x10000) out.push(`\\u${cp.toString(16).padStart(4, '0')}`);
    else out.push(`\\U${cp.toString(16).padStart(8, '0')}`);
  }
  return out;
}

function floatText(v: number, style: Style['floats']): string {
  if (Number.isNaN(v)) return style === 'exp' ? 'NaN' : 'nan';
  if (!Number.isFinite(v)) return `${v < 0 ? '-' : ''}${style === 'exp' ? 'Infinity' : 'inf'}`;
  const plain = Object.is(v, -0) ? '-0' : String(v);
  if (style === 'exp') return Object.is(v, -0) ? '-0e0' : v.toExponential();
  return style === 'suffix' ? `${plain}${plain.includes('.') || plain.includes('e') ? '' : '.'}f` : plain;
}

function intText(v: bigint, radix: Style['radix']): string {
  const sign = v < 0n ? '-' : '';
  const abs = v < 0n ? -v : v;
  if (radix === 16) return `${sign}0x${abs.toString(16)}`;
  if (radix === 8) return `${sign}0${abs.toString(8)}`;
  return `${sign}${abs.toString(10)}`;
}

// Random GraphDef-like objects, as tensorflow.GraphDef.encode accepts them (int64 as decimal strings).
const noLoneSurrogate = (t: string) => !/\p{Cs}/u.test(t);
const unit = fc.oneof(fc.constantFrom('\\', '"', "'", '\n', '\t', '\0', '\x7f', '/', ':', '^', '#', '{', 'é', '中', '😀'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));
const text = fc.string({ unit, maxLength: 10 }).filter(noLoneSurrogate);
const bytes = fc.uint8Array({ maxLength: 16 });
const int32 = fc.integer();
const special = fc.constantFrom(-0, NaN, Infinity, -Infinity, 0.1, -1e-30, 3.4028234663852886e38);
const float = fc.oneof(special.map(Math.fround), fc.float());
const double = fc.oneof(special, fc.double(), fc.constantFrom(Number.MIN_VALUE, -Number.MAX_VALUE));
const int64 = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String);
const uint64 = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map(String);
const dtype = fc.oneof(fc.constantFrom(...Object.values(tensorflow.DataType).filter((v): v is number => typeof v === 'number')), fc.integer({ min: 0, max: 300 }));
const few = { maxLength: 3 };
const optional = { requiredKeys: [] as [] };
const shape = fc.record({ dim: fc.array(fc.record({ size: int64, name: text }, optional), few), unknownRank: fc.boolean() }, optional);
const tensor = fc.record({
  dtype, tensorShape: shape, versionNumber: int32, tensorContent: bytes, halfVal: fc.array(int32, few), floatVal: fc.array(float, few),
  doubleVal: fc.array(double, few), intVal: fc.array(int32, few), stringVal: fc.array(bytes, few), scomplexVal: fc.array(float, few),
  int64Val: fc.array(int64, few), boolVal: fc.array(fc.boolean(), few), dcomplexVal: fc.array(double, few),
  uint32Val: fc.array(fc.integer({ min: 0, max: 2 ** 32 - 1 }), few), uint64Val: fc.array(uint64, few),
}, optional);
const listValue = fc.record({
  s: fc.array(bytes, few), i: fc.array(int64, few), f: fc.array(float, few), b: fc.array(fc.boolean(), few),
  type: fc.array(dtype, few), shape: fc.array(shape, few), tensor: fc.array(tensor, { maxLength: 1 }),
}, optional);
const { attrValue } = fc.letrec((tie) => ({
  attrValue: fc.oneof(
    { maxDepth: 2 },
    fc.record({ s: bytes }), fc.record({ i: int64 }), fc.record({ f: float }), fc.record({ b: fc.boolean() }), fc.record({ type: dtype }),
    fc.record({ shape }), fc.record({ tensor }), fc.record({ placeholder: text }), fc.record({ list: listValue }), fc.record({ func: tie('nameAttrList') }),
  ),
  nameAttrList: fc.record({ name: text, attr: fc.dictionary(text, tie('attrValue'), { maxKeys: 2 }) }, optional),
}));
const attrs = fc.dictionary(text, attrValue, { maxKeys: 3 });
const node = fc.record({ name: text, op: text, input: fc.array(text, few), device: text, attr: attrs }, optional);
const argDef = fc.record({ name: text, description: text, type: dtype, typeAttr: text, numberAttr: text, typeListAttr: text, isRef: fc.boolean() }, optional);
const functionDef = fc.record({
  signature: fc.record({ name: text, inputArg: fc.array(argDef, few), outputArg: fc.array(argDef, few) }, optional),
  attr: attrs, nodeDef: fc.array(node, few), ret: fc.dictionary(text, text, { maxKeys: 2 }), controlRet: fc.dictionary(text, text, { maxKeys: 2 }),
}, optional);
const graphDef = fc.record({
  node: fc.array(node, { maxLength: 4 }),
  library: fc.record({ function: fc.array(functionDef, { maxLength: 2 }), gradient: fc.array(fc.record({ functionName: text, gradientFunc: text }, optional), few) }, optional),
  version: int32,
  versions: fc.record({ producer: int32, minConsumer: int32, badConsumers: fc.array(int32, few) }, optional),
}, optional);
const style: fc.Arbitrary<Style> = fc.record({
  sep: fc.constantFrom('', ',', ';'), colon: fc.boolean(), angle: fc.boolean(), lists: fc.boolean(), quote: fc.constantFrom('"', "'"),
  bytesEscape: fc.constantFrom('octal', 'hex', 'raw'), unicode: fc.boolean(), split: fc.boolean(), radix: fc.constantFrom(2 as const, 8 as const, 10 as const, 16 as const),
  floats: fc.constantFrom('plain', 'exp', 'suffix'), bools: fc.integer({ min: 0, max: 3 }), enumNames: fc.boolean(), comments: fc.boolean(),
  space: fc.constantFrom(' ', '\n', '\t', '  \r\n'), reverse: fc.boolean(),
}).map((s) => ({ ...s, radix: s.radix === 2 ? 10 : s.radix }));

describe('text format roundtrip', () => {
  it('parses what the test writer wrote, in any style, to the message protobufjs encodes', () => {
    fc.assert(
      fc.property(graphDef, style, (obj, st) => {
        const expected = tensorflow.GraphDef.decode(tensorflow.GraphDef.encode(obj as tensorflow.IGraphDef).finish());
        const w = new TextWriter(st);
        w.message('tensorflow.GraphDef', expected as unknown as Record<string, unknown>);
        const parsed = textToBinary(new Uint8Array(w.out), 'tensorflow.GraphDef', 'roundtrip.pbtxt');
        expect(tensorflow.GraphDef.decode(parsed)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('the writer is faithful: a known message comes out as expected text', () => {
    const w = new TextWriter({ sep: '', colon: false, angle: false, lists: true, quote: '"', bytesEscape: 'octal', unicode: true, split: false, radix: 10, floats: 'plain', bools: 0, enumNames: true, comments: false, space: ' ', reverse: false });
    w.message('tensorflow.GraphDef', { node: [{ name: 'a"é', attr: { T: { type: 1 } } }], versions: { producer: 3 } });
    expect(new TextDecoder().decode(new Uint8Array(w.out))).toBe('node [{ name: "a\\"\\u00e9" attr [{ key: "T" value { type: DT_FLOAT } }] }] versions { producer: 3 } ');
  });
});
