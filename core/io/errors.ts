// Typed load errors and warnings: every failure names its kind, the file and the byte offset, in
// words a user understands. Nothing else may escape the loader (see toLoadError).

export type LoadErrorKind =
  | 'io'
  | 'unknown-format'
  | 'truncated'
  | 'corrupt-length'
  | 'crc-mismatch'
  | 'malformed-proto'
  | 'malformed-text'
  | 'malformed-json'
  | 'too-large'
  | 'cancelled';

export type LoadWarningKind = 'truncated' | 'crc-mismatch' | 'malformed-record' | 'unsupported' | 'malformed-json' | 'empty';

export interface LoadWarning {
  readonly kind: LoadWarningKind;
  readonly message: string;
  /** Byte offset in `file` where the problem starts, or null when it concerns the whole file. */
  readonly offset: number | null;
  readonly file: string;
}

export interface LoadErrorInfo {
  readonly kind: LoadErrorKind;
  readonly message: string;
  readonly offset: number | null;
  readonly file: string;
  /** The decoder's own account, when `message` says what went wrong in a user's terms. */
  readonly detail?: string;
}

export class LoadError extends Error implements LoadErrorInfo {
  readonly kind: LoadErrorKind;
  readonly offset: number | null;
  readonly file: string;
  readonly detail: string | undefined;

  constructor(kind: LoadErrorKind, file: string, offset: number | null, message: string, detail?: string) {
    super(message);
    this.name = 'LoadError';
    this.kind = kind;
    this.file = file;
    this.offset = offset;
    this.detail = detail;
  }

  toJSON(): LoadErrorInfo {
    const info = { kind: this.kind, message: this.message, offset: this.offset, file: this.file };
    return this.detail === undefined ? info : { ...info, detail: this.detail };
  }
}

/** Converts anything thrown while decoding into a LoadError; `kind` applies to non-LoadErrors. */
export function toLoadError(err: unknown, kind: LoadErrorKind, file: string, offset: number | null): LoadError {
  if (err instanceof LoadError) return err;
  const detail = err instanceof Error ? err.message : String(err);
  return new LoadError(kind, file, offset, describe(kind, detail));
}

function describe(kind: LoadErrorKind, detail: string): string {
  switch (kind) {
    case 'malformed-proto':
      return `not a valid protobuf message (${detail})`;
    case 'malformed-text':
      return `not valid protobuf text format (${detail})`;
    case 'malformed-json':
      return `not valid JSON (${detail})`;
    case 'io':
      return `could not read the file (${detail})`;
    default:
      return detail;
  }
}
