// Protobuf text format (.pbtxt) support: transcodes text straight into protobuf binary so that
// one binary decoding path serves both formats, and sniffs text for format detection.
import protobuf from 'protobufjs/minimal.js';
import { Lexer, T_EOF } from './lexer';
import { messageType } from './schema-index';
import { Transcoder } from './transcode';

export { sniffTextFormat } from './sniff';

/**
 * Parses protobuf text format `text` (raw file bytes, UTF-8) as message `typeName` (fully
 * qualified, e.g. 'tensorflow.GraphDef') and returns its binary encoding. Throws
 * LoadError('malformed-text', file, byteOffset, message) on bad input; the message names line and
 * column, e.g. "line 12, column 5: expected '}' but found end of file". A `typeName` missing from
 * proto/tensorflow.proto is a programming error and throws a plain Error.
 */
export function textToBinary(text: Uint8Array, typeName: string, file: string): Uint8Array {
  const root = messageType(typeName);
  if (root === null) throw new Error(`text format: no message type '${typeName}' in the schema`);
  const writer = protobuf.Writer.create();
  const lexer = new Lexer(text, file);
  new Transcoder(lexer, writer).message(root, T_EOF, 0);
  return writer.finish();
}
