// Builds GraphColumns node by node. The GraphDef reader adds nodes as byte spans of the file
// buffer; producers of synthetic graphs (Keras layers, tests) add strings, which the builder
// encodes into a buffer of its own so that every graph has the same byte-backed layout.
import type { GraphColumns } from './graph';

const encoder = new TextEncoder();

class GrowableU32 {
  data = new Uint32Array(1024);
  length = 0;
  push2(a: number, b: number): void {
    if (this.length + 2 > this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = a;
    this.data[this.length++] = b;
  }
  finish(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}

export class GraphColumnsBuilder {
  private names: string[] = [];
  private ops: string[] = [];
  private devices: string[] = [];
  private inputStart: number[] = [0];
  private nameSpan = new GrowableU32();
  private inputSpan = new GrowableU32();
  private attrSpan = new GrowableU32();
  private interned = new Map<string, string>();
  private own: Uint8Array;
  private ownLength = 0;

  /** `bytes`: the buffer spans refer to (reader mode); omit it to build from strings. */
  constructor(private readonly bytes: Uint8Array | null = null) {
    this.own = bytes ? new Uint8Array(0) : new Uint8Array(4096);
  }

  get count(): number {
    return this.names.length;
  }

  /** Reader mode: a node whose name, inputs and attribute fields are spans of the builder's buffer. */
  addSpans(name: string, op: string, device: string, nameStart: number, nameEnd: number, inputs: readonly number[], attrStart: number, attrEnd: number): void {
    this.names.push(name);
    this.ops.push(this.intern(op));
    this.devices.push(this.intern(device));
    this.nameSpan.push2(nameStart, nameEnd);
    for (let k = 0; k < inputs.length; k += 2) this.inputSpan.push2(inputs[k] as number, inputs[k + 1] as number);
    this.inputStart.push(this.inputSpan.length / 2);
    this.attrSpan.push2(attrStart, attrEnd);
  }

  /** String mode: a node given by value; `attrEntries` are encoded AttrEntry messages. */
  add(name: string, op: string, device: string, inputs: readonly string[], attrEntries: readonly Uint8Array[] = []): void {
    if (this.bytes) throw new Error('GraphColumnsBuilder.add needs a builder created without a buffer');
    const [ns, ne] = this.append(encoder.encode(name));
    const spans: number[] = [];
    for (const x of inputs) spans.push(...this.append(encoder.encode(x)));
    const attrStart = this.ownLength;
    for (const e of attrEntries) {
      this.append(Uint8Array.of(0x2a, ...varint(e.length)));
      this.append(e);
    }
    const attrEnd = attrEntries.length ? this.ownLength : attrStart;
    this.addSpans(name, op, device, ns, ne, spans, attrEntries.length ? attrStart : 0, attrEntries.length ? attrEnd : 0);
  }

  private append(b: Uint8Array): [number, number] {
    if (this.ownLength + b.length > this.own.length) {
      const next = new Uint8Array(Math.max(this.own.length * 2, this.ownLength + b.length));
      next.set(this.own.subarray(0, this.ownLength));
      this.own = next;
    }
    const start = this.ownLength;
    this.own.set(b, start);
    this.ownLength += b.length;
    return [start, this.ownLength];
  }

  private intern(s: string): string {
    const hit = this.interned.get(s);
    if (hit !== undefined) return hit;
    this.interned.set(s, s);
    return s;
  }

  finish(): GraphColumns {
    return {
      names: this.names,
      ops: this.ops,
      devices: this.devices,
      bytes: this.bytes ?? this.own.slice(0, this.ownLength),
      nameSpan: this.nameSpan.finish(),
      inputStart: Int32Array.from(this.inputStart),
      inputSpan: this.inputSpan.finish(),
      attrSpan: this.attrSpan.finish(),
    };
  }
}

function varint(n: number): number[] {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}
