// The Scopes panel's reasons: one sentence per flag, naming the scopes TensorFlow's naming rules
// point at ("`get_variable` ignored `name_scope('ns')`", "`variable_scope('discriminator',
// reuse=True)` re-entered as `discriminator_1`").
import type { ScopeInstance } from './scope-instances';

const SHOWN = 3;

function code(s: string): string {
  return `\`${s}\``;
}

/** `a`, `a` and `b`, `a`, `b`, `c` and 4 more. */
export function listed(items: readonly string[], show: (s: string) => string = code): string {
  const shown = items.slice(0, SHOWN).map(show);
  const more = items.length - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1] as string}`;
}

/** Paths in order, numbered siblings by number (`s_2` before `s_10`). */
function byPath(a: string, b: string): number {
  const ma = /^(.*?)(\d+)$/.exec(a);
  const mb = /^(.*?)(\d+)$/.exec(b);
  if (ma && mb && ma[1] === mb[1]) return Number(ma[2]) - Number(mb[2]);
  return a < b ? -1 : a > b ? 1 : 0;
}

function distinctSorted(items: Iterable<string>): string[] {
  return [...new Set(items)].sort(byPath);
}

const nameScope = (s: string): string => `\`name_scope('${s}')\``;

/** Why a variable sits outside its readers' scopes: the name scope(s) `get_variable` ignored. */
export function outsideReason(name: string, scope: string, readerScopes: readonly string[], instances: readonly ScopeInstance[]): string {
  const readers = listed(readerScopes);
  if (scope === '') {
    const tops = distinctSorted(readerScopes.map((r) => r.slice(0, r.indexOf('/') < 0 ? r.length : r.indexOf('/'))));
    return `\`get_variable\` ignored ${listed(tops, nameScope)}: ${code(name)} lives at the root, its readers in ${readers}`;
  }
  const prefixes = distinctSorted(instances.map((i) => i.prefix).filter((p) => p !== ''));
  if (prefixes.length > 0) return `\`get_variable\` ignored ${listed(prefixes, nameScope)}: ${code(name)} lives in ${code(scope)}, its readers in ${readers}`;
  return `${code(name)} lives in ${code(scope)}, but no reader is in it or in a re-entry of it (readers in ${readers})`;
}

/** The path up to the first segment where `local` differs from `scope`, on both sides. */
function firstDifference(scope: string, local: string): { base: string; reentry: string } {
  const a = scope.split('/');
  const b = local.split('/');
  let k = 0;
  while (k < a.length - 1 && a[k] === b[k]) k++;
  return { base: a.slice(0, k + 1).join('/'), reentry: b.slice(0, k + 1).join('/') };
}

/** Why a variable is shared: the variable scope re-entered with reuse, or entered under other name scopes. */
export function sharedReason(scope: string, instances: readonly ScopeInstance[]): string {
  const sorted = [...instances].sort((x, y) => (x.instance < y.instance ? -1 : x.instance > y.instance ? 1 : 0));
  const parts: string[] = [];
  const reentries = sorted.filter((i) => i.prefix === '' && i.local !== scope).map((i) => firstDifference(scope, i.local));
  if (reentries.length > 0) {
    const base = (reentries[0] as { base: string }).base;
    const leaf = base.slice(base.lastIndexOf('/') + 1);
    parts.push(`\`variable_scope('${leaf}', reuse=True)\` re-entered as ${listed(distinctSorted(reentries.map((r) => r.reentry)))}`);
  }
  const prefixed = sorted.filter((i) => i.prefix !== '');
  if (prefixed.length > 0) {
    const first = scope.slice(0, scope.indexOf('/') < 0 ? scope.length : scope.indexOf('/'));
    parts.push(`\`variable_scope('${first}', reuse=True)\` entered under ${listed(distinctSorted(prefixed.map((i) => i.prefix)), nameScope)}`);
  }
  return parts.join('; ');
}
