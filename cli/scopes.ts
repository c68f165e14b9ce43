// `scopeview scopes`: the variable report of core/scope/variables/variables.ts as JSON (the exact shape of
// issue 3) or as a readable summary: the findings first, each variable once, TensorFlow's bookkeeping counted last.
import type { ScopesReport, VariableReport } from '../core/scope/variables/variables';
import { BOOKKEEPING_LABELS, bookkeepingGroups, realReentries, variableFindings, type Flag } from '../core/scope/variables/findings';

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
      bookkeeping: v.bookkeeping,
      slotOf: v.slotOf,
    })),
    reentrySiblings: report.reentrySiblings,
    reentryBookkeeping: report.reentryBookkeeping,
  };
}

function section(title: string, items: readonly string[], maxLines: number): string[] {
  if (items.length === 0) return [];
  const lines = [`${title} (${items.length}):`, ...items.slice(0, maxLines).map((s) => `  ${s}`)];
  if (items.length > maxLines) lines.push(`  … ${items.length - maxLines} more`);
  return lines;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One line per kind of TensorFlow bookkeeping, counted, never listed as findings. */
function bookkeepingLines(report: ScopesReport): string[] {
  const groups = bookkeepingGroups(report);
  if (groups.length === 0) return [];
  const count = groups.reduce((n, g) => n + g.variables.length, 0);
  const scopes = groups.reduce((n, g) => n + g.reentries.length, 0);
  return [
    `TensorFlow bookkeeping (${plural(count, 'variable')}, ${plural(scopes, 'numbered scope group')}; made this way on purpose, not findings):`,
    ...groups.map((g) => `  ${BOOKKEEPING_LABELS[g.kind]}: ${plural(g.variables.length, 'variable')}, ${plural(g.reentries.length, 'scope group')}`),
  ];
}

const FLAG_WORDS: Record<Flag, string> = { shared: 'shared (reuse=True)', outside: 'outside its readers\' scopes', twin: 'uniquified twin' };

/** A finding: the variable once, its flags, then each reason (and its twins) on a line of its own. */
function findingLines(v: VariableReport, flags: readonly Flag[]): string[] {
  const lines = [`${v.name}  [${flags.map((f) => FLAG_WORDS[f]).join(', ')}]`, ...v.reasons.map((r) => `    ${r}`)];
  if (v.twins.length > 0) lines.push(`    twins ${v.twins.join(', ')}: two variables were created under one name`);
  return lines;
}

export function scopesText(report: ScopesReport, maxLines = 30): string {
  const findings = variableFindings(report);
  const captured = report.variables.filter((v) => v.captured).length;
  const count = (flag: Flag): number => findings.filter((f) => f.flags.includes(flag)).length;
  const reentries = realReentries(report);
  const shown = findings.slice(0, maxLines);
  const lines = [
    `${report.variables.length} variables${captured > 0 ? ` (${captured} captured handles)` : ''}: ${count('outside')} outside their readers' scopes, ${count('shared')} shared, ${count('twin')} with uniquified twins; ${reentries.length} re-entered scopes`,
    ...(findings.length > 0 ? [`findings (${findings.length}), reuse first:`, ...shown.flatMap((f) => findingLines(f.variable, f.flags).map((l) => `  ${l}`))] : []),
    ...(findings.length > shown.length ? [`  … ${findings.length - shown.length} more`] : []),
    ...section('re-entered scopes', reentries.map((g) => g.join(', ')), maxLines),
    ...bookkeepingLines(report),
  ];
  return lines.join('\n');
}
