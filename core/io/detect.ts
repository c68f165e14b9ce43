// Format detection from content, never from the file name: the corpus holds a binary GraphDef
// named `.pbtxt` and a text MetaGraphDef named `.pb`.
import { maskedCrc32c } from './crc32c';
import { looksLikeName, walkFields, WIRE_LEN, WIRE_VARINT, type FieldSpan } from '../proto/wire';
import { sniffTextFormat } from './text-format';
import type { FileFormat } from './load-result';

/** How many leading bytes detectFromHead needs. */
export const SNIFF_BYTES = 64 * 1024;

/** Top-level field names that identify each text-format message. */
const TEXT_FIELDS: Readonly<Record<string, FileFormat>> = {
  node: 'graphdef-text',
  library: 'graphdef-text',
  versions: 'graphdef-text',
  version: 'graphdef-text',
  meta_info_def: 'metagraph-text',
  graph_def: 'metagraph-text',
  saver_def: 'metagraph-text',
  collection_def: 'metagraph-text',
  signature_def: 'metagraph-text',
  asset_file_def: 'metagraph-text',
  object_graph_def: 'metagraph-text',
  saved_model_schema_version: 'savedmodel-text',
  meta_graphs: 'savedmodel-text',
};

/** Events and text formats are recognisable from the head; null means "binary protobuf, classify the whole message". */
export function detectFromHead(head: Uint8Array): FileFormat | null {
  if (head.length >= 12) {
    const stored = (head[8]! | (head[9]! << 8) | (head[10]! << 16) | (head[11]! << 24)) >>> 0;
    if (maskedCrc32c(head, 0, 8) === stored) return 'events';
  }
  const field = sniffTextFormat(head);
  return field !== null ? (TEXT_FIELDS[field] ?? null) : null;
}

function count(fields: readonly FieldSpan[], field: number, wire?: number): number {
  let n = 0;
  for (const f of fields) if (f.field === field && (wire === undefined || f.wireType === wire)) n++;
  return n;
}

/** True when buf[start, end) starts like a NodeDef: a printable name and a printable op. */
function looksLikeNodeDef(buf: Uint8Array, start: number, end: number): boolean {
  const { fields } = walkFields(buf, start, end, 2);
  const [name, op] = fields;
  return !!name && !!op && name.field === 1 && op.field === 2 && name.wireType === WIRE_LEN && op.wireType === WIRE_LEN &&
    looksLikeName(buf, name.start, name.end) && looksLikeName(buf, op.start, op.end);
}

/** True when buf[start, end) looks like a GraphDef (rather than a FunctionDefLibrary or MetaInfoDef). */
function looksLikeGraphDef(buf: Uint8Array, start: number, end: number): boolean {
  const { fields } = walkFields(buf, start, end, 64);
  const first = fields.find((f) => f.field === 1);
  if (first) return looksLikeNodeDef(buf, first.start, first.end);
  return fields.some((f) => f.field === 4 && f.wireType === WIRE_LEN);
}

/** Classifies a binary protobuf as GraphDef, MetaGraphDef or SavedModel by its wire structure. */
export function classifyBinary(buf: Uint8Array): FileFormat {
  const { fields } = walkFields(buf, 0, buf.length, 4096);
  if (fields.length === 0) return 'graphdef';
  if (count(fields, 1, WIRE_VARINT) > 0 && fields.every((f) => f.field === 1 || f.field === 2)) return 'savedmodel';
  if (count(fields, 3, WIRE_VARINT) > 0) return 'graphdef';
  if (count(fields, 3, WIRE_LEN) > 0 || fields.some((f) => f.field >= 6)) return 'metagraph';
  const ones = fields.filter((f) => f.field === 1);
  if (ones.length > 1) return 'graphdef';
  if (ones.length === 1) {
    const one = ones[0] as FieldSpan;
    return looksLikeNodeDef(buf, one.start, one.end) ? 'graphdef' : 'metagraph';
  }
  const two = fields.find((f) => f.field === 2 && f.wireType === WIRE_LEN);
  if (two && looksLikeGraphDef(buf, two.start, two.end)) return 'metagraph';
  return 'graphdef';
}
