// Compare mode's list of changes: the summary as filter chips, then every node that is not the same
// on both sides; clicking an entry centres it in both panes. Long lists render in pages.
import { useState } from 'react';
import { DIFF_STATUSES, type DiffStatus } from '../../core/diff/classify';
import type { DiffChange } from '../../core/diff/diff';
import type { DiffReply } from '../../core/pipeline/messages';
import { cssColour, DIFF_COLOURS } from '../canvas/palette';
import type { CompareController } from './compare-controller';
import { Reason } from './ScopeFindings';

const PAGE = 300;
const LABELS: Record<DiffStatus, string> = { same: 'same', 'attr-changed': 'changed', moved: 'moved', renamed: 'renamed', added: 'added', removed: 'removed' };
const COUNT_OF: Record<DiffStatus, keyof DiffReply['summary']> = {
  same: 'same', 'attr-changed': 'attrChanged', moved: 'moved', renamed: 'renamed', added: 'added', removed: 'removed',
};

export function StatusDot({ status }: { status: DiffStatus }) {
  const c = DIFF_COLOURS[DIFF_STATUSES.indexOf(status)];
  return <span className={`dot ${status}`} style={c ? { background: cssColour(c) } : undefined} aria-hidden="true" />;
}

function Entry({ change, focused, onFocus }: { change: DiffChange; focused: boolean; onFocus: () => void }) {
  const names = change.a !== null && change.b !== null && change.a !== change.b ? `${change.a} → ${change.b}` : (change.a ?? change.b ?? '');
  return (
    <li>
      <button type="button" className={focused ? 'diff-entry focused' : 'diff-entry'} data-testid="diff-entry" data-status={change.status} title={names} onClick={onFocus}>
        <StatusDot status={change.status} />
        <span className="diff-names">{names}</span>
        <span className="muted diff-op">{change.op}{change.attrs.length > 0 ? ` · ${change.attrs.join(', ')}` : ''}</span>
      </button>
    </li>
  );
}

export function DiffSummary({ diff, filter, cmp }: { diff: DiffReply; filter: DiffStatus | 'all'; cmp: CompareController }) {
  const changed = diff.changes.length;
  return (
    <div className="diff-summary" data-testid="diff-summary">
      <button type="button" className={filter === 'all' ? 'chip active' : 'chip'} aria-pressed={filter === 'all'} onClick={() => cmp.setFilter('all')}>{changed.toLocaleString()} changes</button>
      {DIFF_STATUSES.map((s) => {
        const n = diff.summary[COUNT_OF[s]];
        if (s === 'same') return <span key={s} className="chip passive" data-status="same">{n.toLocaleString()} same</span>;
        return n > 0 && (
          <button key={s} type="button" className={filter === s ? 'chip active' : 'chip'} aria-pressed={filter === s} data-status={s} onClick={() => cmp.setFilter(filter === s ? 'all' : s)}>
            <StatusDot status={s} />{n.toLocaleString()} {LABELS[s]}
          </button>
        );
      })}
    </div>
  );
}

export function DiffList({ diff, focused, cmp }: { diff: DiffReply; focused: number; cmp: CompareController }) {
  const [shown, setShown] = useState(PAGE);
  const entries = cmp.shownChanges();
  if (diff.changes.length === 0) return <p className="muted empty" data-testid="diff-empty">The two graphs are the same: every node matched, with the same op, inputs and attributes.</p>;
  return (
    <div className="diff-list">
      <p className="muted hint">{diff.nodesA.toLocaleString()} nodes in A, {diff.nodesB.toLocaleString()} in B · diffed in {diff.ms.toFixed(0)} ms. Click a change to centre it in both panes.</p>
      {diff.scopeKindChanges.length > 0 && (
        <section data-testid="kind-changes">
          <h3>Scope kinds changed <span className="muted">({diff.scopeKindChanges.length})</span></h3>
          <ul className="refs">
            {diff.scopeKindChanges.slice(0, PAGE).map((k) => <li key={k.a} data-testid="kind-change"><Reason text={k.sentence} /></li>)}
          </ul>
          <h3>Nodes</h3>
        </section>
      )}
      <ul className="refs">
        {entries.slice(0, shown).map((e) => <Entry key={e.index} change={e.change} focused={e.index === focused} onFocus={() => void cmp.focus(e.change, e.index)} />)}
      </ul>
      {entries.length > shown && <button type="button" className="link" onClick={() => setShown(shown + PAGE)}>Show {Math.min(PAGE, entries.length - shown)} more of {(entries.length - shown).toLocaleString()}</button>}
    </div>
  );
}
