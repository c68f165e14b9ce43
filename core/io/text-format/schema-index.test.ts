// The compiled schema: every field of proto/tensorflow.proto is found by its .proto name with the
// right number, kind, packing and message type; the byte-keyed name table finds exactly its names.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TENSORFLOW_SCHEMA } from '../../proto/generated/schema';
import { Lexer } from './lexer';
import { hashBytes, NameTable } from './name-table';
import { K_ENUM, K_INT64, K_MESSAGE, K_STRING, messageType, type FieldInfo } from './schema-index';

const enc = new TextEncoder();
const field = (type: string, name: string): FieldInfo => {
  const f = messageType(type)?.fields.getByName(name);
  if (!f) throw new Error(`no field ${type}.${name}`);
  return f;
};

describe('schema index', () => {
  it('indexes fields by their .proto names with number, kind, packing and tags', () => {
    expect(field('tensorflow.GraphDef', 'node')).toMatchObject({ id: 1, kind: K_MESSAGE, repeated: true, packed: false, tag: 0x0a });
    expect(field('tensorflow.GraphDef', 'node').message?.fullName).toBe('tensorflow.NodeDef');
    expect(field('tensorflow.TensorProto', 'int64_val')).toMatchObject({ id: 10, kind: K_INT64, repeated: true, packed: true, tag: 0x50, packedTag: 0x52 });
    expect(field('tensorflow.TensorProto', 'string_val')).toMatchObject({ kind: 12, repeated: true, packed: false });
    expect(field('tensorflow.TensorProto', 'dtype')).toMatchObject({ kind: K_ENUM, repeated: false });
    expect(field('tensorflow.TensorProto', 'dtype').enumValues?.getByName('DT_FLOAT_REF')).toBe(101);
    expect(messageType('tensorflow.TensorProto')?.fields.getByName('tensorContent')).toBeUndefined();
  });

  it('resolves type names from the innermost scope outwards', () => {
    expect(field('tensorflow.AttrValue.ListValue', 'shape').message?.fullName).toBe('tensorflow.TensorShapeProto');
    expect(field('tensorflow.TensorShapeProto', 'dim').message?.fullName).toBe('tensorflow.TensorShapeProto.Dim');
    expect(field('tensorflow.MetaGraphDef', 'meta_info_def').message?.fullName).toBe('tensorflow.MetaGraphDef.MetaInfoDef');
  });

  it('turns map fields into repeated {key = 1, value = 2} entry messages', () => {
    const attr = field('tensorflow.NodeDef', 'attr');
    expect(attr).toMatchObject({ id: 5, kind: K_MESSAGE, repeated: true });
    expect(attr.message?.fieldList.map((f) => [f.name, f.id, f.kind])).toEqual([['key', 1, K_STRING], ['value', 2, K_MESSAGE]]);
    expect(attr.message?.fields.getByName('value')?.message?.fullName).toBe('tensorflow.AttrValue');
    expect(field('tensorflow.FunctionDef', 'ret').message?.fieldList.map((f) => f.kind)).toEqual([K_STRING, K_STRING]);
  });

  it('covers every message and field of the schema', () => {
    type Node = { nested?: Record<string, Node>; fields?: Record<string, { id: number; protoName?: string }> };
    const walk = (node: Node, prefix: string): number => {
      let n = 0;
      for (const [name, child] of Object.entries(node.nested ?? {})) {
        const full = prefix ? `${prefix}.${name}` : name;
        for (const [key, f] of Object.entries(child.fields ?? {})) {
          expect(field(full, f.protoName ?? key).id).toBe(f.id);
          n++;
        }
        n += walk(child, full);
      }
      return n;
    };
    expect(walk(TENSORFLOW_SCHEMA as Node, '')).toBeGreaterThan(100);
    expect(messageType('tensorflow.NoSuchMessage')).toBeNull();
  });
});

describe('NameTable', () => {
  it('finds every stored name from raw bytes, and nothing else', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,12}$/), { maxLength: 200 }), fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,12}$/), (names, probe) => {
        const table = new NameTable(names.map((n, i) => [n, i] as const));
        names.forEach((n, i) => expect(table.getByName(n)).toBe(i));
        // Lookups straight from the input, with the hash the lexer computed while scanning, agree.
        for (const word of [probe, ...names]) {
          const lx = new Lexer(enc.encode(`  ${word}  `), 'probe');
          expect(lx.hash).toBe(hashBytes(lx.buf, lx.start, lx.stop));
          expect(table.get(lx.buf, lx.start, lx.stop, lx.hash)).toBe(names.includes(word) ? names.indexOf(word) : undefined);
        }
      }),
    );
  });
});
