// The Scopes panel: how name_scope / variable_scope shaped the names — variables outside their
// readers' scopes, shared (reused) variables, uniquified twins and re-entered scopes, each flag with
// its reason in words. Clicking a variable selects it on the canvas.
import type { ScopesReport, VariableReport } from '../../core/scope/variables';
import type { Controller } from './controller';

/** The reason for one flag: the outside reason comes first in `reasons` when both flags are set. */
const outsideReason = (v: VariableReport): string | undefined => (v.outsideReaderScopes ? v.reasons[0] : undefined);
const sharedReason = (v: VariableReport): string | undefined => (v.shared ? v.reasons[v.reasons.length - 1] : undefined);

/** A reason with its `quoted` scope names set as code (as React text, never HTML). */
export function Reason({ text }: { text: string }) {
  return <div className="reason" data-testid="scope-reason">{text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</div>;
}

function VarList({ title, hint, items, c, reason }: { title: string; hint: string; items: readonly VariableReport[]; c: Controller; reason?: (v: VariableReport) => string | undefined }) {
  if (items.length === 0) return null;
  return (
    <section>
      <h3>{title} <span className="muted">({items.length})</span></h3>
      <p className="muted hint">{hint}</p>
      <ul className="refs">
        {items.slice(0, 300).map((v) => (
          <li key={v.name}>
            <button type="button" className="link" title={v.name} onClick={() => void c.revealByName(v.name)}>{v.name}</button>
            {v.readerScopes.length > 0 && <div className="path muted">read in {v.readerScopes.slice(0, 4).map((s) => s || '(top level)').join(', ')}{v.readerScopes.length > 4 ? ', …' : ''}</div>}
            {reason?.(v) && <Reason text={reason(v) as string} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ScopesPanel({ report, c }: { report: ScopesReport | null; c: Controller }) {
  if (!report) return <p className="muted empty">Analysing variables…</p>;
  const v = report.variables;
  return (
    <div className="scopes-panel" data-testid="scopes-panel">
      <p className="muted">{v.length} variable{v.length === 1 ? '' : 's'}</p>
      <VarList title="Outside their readers' scope" hint="tf.get_variable ignores tf.name_scope: the variable sits outside the scope of the ops that read it." items={v.filter((x) => x.outsideReaderScopes)} c={c} reason={outsideReason} />
      <VarList title="Shared (reuse)" hint="Read from two instances of its variable scope, or from a re-entry of it, as variable_scope(reuse=True) does." items={v.filter((x) => x.shared)} c={c} reason={sharedReason} />
      <VarList title="Uniquified twins" hint="Same name with a _N suffix in one scope: created twice." items={v.filter((x) => x.twins.length > 0)} c={c} />
      <VarList title="Captured handles" hint="TF2 resource handles of variables made outside this graph (a Placeholder or _Arg feeding ReadVariableOp, named after its first reader): their names say nothing about scopes, so they are never flagged." items={v.filter((x) => x.captured)} c={c} />
      {report.reentrySiblings.length > 0 && (
        <section>
          <h3>Re-entered scopes <span className="muted">({report.reentrySiblings.length})</span></h3>
          <p className="muted hint">Entering a scope name again creates scope_1, scope_2, …</p>
          <ul className="refs">{report.reentrySiblings.slice(0, 200).map((g) => <li key={g.join()}>{g.join(', ')}</li>)}</ul>
        </section>
      )}
      <VarList title="All variables" hint="" items={v} c={c} />
    </div>
  );
}
