// ByteSource over a browser Blob/File (drag-and-drop, file picker): reads slices on demand so a
// multi-GB log is never loaded into memory at once.
import { readRange, type ByteSource } from '../../core/io/byte-source';

export function blobSource(blob: Blob, name: string): ByteSource {
  const size = blob.size;
  return {
    name,
    size,
    async read(offset, length) {
      const [start, end] = readRange(offset, length, size);
      if (end <= start) return new Uint8Array(0);
      return new Uint8Array(await blob.slice(start, end).arrayBuffer());
    },
  };
}
