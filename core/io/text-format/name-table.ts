// Byte-keyed hash table from identifiers (field names, enum value names) to values, so the parser
// can look an identifier up straight from the input bytes without creating a JS string per token.

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** The start value of the identifier hash; the lexer folds each byte in with `hashStep`. */
export const HASH_SEED = FNV_OFFSET;

/** One FNV-1a step; the lexer inlines the same formula while it scans an identifier. */
export function hashStep(h: number, byte: number): number {
  return Math.imul(h ^ byte, FNV_PRIME);
}

export function hashBytes(buf: Uint8Array, start: number, end: number): number {
  let h = HASH_SEED;
  for (let i = start; i < end; i++) h = hashStep(h, buf[i] as number);
  return h;
}

function asciiBytes(name: string): Uint8Array {
  const out = new Uint8Array(name.length);
  for (let i = 0; i < name.length; i++) out[i] = name.charCodeAt(i) & 0xff;
  return out;
}

/** Open-addressing table (linear probing) keyed by ASCII names. */
export class NameTable<T> {
  private readonly names: Uint8Array[] = [];
  private readonly hashes: number[] = [];
  private readonly values: T[] = [];
  /** Entry index + 1 per slot; 0 marks an empty slot. */
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(entries: readonly (readonly [string, T])[]) {
    let size = 8;
    while (size < entries.length * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (const [name, value] of entries) {
      const bytes = asciiBytes(name);
      const hash = hashBytes(bytes, 0, bytes.length);
      if (this.get(bytes, 0, bytes.length, hash) !== undefined) continue;
      this.names.push(bytes);
      this.hashes.push(hash);
      this.values.push(value);
      let i = hash & this.mask;
      while (this.slots[i] !== 0) i = (i + 1) & this.mask;
      this.slots[i] = this.names.length;
    }
  }

  /** The value stored under the name buf[start, end), whose hash is `hash`, or undefined. */
  get(buf: Uint8Array, start: number, end: number, hash: number): T | undefined {
    const len = end - start;
    for (let i = hash & this.mask; ; i = (i + 1) & this.mask) {
      const slot = this.slots[i] as number;
      if (slot === 0) return undefined;
      const k = slot - 1;
      if (this.hashes[k] !== hash) continue;
      const name = this.names[k] as Uint8Array;
      if (name.length !== len) continue;
      let j = 0;
      while (j < len && name[j] === buf[start + j]) j++;
      if (j === len) return this.values[k];
    }
  }

  /** Convenience lookup by JS string (tests, sniffing); not for hot paths. */
  getByName(name: string): T | undefined {
    const bytes = asciiBytes(name);
    return this.get(bytes, 0, bytes.length, hashBytes(bytes, 0, bytes.length));
  }
}
