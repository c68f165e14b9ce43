// `scopeview scopes`: the variable report of core/scope/variables.ts as JSON (the exact shape of
// issue 3) or as a readable summary that puts the surprising cases first.
import type { ScopesReport, VariableReport } from '../core/scope/variables';

/** The JSON document: keys in the documented order, whatever order the report was built in. */
export function scopesJson(report: ScopesReport): ScopesReport {
  return {
    variables: report.variables.map((v) => ({
      name: v.name,
      op: v.op,
      scope: v.scope,
      readerScopes: v.readerScopes,
      outsideReaderScopes: v.outsideReaderScopes,
      shared: v.shared,
      twins: v.twins,
      reasons: v.reasons,
      captured: v.captured,
    })),
    reentrySiblings: report.reentrySiblings,
  };
}

/** The reason given for one flag: outside comes first in `reasons` when both are set. */
function reason(v: VariableReport, flag: 'outside' | 'shared'): string {
  return (flag === 'shared' && v.outsideReaderScopes ? v.reasons[1] : v.reasons[0]) ?? '';
}

function section(title: string, items: readonly string[], maxLines: number): string[] {
  if (items.length === 0) return [];
  const lines = [`${title} (${items.length}):`, ...items.slice(0, maxLines).map((s) => `  ${s}`)];
  if (items.length > maxLines) lines.push(`  … ${items.length - maxLines} more`);
  return lines;
}

export function scopesText(report: ScopesReport, maxLines = 30): string {
  const vs = report.variables;
  const outside = vs.filter((v) => v.outsideReaderScopes);
  const shared = vs.filter((v) => v.shared);
  const twins = vs.filter((v) => v.twins.length > 0);
  const captured = vs.filter((v) => v.captured).length;
  const lines = [
    `${vs.length} variables${captured > 0 ? ` (${captured} captured handles)` : ''}: ${outside.length} outside their readers' scopes, ${shared.length} shared, ${twins.length} with uniquified twins; ${report.reentrySiblings.length} re-entered scopes`,
    ...section('outside their readers\' scopes (get_variable under name_scope)', outside.map((v) => `${v.name}: ${reason(v, 'outside')}`), maxLines),
    ...section('shared across scopes (reuse=True)', shared.map((v) => `${v.name}: ${reason(v, 'shared')}`), maxLines),
    ...section('uniquified twins', twins.map((v) => `${v.name}  twins ${v.twins.join(', ')}`), maxLines),
    ...section('re-entered scopes', report.reentrySiblings.map((g) => g.join(', ')), maxLines),
  ];
  return lines.join('\n');
}
