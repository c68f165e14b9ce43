// Test fixtures for the symlink rules (docs/SECURITY.md): what a cloned or unpacked download can
// hold, a logdir run with a link to a private file beside its real event file, and a SavedModel
// folder whose saved_model.pb is such a link.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LinkedFolders {
  /** The private file the links point to. */
  readonly secret: string;
  /** A logdir: run1/events.out.tfevents.1 (real) and run1/events.out.tfevents.2 (a link to secret). */
  readonly logdir: string;
  /** A folder whose only content is saved_model.pb, a link to secret. */
  readonly model: string;
}

export function linkedFolders(dir: string, logdirName: string): LinkedFolders {
  const secret = join(dir, 'secret');
  const logdir = join(dir, logdirName);
  const model = join(dir, 'model');
  writeFileSync(secret, 'not for the page');
  mkdirSync(join(logdir, 'run1'), { recursive: true });
  writeFileSync(join(logdir, 'run1', 'events.out.tfevents.1'), Buffer.alloc(6));
  symlinkSync(secret, join(logdir, 'run1', 'events.out.tfevents.2'));
  mkdirSync(model);
  symlinkSync(secret, join(model, 'saved_model.pb'));
  return { secret, logdir, model };
}
