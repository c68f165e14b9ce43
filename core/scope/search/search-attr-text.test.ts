import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dtypeName, formatShape } from '../../graph/attrs';
import { scopeview, tensorflow } from '../../proto/generated/proto.js';
import { attrEntryText, attrValueText, float32Text } from './search-attr-text';

type Props = tensorflow.AttrValue.$Properties;

function render(value: Props): string {
  const bytes = tensorflow.AttrValue.encode(value).finish();
  return attrValueText(bytes, 0, bytes.length);
}

/** The same rendering from protobufjs' full decode (which also decodes tensor contents). */
function reference(v: tensorflow.AttrValue): string {
  const shape = (s: tensorflow.TensorShapeProto.$Properties): string => formatShape({ dim: (s.dim ?? []).map((d) => ({ size: Number(d.size ?? 0) })), unknownRank: s.unknownRank ?? false });
  const tensor = (t: tensorflow.TensorProto.$Properties): string => `${dtypeName(t.dtype ?? 0)} ${shape(t.tensorShape ?? {})}`;
  const text = (b: Uint8Array): string => new TextDecoder().decode(b);
  switch (v.value) {
    case 'list': {
      const l = v.list ?? {};
      const items = [
        ...(l.s ?? []).map(text),
        ...(l.i ?? []).map((x) => String(x)),
        ...(l.f ?? []).map((x) => float32Text(x)),
        ...(l.b ?? []).map((x) => String(x)),
        ...(l.type ?? []).map((x) => dtypeName(x)),
        ...(l.shape ?? []).map(shape),
        ...(l.tensor ?? []).map(tensor),
        ...(l.func ?? []).map((f) => f.name ?? ''),
      ];
      return `[${items.join(', ')}]`;
    }
    case 's':
      return text(v.s ?? new Uint8Array());
    case 'i':
      return String(v.i);
    case 'f':
      return float32Text(v.f ?? 0);
    case 'b':
      return String(v.b);
    case 'type':
      return dtypeName(v.type ?? 0);
    case 'shape':
      return shape(v.shape ?? {});
    case 'tensor':
      return tensor(v.tensor ?? {});
    case 'placeholder':
      return v.placeholder ?? '';
    case 'func':
      return v.func?.name ?? '';
    default:
      return '';
  }
}

const dim = fc.record({ size: fc.oneof(fc.integer({ min: -1, max: 1 << 20 }), fc.maxSafeInteger()) });
const shapeArb = fc.record({ dim: fc.array(dim, { maxLength: 4 }), unknownRank: fc.boolean() });
const dtype = fc.integer({ min: 0, max: 23 });
const tensorArb = fc.record({ dtype, tensorShape: shapeArb, floatVal: fc.array(fc.float({ noNaN: true }), { maxLength: 3 }) });
const str = fc.string({ maxLength: 12, unit: 'grapheme' });
const valueArb: fc.Arbitrary<Props> = fc.oneof(
  fc.record({ s: str.map((s) => new TextEncoder().encode(s)) }),
  fc.record({ i: fc.maxSafeInteger() }),
  fc.record({ f: fc.float({ noNaN: true, noDefaultInfinity: true }) }),
  fc.record({ b: fc.boolean() }),
  fc.record({ type: dtype }),
  fc.record({ shape: shapeArb }),
  fc.record({ tensor: tensorArb }),
  fc.record({ placeholder: str }),
  fc.record({ func: fc.record({ name: str }) }),
  fc.record({
    list: fc.oneof(
      fc.record({ s: fc.array(str.map((s) => new TextEncoder().encode(s)), { maxLength: 3 }) }),
      fc.record({ i: fc.array(fc.maxSafeInteger(), { maxLength: 4 }) }),
      fc.record({ f: fc.array(fc.float({ noNaN: true, noDefaultInfinity: true }), { maxLength: 4 }) }),
      fc.record({ b: fc.array(fc.boolean(), { maxLength: 4 }), type: fc.array(dtype, { maxLength: 3 }) }),
      fc.record({ shape: fc.array(shapeArb, { maxLength: 3 }) }),
      fc.record({ tensor: fc.array(tensorArb, { maxLength: 2 }), func: fc.array(fc.record({ name: str }), { maxLength: 2 }) }),
    ),
  }),
);

describe('attrValueText', () => {
  it('renders each kind of value', () => {
    expect(render({ type: tensorflow.DataType.DT_FLOAT })).toBe('float');
    expect(render({ type: tensorflow.DataType.DT_INT32 })).toBe('int32');
    expect(render({ shape: { dim: [{ size: -1 }, { size: 3 }] } })).toBe('(?, 3)');
    expect(render({ shape: { unknownRank: true } })).toBe('<unknown>');
    expect(render({ shape: {} })).toBe('()');
    expect(render({ s: new TextEncoder().encode('SAME') })).toBe('SAME');
    expect(render({ i: -1 })).toBe('-1');
    expect(render({ i: 2 ** 40 })).toBe(String(2 ** 40));
    expect(render({ f: 0.1 })).toBe('0.1');
    expect(render({ b: true })).toBe('true');
    expect(render({ b: false })).toBe('false');
    expect(render({ func: { name: 'my_fn', attr: { T: { type: 1 } } } })).toBe('my_fn');
    expect(render({ placeholder: 'T' })).toBe('T');
    expect(render({ list: { i: [1, 2, 2, 1] } })).toBe('[1, 2, 2, 1]');
    expect(render({ list: { shape: [{ dim: [{ size: 2 }] }, { dim: [] }] } })).toBe('[(2), ()]');
    expect(render({ list: {} })).toBe('[]');
  });

  it('renders a tensor as dtype and shape without reading its contents', () => {
    const content = new TextEncoder().encode('secret contents');
    expect(render({ tensor: { dtype: 1, tensorShape: { dim: [{ size: 4 }, { size: 5 }] }, tensorContent: new Uint8Array(1 << 16), stringVal: [content] } })).toBe('float (4, 5)');
    // Garbage after dtype and shape (a contents field with a bad length) is never parsed.
    const t = tensorflow.TensorProto.encode({ dtype: 3, tensorShape: { dim: [{ size: 2 }] } }).finish();
    const broken = Uint8Array.from([...t, 0x22, 0x7f, 0x01]);
    const attr = Uint8Array.from([0x42, broken.length, ...broken]);
    expect(attrValueText(attr, 0, attr.length)).toBe('int32 (2)');
  });

  it('caps long strings at 1 KiB and survives truncated bytes', () => {
    expect(render({ s: new Uint8Array(5000).fill(0x61) })).toHaveLength(1024);
    const bytes = tensorflow.AttrValue.encode({ list: { i: [1, 2, 3] } }).finish();
    for (let cut = 0; cut < bytes.length; cut++) expect(() => attrValueText(bytes, 0, cut)).not.toThrow();
  });

  it('matches a rendering of the fully decoded value', () => {
    fc.assert(
      fc.property(valueArb, (value) => {
        const bytes = tensorflow.AttrValue.encode(value).finish();
        expect(attrValueText(bytes, 0, bytes.length)).toBe(reference(tensorflow.AttrValue.decode(bytes)));
      }),
      { numRuns: 500 },
    );
  });

  it('reads key and value of an AttrEntry', () => {
    const entry = scopeview.lazy.AttrEntry.encode({ key: 'strides', value: { list: { i: [1, 2] } } }).finish();
    expect(attrEntryText(entry)).toEqual({ key: 'strides', value: '[1, 2]' });
  });
});

describe('float32Text', () => {
  it('gives the shortest decimal that reads back as the same float32', () => {
    fc.assert(
      fc.property(fc.float({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const s = float32Text(x);
        expect(Math.fround(Number(s))).toBe(Math.fround(x) === 0 ? 0 : Math.fround(x));
      }),
    );
    expect(float32Text(Math.fround(1e-7))).toBe('1e-7');
    expect(float32Text(Math.fround(0.2))).toBe('0.2');
  });
});
