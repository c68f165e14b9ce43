// The Scopes panel: how name_scope / variable_scope shaped the names — the findings first (each
// flagged variable once with its reasons, ScopeFindings.tsx), real re-entered scopes, then
// TensorFlow's bookkeeping and every variable, folded. Clicking a variable selects it on the canvas.
import type { ScopesReport, VariableReport } from '../../core/scope/variables/variables';
import { realReentries } from '../../core/scope/variables/findings';
import type { PaneController } from './pane-controller';
import { Bookkeeping, Findings, ReadIn, VariableLink } from './ScopeFindings';

/** TF2 captured resource handles, folded: their names say nothing about scopes, so they are never flagged. */
function Captured({ items, pane }: { items: readonly VariableReport[]; pane: PaneController }) {
  if (items.length === 0) return null;
  return (
    <details className="captured" data-testid="scope-captured">
      <summary><h3>Captured handles <span className="muted">({items.length})</span></h3></summary>
      <p className="muted hint">TF2 resource handles of variables made outside this graph (a Placeholder or _Arg feeding ReadVariableOp, named after its first reader): their names say nothing about scopes, so they are never flagged.</p>
      <ul className="refs">{items.slice(0, 300).map((v) => <li key={v.name}><VariableLink v={v} pane={pane} /><ReadIn v={v} /></li>)}</ul>
    </details>
  );
}

/** Every variable, folded: the findings and bookkeeping above already name the ones that matter. */
function AllVariables({ items, pane }: { items: readonly VariableReport[]; pane: PaneController }) {
  if (items.length === 0) return null;
  return (
    <details className="all-variables">
      <summary><h3>All variables <span className="muted">({items.length})</span></h3></summary>
      <ul className="refs">
        {items.slice(0, 300).map((v) => (
          <li key={v.name}>
            <VariableLink v={v} pane={pane} />
            <ReadIn v={v} />
          </li>
        ))}
      </ul>
    </details>
  );
}

export function ScopesPanel({ report, pane }: { report: ScopesReport | null; pane: PaneController }) {
  if (!report) return <p className="muted empty">Analysing variables…</p>;
  const v = report.variables;
  const reentries = realReentries(report);
  return (
    <div className="scopes-panel" data-testid="scopes-panel">
      <p className="muted">{v.length} variable{v.length === 1 ? '' : 's'}</p>
      <Findings report={report} pane={pane} />
      {reentries.length > 0 && (
        <section>
          <h3>Re-entered scopes <span className="muted">({reentries.length})</span></h3>
          <p className="muted hint">Entering a scope name again creates scope_1, scope_2, …</p>
          <ul className="refs">{reentries.slice(0, 200).map((g) => <li key={g.join()}>{g.join(', ')}</li>)}</ul>
        </section>
      )}
      <Bookkeeping report={report} pane={pane} />
      <Captured items={v.filter((x) => x.captured)} pane={pane} />
      <AllVariables items={v} pane={pane} />
    </div>
  );
}
