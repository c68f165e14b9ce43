// Turns what the user dropped or picked into the files the session opens: plain files, or the
// files of a dropped / picked folder with their paths relative to it (for logdirs and SavedModels).
import type { OpenedInput } from './host';

async function entries(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const out: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return out;
    out.push(...batch);
  }
}

async function walk(entry: FileSystemEntry, prefix: string, out: { path: string; file: Blob }[], depth: number): Promise<void> {
  if (depth > 32) return;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push({ path: prefix + entry.name, file });
  } else if (entry.isDirectory) {
    for (const e of await entries(entry as FileSystemDirectoryEntry)) await walk(e, `${prefix}${entry.name}/`, out, depth + 1);
  }
}

/** A drop: one file, several files, or one folder (its files relative to it). */
export async function fromDataTransfer(dt: DataTransfer): Promise<OpenedInput | null> {
  // Read before the first await: the browser empties the DataTransfer when the drop event ends.
  // A dropped folder is a File here too, the one the shell opens by path.
  const chosen = Array.from(dt.files);
  const items = Array.from(dt.items).filter((i) => i.kind === 'file');
  const roots = items.map((i) => i.webkitGetAsEntry()).filter((e): e is FileSystemEntry => e !== null);
  const dir = roots.find((e) => e.isDirectory);
  if (dir) {
    const files: { path: string; file: Blob }[] = [];
    for (const e of await entries(dir as FileSystemDirectoryEntry)) await walk(e, '', files, 0);
    return { name: dir.name, files, folder: true, chosen };
  }
  return fromFileList(chosen, false);
}

/** A file input's selection; with `webkitdirectory`, paths are relative to the picked folder. */
export function fromFileList(list: FileList | readonly File[] | null, folder: boolean): OpenedInput | null {
  const files = Array.from(list ?? []);
  if (files.length === 0) return null;
  if (!folder) {
    const first = files[0] as File;
    return { name: files.length === 1 ? first.name : `${files.length} files`, files: files.map((f) => ({ path: f.name, file: f })), folder: files.length > 1, chosen: files };
  }
  const rel = (f: File): string => f.webkitRelativePath || f.name;
  const top = rel(files[0] as File).split('/')[0] ?? 'folder';
  return { name: top, files: files.map((f) => ({ path: rel(f).split('/').slice(1).join('/') || f.name, file: f })), folder: true, chosen: files };
}
