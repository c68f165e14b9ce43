// Compiles the protobufjs JSON descriptor of proto/tensorflow.proto (TENSORFLOW_SCHEMA) into the
// lookup tables the text-format transcoder needs: per message, field name → wire facts. Text
// format names fields by their .proto names (`tensor_content`), which protobufjs keeps in
// `protoName` beside its camelCase key.
import { TENSORFLOW_SCHEMA } from '../../proto/generated/schema';
import { NameTable } from './name-table';

/** Field kinds, numbered as FieldDescriptorProto.Type in descriptor.proto. */
export const K_DOUBLE: number = 1;
export const K_FLOAT: number = 2;
export const K_INT64: number = 3;
export const K_UINT64: number = 4;
export const K_INT32: number = 5;
export const K_FIXED64: number = 6;
export const K_FIXED32: number = 7;
export const K_BOOL: number = 8;
export const K_STRING: number = 9;
export const K_MESSAGE: number = 11;
export const K_BYTES: number = 12;
export const K_UINT32: number = 13;
export const K_ENUM: number = 14;
export const K_SFIXED32: number = 15;
export const K_SFIXED64: number = 16;
export const K_SINT32: number = 17;
export const K_SINT64: number = 18;

const SCALAR_KINDS: Readonly<Record<string, number>> = {
  double: K_DOUBLE, float: K_FLOAT, int64: K_INT64, uint64: K_UINT64, int32: K_INT32,
  fixed64: K_FIXED64, fixed32: K_FIXED32, bool: K_BOOL, string: K_STRING, bytes: K_BYTES,
  uint32: K_UINT32, sfixed32: K_SFIXED32, sfixed64: K_SFIXED64, sint32: K_SINT32, sint64: K_SINT64,
};

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_LEN = 2;
const WIRE_FIXED32 = 5;

function wireTypeOf(kind: number): number {
  switch (kind) {
    case K_DOUBLE: case K_FIXED64: case K_SFIXED64: return WIRE_FIXED64;
    case K_FLOAT: case K_FIXED32: case K_SFIXED32: return WIRE_FIXED32;
    case K_STRING: case K_BYTES: case K_MESSAGE: return WIRE_LEN;
    default: return WIRE_VARINT;
  }
}

export interface FieldInfo {
  /** The .proto name, as written in text format. */
  readonly name: string;
  readonly id: number;
  readonly kind: number;
  readonly repeated: boolean;
  /** Repeated numeric scalar written as one length-delimited run (proto3's default). */
  readonly packed: boolean;
  /** Tag of one unpacked value: id << 3 | wire type. */
  readonly tag: number;
  /** Tag of a packed run: id << 3 | 2. */
  readonly packedTag: number;
  /** Message type (for maps, the synthesized {key=1, value=2} entry type), else null. */
  readonly message: MessageInfo | null;
  /** Enum value names → numbers, else null. */
  readonly enumValues: NameTable<number> | null;
}

export class MessageInfo {
  /** Filled once every message of the schema exists, because message types refer to each other. */
  fields: NameTable<FieldInfo> = new NameTable<FieldInfo>([]);
  fieldList: readonly FieldInfo[] = [];
  constructor(readonly fullName: string) {}
}

interface JsonField {
  readonly type: string;
  readonly id: number;
  readonly rule?: string;
  readonly keyType?: string;
  readonly protoName?: string;
  readonly options?: { readonly packed?: boolean };
}

interface JsonNode {
  readonly nested?: { readonly [name: string]: JsonNode };
  readonly fields?: { readonly [name: string]: JsonField };
  readonly values?: { readonly [name: string]: number };
}

interface Collected {
  readonly messages: Map<string, { readonly info: MessageInfo; readonly json: JsonNode }>;
  readonly enums: Map<string, NameTable<number>>;
}

function collect(node: JsonNode, prefix: string, out: Collected): void {
  for (const [name, child] of Object.entries(node.nested ?? {})) {
    const full = prefix ? `${prefix}.${name}` : name;
    if (child.values) out.enums.set(full, new NameTable(Object.entries(child.values)));
    else if (child.fields) out.messages.set(full, { info: new MessageInfo(full), json: child });
    collect(child, full, out);
  }
}

/** Resolves a type reference the way protoc does: innermost enclosing scope first. */
function resolve(ref: string, scope: string, known: (full: string) => boolean): string {
  if (ref.startsWith('.')) return ref.slice(1);
  const parts = scope.split('.');
  for (let n = parts.length; n >= 0; n--) {
    const candidate = [...parts.slice(0, n), ref].join('.');
    if (known(candidate)) return candidate;
  }
  throw new Error(`schema: cannot resolve type '${ref}' in ${scope}`);
}

function makeField(name: string, id: number, type: string, repeated: boolean, packedOption: boolean | undefined, scope: string, c: Collected): FieldInfo {
  const scalar = SCALAR_KINDS[type];
  let kind: number;
  let message: MessageInfo | null = null;
  let enumValues: NameTable<number> | null = null;
  if (scalar !== undefined) {
    kind = scalar;
  } else {
    const full = resolve(type, scope, (f) => c.messages.has(f) || c.enums.has(f));
    const msg = c.messages.get(full);
    if (msg) {
      kind = K_MESSAGE;
      message = msg.info;
    } else {
      kind = K_ENUM;
      enumValues = c.enums.get(full) ?? null;
    }
  }
  const wire = wireTypeOf(kind);
  const packed = repeated && wire !== WIRE_LEN && packedOption !== false;
  return { name, id, kind, repeated, packed, tag: ((id << 3) | wire) >>> 0, packedTag: ((id << 3) | WIRE_LEN) >>> 0, message, enumValues };
}

function mapEntryName(name: string): string {
  const camel = name.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase());
  return `${camel.charAt(0).toUpperCase()}${camel.slice(1)}Entry`;
}

function compileMessage(full: string, info: MessageInfo, json: JsonNode, c: Collected): void {
  const list: FieldInfo[] = [];
  for (const [key, f] of Object.entries(json.fields ?? {})) {
    const name = f.protoName ?? key;
    if (f.keyType !== undefined) {
      // map<K, V> is wire-identical to `repeated KEntry { K key = 1; V value = 2; }`.
      const entry = new MessageInfo(`${full}.${mapEntryName(name)}`);
      const fields = [makeField('key', 1, f.keyType, false, undefined, full, c), makeField('value', 2, f.type, false, undefined, full, c)];
      entry.fieldList = fields;
      entry.fields = new NameTable(fields.map((x) => [x.name, x] as const));
      list.push({ name, id: f.id, kind: K_MESSAGE, repeated: true, packed: false, tag: ((f.id << 3) | WIRE_LEN) >>> 0, packedTag: ((f.id << 3) | WIRE_LEN) >>> 0, message: entry, enumValues: null });
    } else {
      list.push(makeField(name, f.id, f.type, f.rule === 'repeated', f.options?.packed, full, c));
    }
  }
  info.fieldList = list;
  info.fields = new NameTable(list.map((x) => [x.name, x] as const));
}

function compile(root: JsonNode): Map<string, MessageInfo> {
  const c: Collected = { messages: new Map(), enums: new Map() };
  collect(root, '', c);
  for (const [full, { info, json }] of c.messages) compileMessage(full, info, json, c);
  return new Map([...c.messages].map(([full, { info }]) => [full, info]));
}

let compiled: Map<string, MessageInfo> | null = null;

/** The compiled message type `fullName` (e.g. 'tensorflow.GraphDef'), or null when the schema has none. */
export function messageType(fullName: string): MessageInfo | null {
  compiled ??= compile(TENSORFLOW_SCHEMA);
  return compiled.get(fullName) ?? null;
}
