// Opens a granted file for reading, checking again what the listing checked: the path is still a
// regular file inside its chosen root, with no symlink anywhere on it. A link that appears after
// the listing (a file swapped for `-> ~/.ssh/id_rsa`) is refused here, at the moment of reading.
import { constants } from 'node:fs';
import { open, realpath, type FileHandle } from 'node:fs/promises';
import { sep } from 'node:path';
import type { Grant } from './file-grants';

// O_NOFOLLOW: the last component is never followed (POSIX; Windows has no such flag, and the real
// path check below covers it). O_NONBLOCK: opening a FIFO put in a file's place does not hang.
const FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** Whether `path` is `root` or below it (both absolute, normalised). */
export function isWithin(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

export interface OpenedGrant {
  readonly handle: FileHandle;
  readonly size: number;
}

/** The granted file, open read-only, with its size now; null when it is gone or no longer the file granted. */
export async function openGranted(grant: Grant): Promise<OpenedGrant | null> {
  if (!isWithin(grant.root, grant.path)) return null;
  // The granted path is a real path: if resolving it now gives anything else, a link was put on it.
  if ((await realpath(grant.path).catch(() => null)) !== grant.path) return null;
  let handle: FileHandle;
  try {
    handle = await open(grant.path, FLAGS);
  } catch {
    return null;
  }
  const st = await handle.stat().catch(() => null);
  if (!st?.isFile()) {
    await handle.close();
    return null;
  }
  return { handle, size: st.size };
}
