// Byte-level tokenizer for protobuf text format. Tokens are (type, start, stop) ranges into the
// input, never strings: a 70 MB GraphDef has millions of tokens, and only numbers and escaped
// strings are ever materialised. Follows the rules of protobuf's C++ io::Tokenizer.
import { LoadError } from '../errors';
import { HASH_SEED, hashStep } from './name-table';

// Symbol tokens use their character code as their type; the others sit above the byte range.
export const T_EOF: number = 256;
export const T_IDENT: number = 257;
export const T_NUMBER: number = 258;
export const T_STRING: number = 259;

export const CH_COLON: number = 0x3a;
export const CH_COMMA: number = 0x2c;
export const CH_SEMI: number = 0x3b;
export const CH_MINUS: number = 0x2d;
export const CH_DOT: number = 0x2e;
export const CH_SLASH: number = 0x2f;
export const CH_LBRACE: number = 0x7b;
export const CH_RBRACE: number = 0x7d;
export const CH_LT: number = 0x3c;
export const CH_GT: number = 0x3e;
export const CH_LBRACKET: number = 0x5b;
export const CH_RBRACKET: number = 0x5d;

/** Number token flags. */
export const NUM_FLOAT: number = 1;
export const NUM_HEX: number = 2;
export const NUM_OCTAL: number = 4;
/** The number ends in an `f`/`F` suffix (part of the token, not of the value). */
export const NUM_SUFFIX_F: number = 8;
/** String token flag: contains a backslash escape. */
export const STR_ESCAPED: number = 16;

// Character classes of the 256 byte values.
const C_SPACE = 1;
const C_IDSTART = 2;
const C_DIGIT = 4;
const C_HEX = 8;
const CLASS = new Uint8Array(256);
for (const c of [0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d]) CLASS[c] = C_SPACE;
for (let c = 0x30; c <= 0x39; c++) CLASS[c] = C_DIGIT | C_HEX;
for (let c = 0x41; c <= 0x5a; c++) CLASS[c] = C_IDSTART | (c <= 0x46 ? C_HEX : 0);
for (let c = 0x61; c <= 0x7a; c++) CLASS[c] = C_IDSTART | (c <= 0x66 ? C_HEX : 0);
CLASS[0x5f] = C_IDSTART;

export function isHexDigit(c: number): boolean {
  return (CLASS[c]! & C_HEX) !== 0;
}

/** Skips whitespace and `#` comments from `pos`; returns the offset of the next significant byte. */
export function skipSpace(buf: Uint8Array, pos: number, end: number): number {
  while (pos < end) {
    const c = buf[pos] as number;
    if (CLASS[c] === C_SPACE) pos++;
    else if (c === 0x23) {
      while (pos < end && buf[pos] !== 0x0a) pos++;
    } else break;
  }
  return pos;
}

function skipDigits(buf: Uint8Array, pos: number, end: number): number {
  while (pos < end && (CLASS[buf[pos] as number]! & C_DIGIT) !== 0) pos++;
  return pos;
}

/** Scans an identifier starting at `pos` (which must be an identifier start); returns its end. */
export function scanIdent(buf: Uint8Array, pos: number, end: number): number {
  while (pos < end && (CLASS[buf[pos] as number]! & (C_IDSTART | C_DIGIT)) !== 0) pos++;
  return pos;
}

export function isIdentStart(c: number): boolean {
  return (CLASS[c]! & C_IDSTART) !== 0;
}

/** "line L, column C" of a byte offset; columns count characters (UTF-8 lead bytes), from 1. */
export function lineColumn(buf: Uint8Array, offset: number): string {
  let line = 1;
  let lineStart = 0;
  const stop = Math.min(offset, buf.length);
  for (let i = 0; i < stop; i++) {
    if (buf[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  let column = 1;
  for (let i = lineStart; i < stop; i++) if (((buf[i] as number) & 0xc0) !== 0x80) column++;
  return `line ${line}, column ${column}`;
}

export class Lexer {
  readonly end: number;
  /** Next unread byte. */
  pos: number;
  /** Current token: type (T_* or a symbol's character code), byte range, flags, identifier hash. */
  type = T_EOF;
  start = 0;
  stop = 0;
  flags = 0;
  hash = 0;

  constructor(readonly buf: Uint8Array, readonly file: string) {
    this.end = buf.length;
    // A UTF-8 byte order mark is not part of the text.
    this.pos = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
    this.next();
  }

  /** Throws the LoadError for a problem at byte `offset`. */
  fail(offset: number, message: string): never {
    throw new LoadError('malformed-text', this.file, offset, `${lineColumn(this.buf, offset)}: ${message}`);
  }

  /** Advances to the next token. */
  next(): void {
    const buf = this.buf;
    const end = this.end;
    const pos = skipSpace(buf, this.pos, end);
    this.start = pos;
    this.flags = 0;
    if (pos >= end) {
      this.type = T_EOF;
      this.stop = this.pos = end;
      return;
    }
    const c = buf[pos] as number;
    const cls = CLASS[c] as number;
    if ((cls & C_IDSTART) !== 0) {
      let h = hashStep(HASH_SEED, c);
      let i = pos + 1;
      while (i < end) {
        const d = buf[i] as number;
        if ((CLASS[d]! & (C_IDSTART | C_DIGIT)) === 0) break;
        h = hashStep(h, d);
        i++;
      }
      this.type = T_IDENT;
      this.hash = h;
      this.stop = this.pos = i;
    } else if ((cls & C_DIGIT) !== 0 || (c === CH_DOT && pos + 1 < end && (CLASS[buf[pos + 1] as number]! & C_DIGIT) !== 0)) {
      this.number(pos);
    } else if (c === 0x22 || c === 0x27) {
      this.string(pos, c);
    } else {
      this.type = c;
      this.stop = this.pos = pos + 1;
    }
  }

  private number(pos: number): void {
    const buf = this.buf;
    const end = this.end;
    let i = pos;
    let flags = 0;
    if (buf[i] === 0x30 && (buf[i + 1] === 0x78 || buf[i + 1] === 0x58)) {
      i += 2;
      const first = i;
      while (i < end && isHexDigit(buf[i] as number)) i++;
      if (i === first) this.fail(pos, '"0x" must be followed by hex digits');
      flags = NUM_HEX;
    } else if (buf[i] === 0x30 && i + 1 < end && (CLASS[buf[i + 1] as number]! & C_DIGIT) !== 0) {
      i++;
      while (i < end && buf[i]! >= 0x30 && buf[i]! <= 0x37) i++;
      if (i < end && (buf[i] === 0x38 || buf[i] === 0x39)) this.fail(pos, 'numbers starting with 0 must be octal');
      flags = NUM_OCTAL;
    } else {
      i = skipDigits(buf, i, end);
      if (i < end && buf[i] === CH_DOT) {
        flags = NUM_FLOAT;
        i = skipDigits(buf, i + 1, end);
      }
      if (i < end && (buf[i] === 0x65 || buf[i] === 0x45)) {
        flags = NUM_FLOAT;
        i++;
        if (i < end && (buf[i] === 0x2b || buf[i] === CH_MINUS)) i++;
        const first = i;
        i = skipDigits(buf, i, end);
        if (i === first) this.fail(pos, '"e" must be followed by an exponent');
      }
      if (i < end && (buf[i] === 0x66 || buf[i] === 0x46)) {
        flags = NUM_FLOAT | NUM_SUFFIX_F;
        i++;
      }
    }
    if (i < end && ((CLASS[buf[i] as number]! & (C_IDSTART | C_DIGIT)) !== 0 || buf[i] === CH_DOT)) {
      this.fail(i, 'a number must be followed by a space or a symbol');
    }
    this.type = T_NUMBER;
    this.flags = flags;
    this.stop = this.pos = i;
  }

  private string(pos: number, quote: number): void {
    const buf = this.buf;
    const end = this.end;
    let i = pos + 1;
    let flags = 0;
    for (;;) {
      if (i >= end) this.fail(pos, 'unterminated string');
      const c = buf[i] as number;
      if (c === quote) break;
      if (c === 0x5c) {
        flags = STR_ESCAPED;
        i++;
        if (i >= end || buf[i] === 0x0a) this.fail(pos, 'unterminated string');
      } else if (c === 0x0a) {
        this.fail(pos, 'unterminated string (strings cannot span lines)');
      }
      i++;
    }
    this.type = T_STRING;
    this.flags = flags;
    this.stop = this.pos = i + 1;
  }

  /** Describes the current token for an error message, e.g. `'}'`, `end of file`. */
  describe(): string {
    if (this.type === T_EOF) return 'end of file';
    if (this.type === T_STRING) return 'a string';
    const len = Math.min(this.stop - this.start, 40);
    let text = '';
    for (let i = 0; i < len; i++) {
      const b = this.buf[this.start + i] as number;
      if (b < 0x20 || b >= 0x7f) return len === 1 ? `byte 0x${b.toString(16).padStart(2, '0')}` : `'${text}…'`;
      text += String.fromCharCode(b);
    }
    return `'${text}${this.stop - this.start > len ? '…' : ''}'`;
  }

  /** Throws "expected X but found Y" at the current token. */
  unexpected(expected: string): never {
    return this.fail(this.start, `expected ${expected} but found ${this.describe()}`);
  }
}
