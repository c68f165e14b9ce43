// The Scopes panel's findings: each flagged user variable once, with every flag and its reason
// (reuse first, then get_variable under name_scope, then genuine twins), and TensorFlow's
// bookkeeping (optimizer slots, moving averages, gradients, save/restore) folded and counted.
import type { ScopesReport, VariableReport } from '../../core/scope/variables/variables';
import { BOOKKEEPING_LABELS, bookkeepingGroups, variableFindings, type Flag } from '../../core/scope/variables/findings';
import type { PaneController } from './pane-controller';

const FLAG_LABELS: Record<Flag, { text: string; title: string }> = {
  shared: { text: 'shared (reuse)', title: 'Read from two instances of its variable scope, or from a re-entry of it, as variable_scope(reuse=True) does.' },
  outside: { text: 'outside its readers', title: 'tf.get_variable ignores tf.name_scope: the variable sits outside the scope of the ops that read it.' },
  twin: { text: 'uniquified twin', title: 'Two variables were created under one name: TensorFlow appended _N to the second.' },
};

/** A reason with its `quoted` scope names set as code (as React text, never HTML). */
export function Reason({ text }: { text: string }) {
  return <div className="reason" data-testid="scope-reason">{text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</div>;
}

export function VariableLink({ v, pane }: { v: VariableReport; pane: PaneController }) {
  return <button type="button" className="link" title={v.name} onClick={() => void pane.revealByName(v.name)}>{v.name}</button>;
}

export function ReadIn({ v }: { v: VariableReport }) {
  if (v.readerScopes.length === 0) return null;
  return <div className="path muted">read in {v.readerScopes.slice(0, 4).map((s) => s || '(top level)').join(', ')}{v.readerScopes.length > 4 ? ', …' : ''}</div>;
}

const SHOWN = 300;

export function Findings({ report, pane }: { report: ScopesReport; pane: PaneController }) {
  const findings = variableFindings(report);
  if (findings.length === 0) return null;
  return (
    <section data-testid="scope-findings">
      <h3>Findings <span className="muted">({findings.length})</span></h3>
      <p className="muted hint">Each variable once, with all its flags: reuse first, then get_variable under name_scope, then twins.</p>
      <ul className="refs">
        {findings.slice(0, SHOWN).map(({ variable: v, flags }) => (
          <li key={v.name} data-testid="scope-finding">
            <VariableLink v={v} pane={pane} />
            <span className="flags">{flags.map((f) => <span key={f} className={`flag flag-${f}`} title={FLAG_LABELS[f].title}>{FLAG_LABELS[f].text}</span>)}</span>
            <ReadIn v={v} />
            {v.reasons.map((r) => <Reason key={r} text={r} />)}
            {flags.includes('twin') && <div className="reason">twins: {v.twins.map((t) => <code key={t}>{t}</code>)}</div>}
          </li>
        ))}
      </ul>
      {findings.length > SHOWN && <p className="muted hint">… {findings.length - SHOWN} more (scopeview scopes lists them all)</p>}
    </section>
  );
}

const plural = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** TensorFlow's bookkeeping, folded: one line per kind with its counts, each kind unfolding to its names. */
export function Bookkeeping({ report, pane }: { report: ScopesReport; pane: PaneController }) {
  const groups = bookkeepingGroups(report);
  if (groups.length === 0) return null;
  const vars = groups.reduce((n, g) => n + g.variables.length, 0);
  const scopes = groups.reduce((n, g) => n + g.reentries.length, 0);
  return (
    <details className="bookkeeping" data-testid="scope-bookkeeping">
      <summary><h3>TensorFlow bookkeeping <span className="muted">({plural(vars, 'variable')}, {plural(scopes, 'numbered scope group')})</span></h3></summary>
      <p className="muted hint">Made this way on purpose by TensorFlow (slot pairs such as kernel/Adam and kernel/Adam_1, AssignMovingAvg_1, gradients_1, save_1): not findings.</p>
      {groups.map((g) => (
        <details key={g.kind} data-testid={`bookkeeping-${g.kind}`}>
          <summary>{BOOKKEEPING_LABELS[g.kind]} <span className="muted">({[g.variables.length > 0 ? plural(g.variables.length, 'variable') : '', g.reentries.length > 0 ? plural(g.reentries.length, 'scope group') : ''].filter(Boolean).join(', ')})</span></summary>
          <ul className="refs">
            {g.variables.slice(0, SHOWN).map((v) => (
              <li key={v.name}><VariableLink v={v} pane={pane} />{v.slotOf !== null && <div className="path muted">slot of {v.slotOf}</div>}</li>
            ))}
            {g.reentries.slice(0, SHOWN).map((s) => <li key={s.join()} className="muted">{s.join(', ')}</li>)}
          </ul>
        </details>
      ))}
    </details>
  );
}
