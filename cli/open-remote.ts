// Opens a remote location from the command line (https://, s3://, gs://) as open-path.ts opens a
// local one: a single object, a SavedModel folder or a logdir (runs found by planFolder from the
// listing), read through ranged ByteSources. Never throws; names in results are secret-free and
// free of control and bidi characters (an object named with ESC[2J must not clear a terminal).
import { spanSource, type ByteSource } from '../core/io/byte-source';
import type { LoadWarning } from '../core/io/errors';
import { loadLogdir, loadSource, type LoadOptions } from '../core/io/load';
import type { LoadResult } from '../core/io/load-result';
import { planFolder } from '../core/io/logdir';
import { openRemoteStore, type RemoteOptions } from '../remote/open-store';
import { childKey, parseRemoteLocation, redactLocation, safeText } from '../remote/remote-location';
import { RemoteObject, type ReadPolicy, type TransferMeter } from '../remote/remote-reader';
import type { RemoteStore } from '../remote/remote-store';

export interface OpenRemoteOptions extends RemoteOptions {
  readonly policy?: ReadPolicy;
  /** Adds up what crossed the network (the benchmark reads it). */
  readonly meter?: TransferMeter;
}

function failed(file: string, message: string): LoadResult {
  return { file, format: null, graphs: [], stepStats: [], warnings: [], error: { kind: 'io', message, offset: null, file }, resumeOffset: null };
}

/**
 * A broken connection leaves a short object: the scanner's own "file ends inside a record" warning
 * for it is replaced by one saying the connection broke, at the same offset (where reading stopped).
 */
function withInterruptions(result: LoadResult, objects: readonly RemoteObject[], notices: readonly string[]): LoadResult {
  let warnings: LoadWarning[] = [...notices.map((message): LoadWarning => ({ kind: 'unsupported', message, offset: null, file: result.file })), ...result.warnings];
  for (const o of objects) {
    if (!o.interrupted) continue;
    // A whole message (GraphDef, SavedModel…) cut short cannot be decoded: that is an error, not
    // an empty graph.
    if (result.format !== 'events' && result.format !== 'logdir') {
      return { ...result, graphs: [], warnings, error: { kind: 'truncated', file: o.display, offset: o.interrupted.offset, message: `${o.interrupted.message}; the file could not be read whole` } };
    }
    const own = warnings.find((w) => w.file === o.display && w.kind === 'truncated');
    warnings = warnings.filter((w) => w !== own);
    const offset = own?.offset ?? o.interrupted.offset;
    warnings.push({ kind: 'truncated', file: o.display, offset, message: `${o.interrupted.message}; what was read before byte ${offset} is shown` });
  }
  return { ...result, warnings };
}

/** Loads whatever the remote location names; never throws. */
export async function openRemote(text: string, load: LoadOptions = {}, options: OpenRemoteOptions = {}): Promise<LoadResult> {
  let display = redactLocation(text);
  const notices: string[] = [];
  let store: RemoteStore;
  try {
    const location = parseRemoteLocation(text);
    display = location.display;
    store = await openRemoteStore(location, { ...options, onNotice: (m) => { notices.push(m); options.onNotice?.(m); } });
  } catch (err) {
    return failed(display, err instanceof Error ? err.message : String(err));
  }
  const objects: RemoteObject[] = [];
  const source = (path: string, size: number): ByteSource => {
    const name = childKey(display, safeText(path));
    const o = new RemoteObject(store, path, size, name, options.policy, options.meter);
    objects.push(o);
    return spanSource(name, size, (start, end) => o.read(start, end));
  };
  try {
    const listing = await store.describe();
    if (listing.kind === 'file') return withInterruptions(await loadSource(source('', listing.size), load), objects, notices);
    // Runs are named from paths: planned on names fit to show, read by the keys they stand for.
    const byName = new Map<string, { path: string; size: number }>();
    for (const f of listing.files) if (!byName.has(safeText(f.path))) byName.set(safeText(f.path), f);
    const open = (name: string): ByteSource => {
      const f = byName.get(name);
      return source(f?.path ?? name, f?.size ?? 0);
    };
    const plan = planFolder([...byName.keys()]);
    if (plan.kind === 'savedmodel') return withInterruptions(await loadSource(open(plan.file), load), objects, notices);
    const runs = plan.runs.map((r) => ({ run: r.run, sources: r.files.map(open) }));
    return withInterruptions(await loadLogdir(runs, display, load), objects, notices);
  } catch (err) {
    return failed(display, err instanceof Error ? err.message : String(err));
  } finally {
    store.close();
  }
}
