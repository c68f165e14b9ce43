// Text-format sniffing: text heads yield their first top-level field name; binary protobuf, JSON
// and prose yield null.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tensorflow } from '../../proto/generated/proto.js';
import { sniffTextFormat } from './index';

const enc = new TextEncoder();
const sniff = (text: string) => sniffTextFormat(enc.encode(text));

describe('sniffTextFormat', () => {
  it('returns the first top-level field name of text format', () => {
    expect(sniff('node {\n  name: "a"\n}')).toBe('node');
    expect(sniff('# proto-file: graph.proto\n# proto-message: GraphDef\n\n  node<name: "a">')).toBe('node');
    expect(sniff('meta_info_def { tags: "serve" }')).toBe('meta_info_def');
    expect(sniff('saved_model_schema_version: 1\nmeta_graphs {')).toBe('saved_model_schema_version');
    expect(sniff('versions\n{ producer: 27 }')).toBe('versions');
    expect(sniffTextFormat(new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode('library {')]))).toBe('library');
    // A head cut anywhere after the first field still sniffs.
    expect(sniff('node { name: "trunc')).toBe('node');
  });

  it('returns null for anything that is not text format', () => {
    for (const text of ['', '   \n# just a comment\n', '{"node": []}', 'node node', 'hello world', '"node": 1', '5: x', 'node']) {
      expect(sniff(text)).toBeNull();
    }
    expect(sniff('node {\u0001')).toBeNull();
    expect(sniffTextFormat(new Uint8Array([0x0a, 0x04, 0x6e, 0x6f, 0x64, 0x65]))).toBeNull();
  });

  it('never takes a binary GraphDef for text', () => {
    const name = fc.string({ minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(fc.array(fc.record({ name, op: name, input: fc.array(name, { maxLength: 3 }) }), { minLength: 1, maxLength: 5 }), (node) => {
        expect(sniffTextFormat(tensorflow.GraphDef.encode({ node }).finish())).toBeNull();
      }),
    );
  });
});
