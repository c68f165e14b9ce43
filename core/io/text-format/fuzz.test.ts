// Fuzzing the text-format parser: random bytes, soups of text-format tokens and mutated corpus
// files either transcode to well-formed protobuf that the generated decoders read, or throw a
// malformed-text LoadError with a sane offset and position; nothing else escapes, no case takes 1 s.
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import protobuf from 'protobufjs/minimal.js';
import { describe, expect, it } from 'vitest';
import { tensorflow } from '../../proto/generated/proto.js';
import { LoadError } from '../errors';
import { corpusBytes, corpusPath, HAVE_CORPUS } from '../../test-support/corpus';
import { textToBinary } from './index';

const TYPES = ['tensorflow.GraphDef', 'tensorflow.MetaGraphDef', 'tensorflow.SavedModel'] as const;
const DECODERS = { 'tensorflow.GraphDef': tensorflow.GraphDef, 'tensorflow.MetaGraphDef': tensorflow.MetaGraphDef, 'tensorflow.SavedModel': tensorflow.SavedModel };

/** Transcodes and checks the outcome; returns 'ok' or 'error' for coverage statistics. */
function check(bytes: Uint8Array, type: (typeof TYPES)[number]): 'ok' | 'error' {
  let out: Uint8Array | null = null;
  try {
    out = textToBinary(bytes, type, 'fuzz.pbtxt');
  } catch (err) {
    if (!(err instanceof LoadError)) throw err;
    expect(err.kind).toBe('malformed-text');
    expect(err.file).toBe('fuzz.pbtxt');
    expect(err.offset).toBeGreaterThanOrEqual(0);
    expect(err.offset).toBeLessThanOrEqual(bytes.length);
    expect(err.message).toMatch(/^line \d+, column \d+: ./);
  }
  // No wall-clock budget (a test passes on any machine): a hang fails at the test timeout.
  if (out === null) return 'error';
  // Like the loader's GraphDef reader, the transcoder leaves UTF-8 validity of string fields to
  // decoding policy (text may hold "\377" as raw bytes); the wire structure itself must be valid.
  const reader = protobuf.Reader.create(out);
  reader.stringVerify = reader.string;
  DECODERS[type].decode(reader);
  return 'ok';
}

const TOKENS = [
  'node', 'name', 'op', 'input', 'device', 'attr', 'key', 'value', 'list', 'shape', 'dim', 'size', 'tensor', 'dtype', 'type',
  'tensor_content', 'float_val', 'int64_val', 'uint64_val', 'bool_val', 'string_val', 'library', 'function', 'signature', 'node_def',
  'ret', 'versions', 'producer', 'graph_def', 'meta_info_def', 'meta_graphs', 'saved_model_schema_version', 'saver_def', 'unknown_field',
  '{', '}', '<', '>', '[', ']', ':', ',', ';', '-', '.', '/', '"str"', "'s\\n'", '"\\x"', '"\\u00e9"', '"\\U0001F600"', '"\\400"', '"\\q"',
  '"unterminated', '1', '-1', '0x1F', '07', '08', '1.5e3', '1e', '2f', '.5', 'inf', '-inf', 'nan', 'Infinity', 'true', 'False', 't',
  'DT_FLOAT', 'DT_FLOAT_REF', 'DT_UNKNOWN', '9999999999999999999999', '18446744073709551615', '[type.googleapis.com/x.Y]',
  '# comment\n', '\n', '\t', '\u00e9', '\u0000',
];

const tokenSoup = fc.array(fc.tuple(fc.constantFrom(...TOKENS), fc.constantFrom(' ', '', '\n', ' # c\n')), { maxLength: 300 })
  .map((parts) => new TextEncoder().encode(parts.map(([t, s]) => t + s).join('')));

/** Text that is mostly right: balanced, well-typed fragments, so the parser gets deep before failing. */
const nearlyValid = fc.array(fc.constantFrom(
  'node { name: "a" op: "Const" attr { key: "value" value { tensor { dtype: DT_FLOAT tensor_content: "\\000\\000\\200?" } } } }',
  'node { name: "b" input: ["a", "^c"] attr { key: "_output_shapes" value { list { shape { dim { size: -1 } } } } } }',
  'library { function { signature { name: "f" } node_def { name: "x" op: "Identity" } ret { key: "y" value: "x:0" } } }',
  'versions { producer: 27 }', 'saver_def { version: V2 }', 'graph_def {', 'meta_graphs {', '}', ']', 'int64_val: [1, -2]',
), { maxLength: 12 }).map((parts) => new TextEncoder().encode(parts.join('\n')));

type Mutation = { op: 'flip' | 'cut' | 'insert' | 'dup' | 'drop'; at: number; to: number; value: number };
const mutation = fc.record({ op: fc.constantFrom('flip', 'cut', 'insert', 'dup', 'drop'), at: fc.nat(), to: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }) as fc.Arbitrary<Mutation>;

function mutate(bytes: Uint8Array, muts: readonly Mutation[]): Uint8Array {
  let out = bytes;
  for (const m of muts) {
    if (out.length === 0) break;
    const at = m.at % out.length;
    const to = Math.min(out.length, at + 1 + (m.to % 256));
    const parts: Uint8Array[] = [];
    if (m.op === 'flip') {
      out = out.slice();
      out[at] = m.value;
      continue;
    }
    if (m.op === 'cut') parts.push(out.subarray(0, at));
    if (m.op === 'insert') parts.push(out.subarray(0, at), Uint8Array.of(m.value), out.subarray(at));
    if (m.op === 'dup') parts.push(out.subarray(0, to), out.subarray(at, to), out.subarray(to));
    if (m.op === 'drop') parts.push(out.subarray(0, at), out.subarray(to));
    const next = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let o = 0;
    for (const p of parts) {
      next.set(p, o);
      o += p.length;
    }
    out = next;
  }
  return out;
}

const CORPUS_TEXT = [
  'fazibear_cr/graph.pbtxt', 'tensorboard/demo_app_graph.pbtxt', 'tensorboard/demo_graph.pbtxt', 'styx_tf2/graph2.pbtxt',
  'tf_repo/core/grappler/costs/graph_properties_testdata/large_function_graph.pbtxt', 'tf_repo/core/grappler/costs/graph_properties_testdata/while_loop.pbtxt',
  'tf_repo/cc/saved_model/testdata/half_plus_two_pbtxt/00000123/saved_model.pbtxt', 'tf_repo/python/framework/testdata/metrics_export_meta_graph.pb',
  'impala_training/graph.pbtxt', 'netron_testlist_github/mnist_model.pbtxt',
].filter((rel) => HAVE_CORPUS && existsSync(corpusPath(rel)));

describe('text format fuzzing', () => {
  it('random bytes never escape as anything but a LoadError', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 4000 }), fc.constantFrom(...TYPES), (bytes, type) => void check(bytes, type)), { numRuns: 500 });
  });

  it('token soups never escape as anything but a LoadError, and some parse', () => {
    const outcomes = { ok: 0, error: 0 };
    fc.assert(fc.property(fc.oneof(tokenSoup, nearlyValid), fc.constantFrom(...TYPES), (bytes, type) => void outcomes[check(bytes, type)]++), { numRuns: 1500 });
    expect(outcomes.ok).toBeGreaterThan(20);
    expect(outcomes.error).toBeGreaterThan(20);
  });

  describe.skipIf(CORPUS_TEXT.length === 0)('mutated corpus files', () => {
    it('byte flips, truncation, insertion, duplication and deletion are handled', () => {
      const files = CORPUS_TEXT.map((rel) => corpusBytes(rel));
      fc.assert(
        fc.property(fc.nat(files.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.constantFrom(...TYPES), (i, muts, type) => {
          check(mutate(files[i] as Uint8Array, muts), type);
        }),
        { numRuns: 300 },
      );
    });
  });
});
