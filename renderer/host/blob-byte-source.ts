// ByteSource over a browser Blob/File (drag-and-drop, file picker): reads slices on demand so a
// multi-GB log is never loaded into memory at once.
import { spanSource, type ByteSource } from '../../core/io/byte-source';

export function blobSource(blob: Blob, name: string): ByteSource {
  return spanSource(name, blob.size, async (start, end) => new Uint8Array(await blob.slice(start, end).arrayBuffer()));
}
