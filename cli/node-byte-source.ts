// ByteSource over a Node file handle, for the CLI and for tests that read real files in place.
// Opened read-only: Scopeview must never modify a user's files.
import { open } from 'node:fs/promises';
import { readRange, type ByteSource } from '../core/io/byte-source';

export type FileSource = ByteSource & { close(): Promise<void> };

/** Opens `path` for reading; the size is fixed at open time, so bytes appended later are not seen. */
export async function openFileSource(path: string): Promise<FileSource> {
  const handle = await open(path, 'r');
  let size: number;
  try {
    size = (await handle.stat()).size;
  } catch (err) {
    await handle.close();
    throw err;
  }
  /** Fills target from `offset` (clamped to the file); handle.read may return fewer bytes than
   *  asked, and 0 means EOF (the file shrank). */
  async function fill(offset: number, target: Uint8Array): Promise<number> {
    const [start, end] = readRange(offset, target.length, size);
    const want = end - start;
    let filled = 0;
    while (filled < want) {
      const { bytesRead } = await handle.read(target, filled, want - filled, start + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled;
  }
  return {
    name: path,
    size,
    async read(offset, length) {
      // A fresh buffer per read: callers may keep views into it.
      const [start, end] = readRange(offset, length, size);
      const out = new Uint8Array(end - start);
      const filled = await fill(offset, out);
      return filled === out.length ? out : out.subarray(0, filled);
    },
    readInto: fill,
    close: () => handle.close(),
  };
}
