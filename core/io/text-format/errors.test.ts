// Malformed text: every failure is a LoadError('malformed-text') naming the file, the byte offset
// and, in its message, the line and column; deep nesting is refused instead of overflowing.
import { describe, expect, it } from 'vitest';
import { LoadError } from '../errors';
import { textToBinary } from './index';

const enc = new TextEncoder();

function error(text: string, type = 'tensorflow.GraphDef'): LoadError {
  try {
    textToBinary(enc.encode(text), type, 'bad.pbtxt');
  } catch (err) {
    expect(err).toBeInstanceOf(LoadError);
    const e = err as LoadError;
    expect(e.kind).toBe('malformed-text');
    expect(e.file).toBe('bad.pbtxt');
    return e;
  }
  throw new Error(`no error for ${text}`);
}

describe('malformed text', () => {
  it('names line and column of a missing closing brace at end of file', () => {
    const text = 'node {\n  name: "a"\n';
    const e = error(text);
    expect(e.message).toBe("line 3, column 1: expected '}' but found end of file");
    expect(e.offset).toBe(enc.encode(text).length);
    expect(error('node < name: "a" }').message).toBe("line 1, column 18: expected a field name or '>' but found '}'");
  });

  it('reports byte offsets but counts columns in characters', () => {
    const text = 'node { name: "é中" op: 5 }';
    const e = error(text);
    expect(e.message).toBe("line 1, column 23: expected a string for field 'op' but found '5'");
    expect(e.offset).toBe(enc.encode('node { name: "é中" op: ').length);
  });

  it('explains structural mistakes', () => {
    expect(error('}').message).toBe("line 1, column 1: expected a field name but found '}'");
    expect(error('node { name "a" }').message).toBe("line 1, column 13: expected ':' after field 'name' but found a string");
    expect(error('node { name: "a" } }').message).toMatch(/column 20: expected a field name but found '}'/);
    expect(error('node: "a"').message).toMatch(/expected '\{' after field 'node' but found a string/);
    expect(error('versions { producer: [1, 2] }').message).toMatch(/field 'producer' is not repeated/);
    expect(error('library [ { } ]').message).toMatch(/field 'library' is not repeated/);
    expect(error('node { input: ["a" "b", ] }').message).toMatch(/expected a string for field 'input' but found '\]'/);
    expect(error('node { input: ["a" }').message).toMatch(/expected ',' or '\]' but found '\}'/);
    expect(error('node { [] : 1 }').message).toMatch(/expected an extension or type name/);
    expect(error('node { [a.b : 1 }').message).toMatch(/expected '\]'/);
    expect(error('unknown 5').message).toMatch(/expected ':' or '\{' but found '5'/);
    expect(error('unknown: }').message).toMatch(/expected a value but found '\}'/);
    expect(error('node { name: "a" @ }').message).toMatch(/expected a field name or '\}' but found '@'/);
    expect(error('node { name: "a" \u0001 }').message).toMatch(/found byte 0x01/);
  });

  it('accepts 100 levels of nesting and refuses 101, for known and unknown fields alike', () => {
    const unknown = (n: number) => `${'x { '.repeat(n)}${'} '.repeat(n)}`;
    expect(() => textToBinary(enc.encode(unknown(100)), 'tensorflow.GraphDef', 'deep')).not.toThrow();
    expect(error(unknown(101)).message).toMatch(/nested deeper than 100 levels/);
    // NameAttrList.attr → AttrValue.func → NameAttrList: 3 levels per repetition.
    const funcs = (n: number) => `${'attr { key: "k" value { func { '.repeat(n)}${'} } } '.repeat(n)}`;
    expect(() => textToBinary(enc.encode(funcs(33)), 'tensorflow.NameAttrList', 'deep')).not.toThrow();
    expect(error(funcs(34), 'tensorflow.NameAttrList').message).toMatch(/nested deeper than 100 levels/);
  });

  it('fails cleanly, without a stack overflow, on extremely deep input', () => {
    const n = 200_000;
    for (const text of ['x {'.repeat(n), 'node {'.repeat(n), `library { function { attr { key: "a" value { func {${' attr { value { func {'.repeat(n)}`]) {
      expect(error(text).message).toMatch(/nested deeper than 100 levels/);
    }
  });
});
