// Opens a path from the command line: a single file, a SavedModel folder or a logdir, on disk or
// remote (https://, s3://, gs://, in open-remote.ts). Files are opened read-only through
// ByteSources; nothing is ever written to the user's files.
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { planFolder } from '../core/io/logdir';
import { loadLogdir, loadSource, type LoadOptions } from '../core/io/load';
import type { LoadResult } from '../core/io/load-result';
import { isRemoteLocation } from '../remote/remote-location';
import { openFileSource } from './node-byte-source';
import { openRemote, type OpenRemoteOptions } from './open-remote';

async function listFiles(root: string, dir = root, out: string[] = [], depth = 0): Promise<string[]> {
  if (depth > 32) return out;
  const entries = await readdir(dir, { withFileTypes: true });
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e.isDirectory()) await listFiles(root, full, out, depth + 1);
    else if (e.isFile()) out.push(relative(root, full).split(sep).join('/'));
  }
  return out;
}

async function loadFile(path: string, options: LoadOptions): Promise<LoadResult> {
  let source;
  try {
    source = await openFileSource(path);
  } catch (err) {
    const message = `could not open the file (${err instanceof Error ? err.message : String(err)})`;
    return { file: path, format: null, graphs: [], stepStats: [], warnings: [], error: { kind: 'io', message, offset: null, file: path }, resumeOffset: null };
  }
  try {
    return await loadSource(source, options);
  } finally {
    await source.close();
  }
}

/** Loads whatever `path` names; never throws. */
export async function openPath(path: string, options: LoadOptions = {}, remote: OpenRemoteOptions = {}): Promise<LoadResult> {
  if (isRemoteLocation(path)) return openRemote(path, options, remote);
  let isDir = false;
  try {
    isDir = (await stat(path)).isDirectory();
  } catch (err) {
    const message = `no such file or folder (${err instanceof Error ? err.message : String(err)})`;
    return { file: path, format: null, graphs: [], stepStats: [], warnings: [], error: { kind: 'io', message, offset: null, file: path }, resumeOffset: null };
  }
  if (!isDir) return loadFile(path, options);
  const plan = planFolder(await listFiles(path));
  if (plan.kind === 'savedmodel') return loadFile(join(path, plan.file), options);
  const opened: { run: string; sources: Awaited<ReturnType<typeof openFileSource>>[] }[] = [];
  try {
    for (const r of plan.runs) opened.push({ run: r.run, sources: await Promise.all(r.files.map((f) => openFileSource(join(path, f)))) });
    return await loadLogdir(opened, path, options);
  } finally {
    for (const r of opened) for (const s of r.sources) await s.close();
  }
}
