// Logdir and folder semantics, independent of how a host lists files: TensorBoard-style runs (every
// folder holding event files) and SavedModel folders.
import { isEventFileName, isGraphFileName } from '../../common/file-names';

export type FolderPlan =
  | { readonly kind: 'savedmodel'; readonly file: string }
  | { readonly kind: 'logdir'; readonly runs: readonly { readonly run: string; readonly files: readonly string[] }[] };

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '.' : path.slice(0, i);
}

/**
 * Decides what a dropped or opened folder is from the relative paths of its files (`/`-separated):
 * a SavedModel when `saved_model.pb` or `saved_model.pbtxt` sits at its top, else a logdir whose
 * runs are the folders holding event files, sorted by run name, files sorted by name. A folder
 * without event files but with graph files (an exported `export.meta`, frozen `.pb`s) opens those,
 * each folder as a run.
 */
export function planFolder(paths: readonly string[]): FolderPlan {
  for (const name of ['saved_model.pb', 'saved_model.pbtxt']) {
    if (paths.includes(name)) return { kind: 'savedmodel', file: name };
  }
  const wanted = paths.some(isEventFileName) ? isEventFileName : isGraphFileName;
  const runs = new Map<string, string[]>();
  for (const p of paths) {
    if (!wanted(p)) continue;
    const run = dirOf(p);
    const list = runs.get(run) ?? [];
    list.push(p);
    runs.set(run, list);
  }
  return {
    kind: 'logdir',
    runs: [...runs.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([run, files]) => ({ run, files: files.sort() })),
  };
}
