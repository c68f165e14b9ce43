// The loader reads files through ByteSource: random-access reads of byte ranges, so that a
// multi-GB event log never has to be in memory at once. Hosts implement it over a browser
// Blob/File (renderer) or a Node file handle (cli); core only sees this interface.

export interface ByteSource {
  /** Display name (path or file name) used in errors and warnings. */
  readonly name: string;
  readonly size: number;
  /** Reads up to `length` bytes at `offset`; returns fewer only at the end of the source. */
  read(offset: number, length: number): Promise<Uint8Array>;
  /**
   * Optional: reads up to `target.length` bytes at `offset` into `target` and returns how many were
   * read (fewer only at the end of the source). Lets a scanner reuse its buffers: on a VM, the page
   * faults of touching fresh 4 MiB buffers cost more than the read itself (measured 120 ms of 140
   * for a 44 MB log).
   */
  readInto?(offset: number, target: Uint8Array): Promise<number>;
}

/** The byte range [start, end) a read of `length` bytes at `offset` covers in a source of `size` bytes. */
export function readRange(offset: number, length: number, size: number): [number, number] {
  const start = Math.max(0, Math.min(offset, size));
  return [start, Math.min(size, start + Math.max(0, length))];
}

/**
 * A ByteSource whose reads come from `span(start, end)`, called only for a non-empty range inside
 * the source: what every host's source shares (clamping, empty reads) is done here once.
 */
export function spanSource(name: string, size: number, span: (start: number, end: number) => Promise<Uint8Array>): ByteSource {
  return {
    name,
    size,
    read(offset, length) {
      const [start, end] = readRange(offset, length, size);
      return end <= start ? Promise.resolve(new Uint8Array(0)) : span(start, end);
    },
  };
}

/** A ByteSource over bytes already in memory (tests, fixtures, small inputs). */
export function memorySource(name: string, bytes: Uint8Array): ByteSource {
  return spanSource(name, bytes.length, (start, end) => Promise.resolve(bytes.subarray(start, end)));
}

/** Reads the whole source; only for formats that cannot be streamed (a protobuf message). */
export async function readAll(source: ByteSource): Promise<Uint8Array> {
  const bytes = await source.read(0, source.size);
  return bytes;
}
