// Live reload for remote locations: polls the listing (object sizes, and for a folder the objects
// it holds) at a modest interval and reports grown or replaced objects and new ones. Object stores
// have no change feed a client can rely on, so polling, like the local watcher, is the portable way.
import type { RemoteListing, RemoteStore } from './remote-store';

export interface RemoteChange {
  /** Paths whose size changed ('' for a single-file location). */
  readonly changed: readonly string[];
  /** Paths not listed before. */
  readonly added: readonly string[];
  readonly listing: RemoteListing;
}

function sizes(listing: RemoteListing): Map<string, number> {
  return listing.kind === 'file' ? new Map([['', listing.size]]) : new Map(listing.files.map((f) => [f.path, f.size]));
}

export function diffListings(before: RemoteListing, after: RemoteListing): RemoteChange | null {
  const old = sizes(before);
  const changed: string[] = [];
  const added: string[] = [];
  for (const [path, size] of sizes(after)) {
    const was = old.get(path);
    if (was === undefined) added.push(path);
    else if (was !== size) changed.push(path);
  }
  return changed.length > 0 || added.length > 0 ? { changed, added, listing: after } : null;
}

/** Remote polls cost requests (and money on cloud stores): every 5 s rather than the local 1 s. */
export const REMOTE_POLL_MS = 5000;

export class RemoteWatcher {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(
    private readonly store: Pick<RemoteStore, 'describe'>,
    private last: RemoteListing,
    private readonly onChange: (change: RemoteChange) => void,
    private readonly intervalMs = REMOTE_POLL_MS,
  ) {}

  /** Lists once and reports a change, if any. A failed listing (a network blip) is skipped. */
  async check(): Promise<RemoteChange | null> {
    let now: RemoteListing;
    try {
      now = await this.store.describe();
    } catch {
      return null;
    }
    if (this.stopped) return null;
    const change = diffListings(this.last, now);
    this.last = now;
    if (change) this.onChange(change);
    return change;
  }

  /** Polls until stopped; checks never overlap. */
  start(): this {
    const tick = (): void => {
      this.timer = setTimeout(() => {
        void this.check().finally(() => {
          if (!this.stopped) tick();
        });
      }, this.intervalMs);
    };
    tick();
    return this;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
