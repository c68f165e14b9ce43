// "Expand all" and "Expand to depth N": which scopes to open in which steps, and the run of those
// steps with progress and Cancel. The pane controller supplies the worker's answers and the layouts.
import type { ExpansionReply } from '../../core/pipeline/protocol';

/**
 * Expansions of fewer scopes than this are laid out in one step. Drawing the first level early
 * lays its scopes out twice (with closed, then with open children): on pix2pix (1,256 scopes, its
 * whole expansion laid out in about a second here) the early frame cost 0.4 s of a 2.1 s wait.
 */
export const EARLY_DRAW_MIN_SCOPES = 2000;

/**
 * The expanded sets to lay out in turn, each a superset of `before`: for a big expansion (at least
 * `earlyMin` scopes) the first level alone first (drawn while the rest is laid out) when deeper
 * levels follow and it opens something new, then everything. `levelEnds[d]` ends the names of
 * depth d + 1 (ExpansionReply).
 */
export function expansionSteps(before: readonly string[], names: readonly string[], levelEnds: readonly number[], earlyMin = EARLY_DRAW_MIN_SCOPES): string[][] {
  const union = (count: number): string[] => {
    const have = new Set(before);
    const out = [...before];
    for (const n of names.slice(0, count)) if (!have.has(n)) out.push(n);
    return out;
  };
  const all = union(names.length);
  const first = levelEnds[0] ?? names.length;
  if (first >= names.length || names.length < earlyMin) return [all];
  const top = union(first);
  return top.length > before.length ? [top, all] : [all];
}

export interface ExpansionHost {
  /** The scopes the worker lists for a depth (null: every scope). */
  expansion(depth: number | null): Promise<ExpansionReply>;
  expanded(): readonly string[];
  /** Sets the expanded scopes and lays them out with progress; false when superseded or failed. */
  show(expanded: readonly string[]): Promise<boolean>;
  /** Fits the view to what is shown. */
  fit(): void;
  progress(stage: string | null): void;
  failed(message: string): void;
}

/** One expansion at a time; `cancel` hands back what was open before it started. */
export class Expansion {
  private running: { readonly before: readonly string[] } | null = null;

  constructor(private readonly host: ExpansionHost, private readonly earlyMin = EARLY_DRAW_MIN_SCOPES) {}

  get active(): boolean {
    return this.running !== null;
  }

  async run(depth: number | null): Promise<void> {
    const token = { before: this.host.expanded() };
    this.running = token;
    this.host.progress('Finding the scopes to open');
    try {
      const { names, levelEnds } = await this.host.expansion(depth);
      for (const step of expansionSteps(token.before, names, levelEnds, this.earlyMin)) {
        if (this.running !== token || !(await this.host.show(step)) || this.running !== token) return;
        this.host.fit();
      }
    } catch (err) {
      if (this.running === token) this.host.failed(err instanceof Error ? err.message : String(err));
    } finally {
      if (this.running === token) {
        this.running = null;
        this.host.progress(null);
      }
    }
  }

  /** Stops following the expansion in progress; returns what was open before it, or null if none ran. */
  cancel(): readonly string[] | null {
    const before = this.running?.before ?? null;
    if (this.running) this.host.progress(null);
    this.running = null;
    return before;
  }
}
