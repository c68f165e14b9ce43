// Text-format structure: fields, nested messages, separators, lists, maps, packed runs, unknown
// fields and Any expansions, checked by decoding the output with the generated decoders.
import { describe, expect, it } from 'vitest';
import { tensorflow } from '../../proto/generated/proto.js';
import { textToBinary } from './index';

const enc = new TextEncoder();
const bin = (text: string, type = 'tensorflow.GraphDef') => textToBinary(enc.encode(text), type, 'test.pbtxt');
const graph = (text: string) => tensorflow.GraphDef.decode(bin(text));
const tensorBytes = (text: string) => [...bin(text, 'tensorflow.TensorProto')];

describe('text format structure', () => {
  it('reads nodes with comments, both bracket styles, optional colons and separators', () => {
    const g = graph(`# leading comment
      node { name: "a" op: "Const" }   # trailing comment
      node: < name: 'b'; op: "Identity", input: "a" input: "^a" ; device: "/cpu:0" >,
      node {
        name: "c";op:"NoOp"}
      versions { producer: 27 min_consumer: 12 bad_consumers: 3 }
      version: 5`);
    expect(g.node.map((n) => [n.name, n.op, n.input, n.device])).toEqual([
      ['a', 'Const', [], ''],
      ['b', 'Identity', ['a', '^a'], '/cpu:0'],
      ['c', 'NoOp', [], ''],
    ]);
    expect(g.versions?.producer).toBe(27);
    expect(g.versions?.minConsumer).toBe(12);
    expect(g.versions?.badConsumers).toEqual([3]);
    expect(g.version).toBe(5);
  });

  it('returns empty bytes for empty, blank or comment-only input, and skips a UTF-8 BOM', () => {
    expect(bin('')).toHaveLength(0);
    expect(bin('  \n\t # only a comment')).toHaveLength(0);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode('node { name: "x" }')]);
    expect(tensorflow.GraphDef.decode(textToBinary(bom, 'tensorflow.GraphDef', 'bom.pbtxt')).node[0]?.name).toBe('x');
  });

  it('encodes map fields as entries, one attr per key, also written as a list of entries', () => {
    const g = graph(`node {
      name: "n"
      attr { key: "T" value { type: DT_FLOAT } }
      attr { key: "dtype" value { type: DT_INT32_REF } }
      attr { key: "shape" value { shape { dim { size: -1 } dim { size: 3 name: "c" } } } }
      attr { key: "_output_shapes" value { list { shape { unknown_rank: true } shape { } } } }
      attr [ { key: "b" value { b: true } }, < key: "f" value: < f: 1.5 > > ]
    }`);
    const attr = (g.node[0] as tensorflow.NodeDef).attr;
    expect(Object.keys(attr).sort()).toEqual(['T', '_output_shapes', 'b', 'dtype', 'f', 'shape']);
    expect(attr['T']?.type).toBe(tensorflow.DataType.DT_FLOAT);
    expect(attr['dtype']?.type).toBe(tensorflow.DataType.DT_INT32_REF);
    expect(attr['shape']?.shape?.dim?.map((d) => [Number(d.size), d.name])).toEqual([[-1, ''], [3, 'c']]);
    expect(attr['_output_shapes']?.list?.shape?.map((s) => s.unknownRank)).toEqual([true, false]);
    expect(attr['b']?.b).toBe(true);
    expect(attr['f']?.f).toBe(1.5);
  });

  it('reads string maps and nested functions in the library', () => {
    const g = graph(`library {
      function {
        signature { name: "f" input_arg { name: "x" type: DT_FLOAT } output_arg { name: "y" type_attr: "T" } }
        node_def { name: "id" op: "Identity" input: "x" attr { key: "T" value { type: DT_FLOAT } } }
        ret { key: "y" value: "id:output:0" }
        control_ret { key: "c" value: "id" }
        attr { key: "_noinline" value { b: true } }
      }
      gradient { function_name: "f" gradient_func: "g" }
    }`);
    const f = g.library?.function?.[0] as tensorflow.FunctionDef;
    expect(f.signature?.name).toBe('f');
    expect(f.signature?.inputArg?.[0]?.type).toBe(tensorflow.DataType.DT_FLOAT);
    expect(f.signature?.outputArg?.[0]?.typeAttr).toBe('T');
    expect(f.nodeDef.map((n) => n.name)).toEqual(['id']);
    expect(f.ret).toEqual({ y: 'id:output:0' });
    expect(f.controlRet).toEqual({ c: 'id' });
    expect(f.attr['_noinline']?.b).toBe(true);
    expect(g.library?.gradient?.[0]).toMatchObject({ functionName: 'f', gradientFunc: 'g' });
  });

  it('reads repeated fields as entries and as [lists], messages included', () => {
    const g = graph(`node [ { name: "a" input: ["x", 'y'] }, < name: "b" > ] node: [{ name: "c" }] node [] node { name: "d" input: [] }`);
    expect(g.node.map((n) => n.name)).toEqual(['a', 'b', 'c', 'd']);
    expect(g.node[0]?.input).toEqual(['x', 'y']);
    expect(g.node[3]?.input).toEqual([]);
  });

  it('writes repeated numeric fields packed, one run per stretch of consecutive values', () => {
    // TensorProto.int_val = 7 (packed tag 0x3a), dtype = 1 (tag 0x08).
    expect(tensorBytes('int_val: [1, 2, 3]')).toEqual([0x3a, 3, 1, 2, 3]);
    expect(tensorBytes('int_val: 1 int_val: 2')).toEqual([0x3a, 2, 1, 2]);
    expect(tensorBytes('int_val: [1] int_val: 2, int_val: [3, 4]')).toEqual([0x3a, 4, 1, 2, 3, 4]);
    expect(tensorBytes('int_val: 1 dtype: DT_FLOAT int_val: 2')).toEqual([0x3a, 1, 1, 0x08, 1, 0x3a, 1, 2]);
    // Unknown fields write nothing, so the run continues across them.
    expect(tensorBytes('int_val: 1 not_in_schema: 5 int_val: 2')).toEqual([0x3a, 2, 1, 2]);
    // Strings are never packed: one tag per value (string_val = 8, tag 0x42).
    expect(tensorBytes('string_val: ["a", "b"]')).toEqual([0x42, 1, 0x61, 0x42, 1, 0x62]);
    const t = tensorflow.TensorProto.decode(bin('float_val: [1, 2.5] int64_val: 7 int64_val: -7 bool_val: [true, false] half_val: 15360', 'tensorflow.TensorProto'));
    expect(t.floatVal).toEqual([1, 2.5]);
    expect(t.int64Val.map(String)).toEqual(['7', '-7']);
    expect(t.boolVal).toEqual([true, false]);
    expect(t.halfVal).toEqual([15360]);
  });

  it('skips unknown fields of every value shape, at any level', () => {
    const m = tensorflow.MetaGraphDef.decode(bin(`
      meta_info_def { stripped_op_list { op { name: "Add" input_arg { name: "x" type_attr: "T" } attr { name: "T" allowed_values { list { type: DT_FLOAT } } } } } tags: "serve" }
      saver_def { filename_tensor_name: "save/Const:0" version: V2 keep_checkpoint_every_n_hours: 10000.0 max_to_keep: -5 sharded: true }
      collection_def { key: "variables" value { bytes_list { value: "\\n\\004w:0" value: "x" 'y' } } }
      collection_def < key: "ops" value: < node_list: < value: "a" > > >
      unknown_scalar: -inf
      unknown_hex: 0xff, unknown_float: 1.5e-3f; unknown_ident: SOME_ENUM
      unknown_list: [1, -2, "s" 't', ident, -nan]
      unknown_messages: [{ a: 1 }, < b { c: "d" } >]
      unknown_empty_list: []
      unknown_message_list [{ z: 1 }]
      object_graph_def { nodes { children { node_id: 1 local_name: "x" } } }
      graph_def { node { name: "kept" experimental_debug_info { original_node_names: "orig" } op: "NoOp" } versions { producer: 1 } }
      asset_file_def { tensor_info { name: "asset" } filename: "vocab.txt" }`, 'tensorflow.MetaGraphDef'));
    expect(m.metaInfoDef?.tags).toEqual(['serve']);
    expect(m.graphDef?.node?.map((n) => [n.name, n.op])).toEqual([['kept', 'NoOp']]);
    expect(m.graphDef?.versions?.producer).toBe(1);
  });

  it('skips Any expansions and extension names', () => {
    const g = graph(`node {
      name: "a"
      [type.googleapis.com/tensorflow.SomethingElse] { field: 1 nested { x: "y" } }
      [some.extension]: 5
      [ext.with_list]: [1, 2]
      op: "b"
    }`);
    expect(g.node.map((n) => [n.name, n.op])).toEqual([['a', 'b']]);
  });

  it('reads SavedModel and encodes every value given for a oneof (the decoder keeps the last)', () => {
    const s = tensorflow.SavedModel.decode(bin('saved_model_schema_version: 1 meta_graphs { graph_def { node { name: "a" } } } meta_graphs {}', 'tensorflow.SavedModel'));
    expect(String(s.savedModelSchemaVersion)).toBe('1');
    expect(s.metaGraphs.map((m) => m.graphDef?.node?.length ?? 0)).toEqual([1, 0]);
    const g = graph('node { attr { key: "a" value { i: 1 s: "x" } } }');
    expect((g.node[0] as tensorflow.NodeDef).attr['a']?.value).toBe('s');
    expect([...((g.node[0] as tensorflow.NodeDef).attr['a']?.s ?? [])]).toEqual([0x78]);
  });

  it('parses the same message identically from either bracket style and separator choice', () => {
    const a = bin('node { name: "n" attr { key: "k" value { list { i: [1, 2] } } } }');
    const b = bin('node: <name: "n"; attr: <key: "k", value: <list: <i: 1; i: 2>>>>');
    expect([...b]).toEqual([...a]);
  });
});
