// Cheap content test used by format detection: does a file's head read as protobuf text format?
// Returns the first top-level field name, which tells GraphDef, MetaGraphDef and SavedModel apart.
import { CH_COLON, CH_LBRACE, CH_LT, isIdentStart, scanIdent, skipSpace } from './lexer';

/** True when `head` holds a byte that text format never has outside escapes: binary protobuf does. */
function hasControlBytes(head: Uint8Array): boolean {
  for (let i = 0; i < head.length; i++) {
    const b = head[i] as number;
    if ((b < 0x20 && (b < 0x09 || b > 0x0d)) || b === 0x7f) return true;
  }
  return false;
}

/**
 * Does `head` (the first KBs of a file) look like protobuf text format? Returns its first
 * top-level field name (e.g. 'node', 'meta_info_def', 'saved_model_schema_version'), or null.
 */
export function sniffTextFormat(head: Uint8Array): string | null {
  if (hasControlBytes(head)) return null;
  const end = head.length;
  let pos = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  pos = skipSpace(head, pos, end);
  if (pos >= end || !isIdentStart(head[pos] as number)) return null;
  const identEnd = scanIdent(head, pos, end);
  const after = skipSpace(head, identEnd, end);
  const c = head[after];
  if (c !== CH_COLON && c !== CH_LBRACE && c !== CH_LT) return null;
  let name = '';
  for (let i = pos; i < identEnd; i++) name += String.fromCharCode(head[i] as number);
  return name;
}
