// Skipping values the schema does not know: our .proto is a subset of TensorFlow's, so fields such
// as saver_def, collection_def or object_graph_def (of any shape: scalar, string list, message,
// list of messages) and `[type.googleapis.com/...]` Any expansions must be passed over cleanly.
import {
  CH_COLON, CH_COMMA, CH_DOT, CH_GT, CH_LBRACE, CH_LBRACKET, CH_LT, CH_MINUS, CH_RBRACE, CH_RBRACKET, CH_SEMI, CH_SLASH,
  T_EOF, T_IDENT, T_NUMBER, T_STRING, type Lexer,
} from './lexer';
import { skipStringValue } from './strings';

/** Deepest message nesting accepted; deeper input is refused rather than overflowing the stack. */
export const MAX_DEPTH = 100;

/** Consumes `[name.with/slashes]` (an extension or Any type URL) at the current '[' token. */
export function skipBracketName(lx: Lexer): void {
  lx.next();
  let parts = 0;
  while (lx.type === T_IDENT || lx.type === T_NUMBER || lx.type === CH_DOT || lx.type === CH_SLASH || lx.type === CH_MINUS) {
    lx.next();
    parts++;
  }
  if (parts === 0) lx.unexpected('an extension or type name');
  if (lx.type !== CH_RBRACKET) lx.unexpected("']'");
  lx.next();
}

/** Consumes the value of an unknown field, the current token being the one after its name. */
export function skipFieldValue(lx: Lexer, depth: number): void {
  if (lx.type === CH_COLON) {
    lx.next();
    if (lx.type === CH_LBRACE || lx.type === CH_LT) skipMessage(lx, depth);
    else if (lx.type === CH_LBRACKET) skipList(lx, depth);
    else skipScalar(lx);
  } else if (lx.type === CH_LBRACE || lx.type === CH_LT) {
    skipMessage(lx, depth);
  } else if (lx.type === CH_LBRACKET) {
    skipList(lx, depth);
  } else {
    lx.unexpected("':' or '{'");
  }
}

function skipScalar(lx: Lexer): void {
  if (lx.type === T_STRING) return skipStringValue(lx);
  if (lx.type === CH_MINUS) lx.next();
  if (lx.type !== T_NUMBER && lx.type !== T_IDENT) lx.unexpected('a value');
  lx.next();
}

function skipList(lx: Lexer, depth: number): void {
  lx.next();
  if (lx.type === CH_RBRACKET) return lx.next();
  for (;;) {
    if (lx.type === CH_LBRACE || lx.type === CH_LT) skipMessage(lx, depth);
    else skipScalar(lx);
    if (lx.type !== CH_COMMA) break;
    lx.next();
  }
  if (lx.type !== CH_RBRACKET) lx.unexpected("',' or ']'");
  lx.next();
}

/** Skips `{ ... }` or `< ... >` at the current token. */
export function skipMessage(lx: Lexer, depth: number): void {
  if (depth >= MAX_DEPTH) lx.fail(lx.start, `messages nested deeper than ${MAX_DEPTH} levels`);
  const closer = lx.type === CH_LBRACE ? CH_RBRACE : CH_GT;
  lx.next();
  for (;;) {
    if (lx.type === closer) break;
    if (lx.type === T_IDENT) {
      lx.next();
      skipFieldValue(lx, depth + 1);
    } else if (lx.type === CH_LBRACKET) {
      skipBracketName(lx);
      skipFieldValue(lx, depth + 1);
    } else if (lx.type === T_EOF) {
      lx.unexpected(`'${String.fromCharCode(closer)}'`);
    } else {
      lx.unexpected(`a field name or '${String.fromCharCode(closer)}'`);
    }
    if (lx.type === CH_COMMA || lx.type === CH_SEMI) lx.next();
  }
  lx.next();
}
