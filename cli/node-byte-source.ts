// ByteSource over a Node file handle, for the CLI and for tests that read real files in place.
// Opened read-only: Scopeview must never modify a user's files.
import { open } from 'node:fs/promises';
import type { ByteSource } from '../core/io/byte-source';

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
  return {
    name: path,
    size,
    async read(offset, length) {
      const start = Math.max(0, Math.min(offset, size));
      const want = Math.max(0, Math.min(length, size - start));
      // A fresh buffer per read: callers keep views into it (see scanRecords).
      const out = new Uint8Array(want);
      let filled = 0;
      // handle.read may return fewer bytes than asked; 0 means EOF (the file shrank).
      while (filled < want) {
        const { bytesRead } = await handle.read(out, filled, want - filled, start + filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return filled === want ? out : out.subarray(0, filled);
    },
    close: () => handle.close(),
  };
}
