// What the Scopes panel and `scopeview scopes` put first: the user's variables with a flag (reuse,
// get_variable under name_scope, genuine twins), each once with all its flags, and the real
// re-entered scopes; TensorFlow's bookkeeping (bookkeeping.ts) is counted apart.
import { BOOKKEEPING_KINDS, type BookkeepingKind } from './bookkeeping';
import type { ScopesReport, VariableReport } from './variables';

export type Flag = 'shared' | 'outside' | 'twin';

/** The flags of a variable that are findings: none for bookkeeping (slot pairs are no twins). */
export function findingFlags(v: VariableReport): Flag[] {
  if (v.bookkeeping !== null) return [];
  const flags: Flag[] = [];
  if (v.shared) flags.push('shared');
  if (v.outsideReaderScopes) flags.push('outside');
  if (v.twins.length > 0) flags.push('twin');
  return flags;
}

const RANK: Record<Flag, number> = { shared: 0, outside: 1, twin: 2 };

/** The flagged user variables, each once: reuse first, then get_variable under name_scope, then twins; graph order within. */
export function variableFindings(report: ScopesReport): { variable: VariableReport; flags: Flag[] }[] {
  const out = report.variables.map((variable) => ({ variable, flags: findingFlags(variable) })).filter((f) => f.flags.length > 0);
  return out.sort((a, b) => RANK[a.flags[0] as Flag] - RANK[b.flags[0] as Flag]);
}

/** The re-entered scope groups that are not bookkeeping. */
export function realReentries(report: ScopesReport): string[][] {
  return report.reentrySiblings.filter((_, k) => (report.reentryBookkeeping[k] ?? null) === null);
}

export interface BookkeepingGroup {
  kind: BookkeepingKind;
  variables: VariableReport[];
  reentries: string[][];
}

/** TensorFlow's bookkeeping by kind (kinds with nothing left out), in BOOKKEEPING_KINDS order. */
export function bookkeepingGroups(report: ScopesReport): BookkeepingGroup[] {
  const groups = BOOKKEEPING_KINDS.map((kind): BookkeepingGroup => ({ kind, variables: [], reentries: [] }));
  const at = (kind: BookkeepingKind): BookkeepingGroup => groups[BOOKKEEPING_KINDS.indexOf(kind)] as BookkeepingGroup;
  for (const v of report.variables) if (v.bookkeeping) at(v.bookkeeping).variables.push(v);
  report.reentrySiblings.forEach((g, k) => {
    const kind = report.reentryBookkeeping[k];
    if (kind) at(kind).reentries.push(g);
  });
  return groups.filter((g) => g.variables.length > 0 || g.reentries.length > 0);
}

export const BOOKKEEPING_LABELS: Record<BookkeepingKind, string> = {
  'optimizer-slot': 'Optimizer slots',
  'optimizer-state': 'Optimizer state',
  'moving-average': 'Moving averages',
  gradients: 'Gradients',
  'save-restore': 'Save / restore',
};
