// Live reload: polls an opened input (its files' sizes, and for a logdir its list of event files)
// and reports when a log grew or a run appeared. Polling, as TensorBoard does, rather than
// fs.watch: it behaves the same on network and container filesystems, and the cost is a stat per
// file per interval. Checks never overlap; a failed check (a folder briefly gone) is skipped.
import type { ShellInput } from '../../common/ipc-contract';

export interface InputChange {
  /** Files whose size changed (a growing log, or one rewritten). */
  readonly changed: readonly string[];
  /** Files that were not there before (a new run, a new event file in a run). */
  readonly added: readonly string[];
  readonly input: ShellInput;
}

export function diffInputs(before: ShellInput, after: ShellInput): InputChange | null {
  const old = new Map(before.files.map((f) => [f.path, f.size]));
  const changed: string[] = [];
  const added: string[] = [];
  for (const f of after.files) {
    const size = old.get(f.path);
    if (size === undefined) added.push(f.path);
    else if (size !== f.size) changed.push(f.path);
  }
  return changed.length > 0 || added.length > 0 ? { changed, added, input: after } : null;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export class InputWatcher {
  private last: ShellInput;
  private timer: unknown = null;
  private stopped = false;

  constructor(
    initial: ShellInput,
    private readonly describe: () => Promise<ShellInput>,
    private readonly onChange: (change: InputChange) => void,
    private readonly intervalMs = 1000,
    private readonly timers: Timers = { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
  ) {
    this.last = initial;
  }

  /** Compares the input with the last look at it; reports and returns a change, if any. */
  async check(): Promise<InputChange | null> {
    let now: ShellInput;
    try {
      now = await this.describe();
    } catch {
      return null;
    }
    if (this.stopped) return null;
    const change = diffInputs(this.last, now);
    this.last = now;
    if (change) this.onChange(change);
    return change;
  }

  start(): this {
    const tick = (): void => {
      this.timer = this.timers.setTimeout(() => {
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
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }
}
