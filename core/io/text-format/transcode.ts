// Recursive-descent parser that writes protobuf binary while it reads text format, driven by the
// compiled schema: no intermediate objects, so text and binary files share one decoding path.
import protobuf from 'protobufjs/minimal.js';
import {
  CH_COLON, CH_COMMA, CH_GT, CH_LBRACE, CH_LBRACKET, CH_LT, CH_RBRACE, CH_RBRACKET, CH_SEMI, T_EOF, T_IDENT, type Lexer,
} from './lexer';
import { longParts, readBool, readEnum, readFloat, readInteger } from './numbers';
import {
  K_BOOL, K_BYTES, K_DOUBLE, K_ENUM, K_FIXED32, K_FIXED64, K_FLOAT, K_INT32, K_INT64, K_MESSAGE, K_SFIXED32, K_SFIXED64,
  K_SINT32, K_SINT64, K_STRING, K_UINT32, K_UINT64, type FieldInfo, type MessageInfo,
} from './schema-index';
import { MAX_DEPTH, skipBracketName, skipFieldValue } from './skip';
import { readStringValue } from './strings';

type Writer = protobuf.Writer;

export class Transcoder {
  constructor(private readonly lx: Lexer, private readonly w: Writer) {}

  /**
   * Parses the fields of `msg` up to `closer` (T_EOF at top level), leaving `closer` as the
   * current token. Consecutive values of a packed field share one open length-delimited run.
   */
  message(msg: MessageInfo, closer: number, depth: number): void {
    const lx = this.lx;
    let run: FieldInfo | null = null;
    for (;;) {
      const t = lx.type;
      if (t === closer) break;
      if (t === T_IDENT) {
        const field = msg.fields.get(lx.buf, lx.start, lx.stop, lx.hash);
        lx.next();
        if (field === undefined) {
          skipFieldValue(lx, depth);
        } else if (field.kind === K_MESSAGE) {
          if (run !== null) run = this.closeRun();
          this.messageField(field, depth);
        } else {
          run = this.scalarField(field, run);
        }
      } else if (t === CH_LBRACKET) {
        skipBracketName(lx);
        skipFieldValue(lx, depth);
      } else if (t === T_EOF) {
        lx.unexpected(`'${String.fromCharCode(closer)}'`);
      } else {
        lx.unexpected(closer === T_EOF ? 'a field name' : `a field name or '${String.fromCharCode(closer)}'`);
      }
      if (lx.type === CH_COMMA || lx.type === CH_SEMI) lx.next();
    }
    if (run !== null) this.closeRun();
  }

  private closeRun(): null {
    this.w.ldelim();
    return null;
  }

  private notRepeated(field: FieldInfo): never {
    return this.lx.fail(this.lx.start, `field '${field.name}' is not repeated and cannot take a list`);
  }

  private messageField(field: FieldInfo, depth: number): void {
    const lx = this.lx;
    if (lx.type === CH_COLON) lx.next();
    if (lx.type !== CH_LBRACKET) return this.subMessage(field, depth);
    if (!field.repeated) this.notRepeated(field);
    lx.next();
    if (lx.type !== CH_RBRACKET) {
      for (;;) {
        this.subMessage(field, depth);
        if (lx.type !== CH_COMMA) break;
        lx.next();
      }
      if (lx.type !== CH_RBRACKET) lx.unexpected("',' or ']'");
    }
    lx.next();
  }

  private subMessage(field: FieldInfo, depth: number): void {
    const lx = this.lx;
    const open = lx.type;
    if (open !== CH_LBRACE && open !== CH_LT) lx.unexpected(`'{' after field '${field.name}'`);
    if (depth >= MAX_DEPTH) lx.fail(lx.start, `messages nested deeper than ${MAX_DEPTH} levels`);
    lx.next();
    this.w.uint32(field.tag).fork();
    this.message(field.message as MessageInfo, open === CH_LBRACE ? CH_RBRACE : CH_GT, depth + 1);
    this.w.ldelim();
    lx.next();
  }

  /** A scalar field's `: value` or `: [v, ...]`; returns the packed run left open, if any. */
  private scalarField(field: FieldInfo, run: FieldInfo | null): FieldInfo | null {
    const lx = this.lx;
    const w = this.w;
    if (lx.type !== CH_COLON) lx.unexpected(`':' after field '${field.name}'`);
    lx.next();
    const list = lx.type === CH_LBRACKET;
    if (list) {
      if (!field.repeated) this.notRepeated(field);
      lx.next();
    }
    if (field.packed) {
      if (run !== field) {
        if (run !== null) w.ldelim();
        w.uint32(field.packedTag).fork();
        run = field;
      }
    } else if (run !== null) {
      run = this.closeRun();
    }
    if (!list) {
      this.value(field, !field.packed);
      return run;
    }
    if (lx.type !== CH_RBRACKET) {
      for (;;) {
        this.value(field, !field.packed);
        if (lx.type !== CH_COMMA) break;
        lx.next();
      }
      if (lx.type !== CH_RBRACKET) lx.unexpected("',' or ']'");
    }
    lx.next();
    return run;
  }

  /** Reads one scalar value and writes it, preceded by the field's tag when `tagged`. */
  private value(field: FieldInfo, tagged: boolean): void {
    const lx = this.lx;
    const w = this.w;
    const kind = field.kind;
    switch (kind) {
      case K_STRING:
      case K_BYTES: {
        const bytes = readStringValue(lx, field.name);
        if (tagged) w.uint32(field.tag);
        w.bytes(bytes);
        return;
      }
      case K_ENUM: {
        const v = readEnum(lx, field);
        // An enum name our schema lacks (a newer TensorFlow's dtype) leaves the field unset.
        if (v === null) return;
        if (tagged) w.uint32(field.tag);
        w.int32(v);
        return;
      }
      case K_BOOL: {
        const v = readBool(lx, field);
        if (tagged) w.uint32(field.tag);
        w.bool(v);
        return;
      }
      case K_FLOAT:
      case K_DOUBLE: {
        const v = readFloat(lx, field);
        if (tagged) w.uint32(field.tag);
        if (kind === K_FLOAT) w.float(v);
        else w.double(v);
        return;
      }
      default: {
        const v = readInteger(lx, field, kind);
        if (tagged) w.uint32(field.tag);
        this.integer(kind, v);
      }
    }
  }

  private integer(kind: number, v: number | bigint): void {
    const w = this.w;
    if (typeof v === 'bigint') {
      const long = longParts(v, kind === K_UINT64 || kind === K_FIXED64);
      if (kind === K_SINT64) w.sint64(long);
      else if (kind === K_FIXED64) w.fixed64(long);
      else if (kind === K_SFIXED64) w.sfixed64(long);
      else w.int64(long);
      return;
    }
    switch (kind) {
      case K_INT32: w.int32(v); break;
      case K_UINT32: w.uint32(v); break;
      case K_SINT32: w.sint32(v); break;
      case K_FIXED32: w.fixed32(v); break;
      case K_SFIXED32: w.sfixed32(v); break;
      case K_INT64: w.int64(v); break;
      case K_UINT64: w.uint64(v); break;
      case K_SINT64: w.sint64(v); break;
      case K_FIXED64: w.fixed64(v); break;
      case K_SFIXED64: w.sfixed64(v); break;
      default: throw new Error(`text format: unhandled field kind ${kind}`);
    }
  }
}
