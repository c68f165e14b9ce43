// Lists what an opened folder holds, by file name only (main never reads file contents): a
// SavedModel (saved_model.pb / .pbtxt at its top), or a logdir whose runs are the folders holding
// event files (or, in a folder with none, the folders holding graph files: an exported export.meta). The walk is bounded and follows no symlink at all, file or folder: a cloned or
// unpacked logdir may carry `events.out.tfevents.1 -> ~/.ssh/id_rsa` (git and tar keep links), and
// everything listed here becomes readable by the page (docs/SECURITY.md, "Where files come from").
import type { Dirent } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isEventFileName, isGraphFileName } from '../../common/file-names';

export interface ListedFile {
  /** Relative to the folder, `/`-separated. */
  readonly rel: string;
  readonly abs: string;
  readonly size: number;
}

export interface FolderListing {
  readonly kind: 'savedmodel' | 'logdir';
  readonly files: readonly ListedFile[];
  /** Run folders (relative, `.` for the folder itself), sorted. Empty for a SavedModel. */
  readonly runs: readonly string[];
  /** Set when a limit stopped the walk early. */
  readonly truncated: boolean;
}

export interface ListingLimits {
  readonly depth: number;
  readonly entries: number;
  readonly files: number;
}

export const LISTING_LIMITS: ListingLimits = { depth: 16, entries: 200_000, files: 20_000 };

const SAVED_MODEL = ['saved_model.pb', 'saved_model.pbtxt'];

/** The size of a regular file that is not a symlink (lstat: a link is never followed), or null. */
export async function regularFileSize(path: string): Promise<number | null> {
  try {
    const st = await lstat(path);
    return st.isFile() ? st.size : null;
  } catch {
    return null;
  }
}

export async function listFolder(root: string, limits: ListingLimits = LISTING_LIMITS): Promise<FolderListing> {
  for (const name of SAVED_MODEL) {
    const size = await regularFileSize(join(root, name));
    if (size !== null) return { kind: 'savedmodel', files: [{ rel: name, abs: join(root, name), size }], runs: [], truncated: false };
  }
  const files: ListedFile[] = [];
  const graphs: ListedFile[] = [];
  let seen = 0;
  let truncated = false;
  const walk = async (dir: string, rel: string, depth: number): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return; // unreadable folders are skipped, as TensorBoard does
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (++seen > limits.entries || files.length + graphs.length >= limits.files) {
        truncated = true;
        return;
      }
      const abs = join(dir, e.name);
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (depth < limits.depth) await walk(abs, childRel, depth + 1);
        else truncated = true;
      } else if (e.isFile() && (isEventFileName(e.name) || isGraphFileName(e.name))) {
        // Dirent types come from lstat: a symlink is neither a file nor a folder here.
        const size = await regularFileSize(abs);
        if (size !== null) (isEventFileName(e.name) ? files : graphs).push({ rel: childRel, abs, size });
      }
    }
  };
  await walk(root, '', 0);
  // Graph files beside event files are a run's exports, not runs: they are listed only when no event file is.
  const listed = files.length > 0 ? files : graphs;
  const runs = [...new Set(listed.map((f) => (f.rel.includes('/') ? f.rel.slice(0, f.rel.lastIndexOf('/')) : '.')))].sort();
  return { kind: 'logdir', files: listed, runs, truncated };
}
