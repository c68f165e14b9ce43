// Which files are TensorFlow graph files, by name only: one rule for the loader in core (folder
// plans), for the shell's main process (folder listings, remote listings, paths the page sends).

/** The last segment of a `/`-separated path (a bare name is its own last segment). */
function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * An event file: its name (the last `/`-segment of the path) holds `tfevents`, as TensorFlow names
 * them (`events.out.tfevents.<time>.<host>`) and as TensorBoard finds them. A folder named
 * `tfevents/` does not make the files below it event files.
 */
export function isEventFileName(path: string): boolean {
  return lastSegment(path).includes('tfevents');
}

/** A GraphDef or MetaGraphDef by its usual names (`graph.pb`, `graph.pbtxt`, `model.ckpt-100.meta`), any case. */
export function isGraphFileName(path: string): boolean {
  return /\.(pb|pbtxt|meta)$/i.test(lastSegment(path));
}
