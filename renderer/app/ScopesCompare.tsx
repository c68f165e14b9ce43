// Compare mode's Scopes panel: every variable of A and B side by side — where it lives in each,
// whether it moved, was added or removed, and the scope flags of the explorer's Scopes panel.
import type { VariableRow } from '../../core/pipeline/messages';
import type { VariableReport } from '../../core/scope/variables/variables';
import type { CompareController } from './compare-controller';
import { StatusDot } from './DiffList';

const MAX_ROWS = 500;

function Place({ v }: { v: VariableReport | null }) {
  if (!v) return <td className="muted">—</td>;
  const flags = [v.outsideReaderScopes ? 'outside its readers’ scope' : null, v.shared ? 'shared (reuse)' : null, v.twins.length > 0 ? `twin of ${v.twins.join(', ')}` : null].filter(Boolean);
  return (
    <td title={v.name}>
      <div className="var-name">{v.name}</div>
      <div className="muted path">in {v.scope || '(top level)'}{flags.length > 0 ? ` · ${flags.join(' · ')}` : ''}</div>
    </td>
  );
}

export function ScopesCompare({ rows, cmp }: { rows: readonly VariableRow[] | null; cmp: CompareController }) {
  if (!rows) return <p className="muted empty">Pairing the variables of A and B…</p>;
  if (rows.length === 0) return <p className="muted empty">Neither graph has variables.</p>;
  const moved = rows.filter((r) => r.a && r.b && r.a.scope !== r.b.scope).length;
  return (
    <div className="scopes-compare" data-testid="scopes-compare">
      <p className="muted">{rows.length} variable{rows.length === 1 ? '' : 's'}; {moved} in another scope in B. Click a row to show it in both panes.</p>
      <table className="var-table">
        <thead><tr><th aria-label="status" /><th>A</th><th>B</th></tr></thead>
        <tbody>
          {rows.slice(0, MAX_ROWS).map((r, i) => (
            <tr key={i} data-testid="variable-row" data-status={r.status} tabIndex={0} aria-label={`${r.status}: ${r.a?.name ?? '—'} → ${r.b?.name ?? '—'}`}
              onClick={() => void cmp.focusVariable(r)} onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); void cmp.focusVariable(r); } }}>
              <td><StatusDot status={r.status} /></td>
              <Place v={r.a} />
              <Place v={r.b} />
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > MAX_ROWS && <p className="muted">…and {rows.length - MAX_ROWS} more.</p>}
    </div>
  );
}
