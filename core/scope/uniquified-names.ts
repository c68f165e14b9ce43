// Names TensorFlow split by uniquification: twin variables (`x`, `x_1`, ...) and sibling scopes
// opened by re-entering a scope (`dense`, `dense_1`, ...). Both are "`base` exists, and so do
// siblings `base_N`" under one parent path.
import type { ScopeNames } from './scope-names';

const SUFFIXED = /^(.+)_(\d+)$/;

/** A leaf `base_N` split into `base` and N, as TensorFlow's uniquifier built it; null without `_N`. */
export function splitUniquifier(leaf: string): { base: string; n: number } | null {
  const m = SUFFIXED.exec(leaf);
  return m ? { base: m[1] as string, n: Number(m[2]) } : null;
}

/** `base` of `p/base_N` as the full path `p/base`, or null when the leaf has no `_N` suffix. */
function basePath(path: string): string | null {
  const slash = path.lastIndexOf('/');
  const split = splitUniquifier(path.slice(slash + 1));
  if (!split) return null;
  return `${path.slice(0, slash + 1)}${split.base}`;
}

function suffix(path: string): number {
  return splitUniquifier(path.slice(path.lastIndexOf('/') + 1))?.n ?? -1;
}

/** Groups of paths `[p/base, p/base_N...]` for every base present in `paths`, members in order. */
function groupsOf(paths: Iterable<string>, present: (p: string) => boolean): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const p of paths) {
    const base = basePath(p);
    if (base === null || !present(base)) continue;
    const g = groups.get(base);
    if (g) g.push(p);
    else groups.set(base, [base, p]);
  }
  return groups;
}

/** For each name (by position): the other names that are its uniquified twins, sorted. */
export function uniquifiedTwins(names: readonly string[]): string[][] {
  const set = new Set(names);
  const twins = new Map<string, Set<string>>();
  for (const group of groupsOf(set, (p) => set.has(p)).values()) {
    for (const a of group) {
      let t = twins.get(a);
      if (!t) twins.set(a, (t = new Set()));
      for (const b of group) if (b !== a) t.add(b);
    }
  }
  return names.map((n) => [...(twins.get(n) ?? [])].sort());
}

const SLASH = 47;
const UNDERSCORE = 95;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * Sibling scopes split by re-entry, `[p/s, p/s_1, p/s_2, ...]` per group; groups sorted. Works on
 * the scope table's bytes: `p/s_N`'s base `p/s` is a prefix of its own span, so only scopes whose
 * base exists are ever decoded.
 */
export function reentryGroups(scopes: ScopeNames): string[][] {
  const { starts, ends, count, buf: bytes } = scopes.table;
  const groups = new Map<number, string[]>();
  for (let entry = 0; entry < count; entry++) {
    const s = starts[entry] as number;
    const e = ends[entry] as number;
    let u = e;
    while (u > s && isDigit(bytes[u - 1] as number)) u--;
    u--;
    // Digits, then '_', then a non-empty rest of the leaf.
    if (u === e - 1 || u <= s || bytes[u] !== UNDERSCORE || bytes[u - 1] === SLASH) continue;
    const base = scopes.table.find(bytes, s, u);
    if (base < 0) continue;
    const g = groups.get(base);
    if (g) g.push(scopes.name(entry));
    else groups.set(base, [scopes.name(base), scopes.name(entry)]);
  }
  const out = [...groups.values()];
  for (const g of out) {
    const [head, ...rest] = g;
    rest.sort((a, b) => suffix(a) - suffix(b) || (a < b ? -1 : a > b ? 1 : 0));
    g.splice(0, g.length, head as string, ...rest);
  }
  return out.sort((a, b) => ((a[0] as string) < (b[0] as string) ? -1 : (a[0] as string) > (b[0] as string) ? 1 : 0));
}
