// Compare mode in the session worker: the diff of the graphs selected in two sessions (panes A and
// B), handed to each session as its overlay so that later scenes carry diff colours and badges;
// counterparts across the panes (synchronised expansion, focusing a change in both); and the
// variables of both graphs side by side.
import { scopeKindChanges } from '../diff/scope-kind-changes';
import { diffDocument, diffGraphs, type GraphDiff } from '../diff/diff';
import { DIFF_STATUSES, STATUS_ADDED, type DiffStatus } from '../diff/classify';
import type { Graph } from '../graph/graph';
import type { ScopedHierarchy } from '../scope/scope-engine';
import { counterpart } from './diff-overlay';
import type { Counterpart, DiffReply, VariableRow } from './messages';
import type { Session } from './session';

interface Current {
  /** The selections diffed (a new selection, even of the same graph, drops the overlay). */
  readonly models: readonly [ScopedHierarchy, ScopedHierarchy];
  readonly a: Graph;
  readonly b: Graph;
  readonly diff: GraphDiff;
}

export class Comparison<F> {
  private current: Current | null = null;

  constructor(private readonly sessions: readonly [Session<F>, Session<F>], private readonly now: () => number) {}

  private selections(): [ScopedHierarchy, ScopedHierarchy] {
    const [sa, sb] = this.sessions;
    const a = sa.selected();
    const b = sb.selected();
    if (!a || !b) throw new Error('both panes need a selected graph before they can be compared');
    return [a, b];
  }

  /** Diffs the selected graphs and gives each pane its side; the next layouts show it. */
  diff(): DiffReply {
    const t0 = this.now();
    const models = this.selections();
    const [a, b] = [models[0].hierarchy.graph, models[1].hierarchy.graph];
    const diff = diffGraphs(a, b);
    this.current = { models, a, b, diff };
    const [sa, sb] = this.sessions;
    sa.setOverlay({ side: 'a', status: diff.a.status, match: diff.a.match, other: diff.b.rollup });
    sb.setOverlay({ side: 'b', status: diff.b.status, match: diff.b.match, other: diff.a.rollup });
    return { ...diffDocument(diff, a, b), scopeKindChanges: scopeKindChanges(diff, a, b), nodesA: a.nodeCount, nodesB: b.nodeCount, ms: this.now() - t0 };
  }

  private need(): Current {
    const cur = this.current;
    // A pane that selected another graph since the diff has dropped its overlay: diff again first.
    if (!cur || this.sessions[0].selected() !== cur.models[0] || this.sessions[1].selected() !== cur.models[1]) {
      throw new Error('the panes changed since the last diff');
    }
    return cur;
  }

  /** The name of what `name` (a node or a scope of pane `pane`) corresponds to on the other pane. */
  counterpart(pane: 0 | 1, name: string): string | null {
    const cur = this.need();
    const model = this.sessions[pane].selected();
    if (!model) return null;
    return pane === 0 ? counterpart(model.hierarchy, cur.diff.a.match, cur.b, name) : counterpart(model.hierarchy, cur.diff.b.match, cur.a, name);
  }

  /** The counterpart of `name` with where it is drawn on the other pane (one answer for the UI, not two). */
  locateCounterpart(pane: 0 | 1, name: string): Counterpart | null {
    const other = this.counterpart(pane, name);
    return other === null ? null : { name: other, location: this.sessions[pane === 0 ? 1 : 0].locate(other) };
  }

  /** Every variable of either graph, A's in A's order paired with their matches, then B's unmatched ones. */
  variables(): VariableRow[] {
    const cur = this.need();
    const [va, vb] = [this.sessions[0].variables().variables, this.sessions[1].variables().variables];
    const byNameB = new Map(vb.map((v) => [v.name, v]));
    const paired = new Set<string>();
    const rows: VariableRow[] = [];
    for (const v of va) {
      const i = cur.a.indexOf(v.name);
      const j = i >= 0 ? (cur.diff.a.match[i] as number) : -1;
      const b = j >= 0 ? (byNameB.get(cur.b.name(j)) ?? null) : null;
      if (b) paired.add(b.name);
      rows.push({ a: v, b, status: DIFF_STATUSES[i >= 0 ? (cur.diff.a.status[i] as number) : 0] as DiffStatus });
    }
    for (const v of vb) {
      if (paired.has(v.name)) continue;
      const j = cur.b.indexOf(v.name);
      rows.push({ a: null, b: v, status: DIFF_STATUSES[j >= 0 ? (cur.diff.b.status[j] as number) : STATUS_ADDED] as DiffStatus });
    }
    return rows;
  }
}
