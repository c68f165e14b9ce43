// Where the ops of a variable scope land (DESIGN.md §4, "Scope analysis"). Re-entering a scope
// yields `s_1`, `s_2` beside `s`; a path's canonical form drops such a suffix from every segment
// whose base is a sibling scope. A reader scope is an *instance* of a variable's scope S when its
// canonical path is P/S or lies inside it, for some name-scope prefix P (possibly empty).
import { ROOT_SCOPE, type ScopeNames } from '../scope-names';

const SLASH = 47;
const UNDERSCORE = 95;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** An instance of a variable's scope S found in a reader's scope. */
export interface ScopeInstance {
  /** The reader's scope cut after the segments that matched S (`discriminator_1`, `real/discriminator`). */
  readonly instance: string;
  /** The name scope before them ('' when none): what `get_variable` ignored. */
  readonly prefix: string;
  /** `instance` without the prefix: S itself, or a re-entry of it. */
  readonly local: string;
}

/** Canonical paths of scope entries, computed on demand and memoised per entry. */
export class CanonicalScopes {
  private readonly memo: (string | undefined)[];

  constructor(private readonly scopes: ScopeNames) {
    this.memo = new Array<string | undefined>(scopes.count).fill(undefined);
  }

  /** `discriminator_1/conv` → `discriminator/conv` when `discriminator` exists beside it. */
  canonical(entry: number): string {
    if (entry === ROOT_SCOPE) return '';
    let c = this.memo[entry];
    if (c === undefined) {
      const parent = this.canonical(this.scopes.parentOf(entry));
      const name = this.scopes.name(entry);
      const leaf = name.slice(name.lastIndexOf('/') + 1);
      const cut = this.reentrySuffix(entry);
      const canonLeaf = cut > 0 ? leaf.slice(0, leaf.length - cut) : leaf;
      c = parent ? `${parent}/${canonLeaf}` : canonLeaf;
      this.memo[entry] = c;
    }
    return c;
  }

  /** Length of the `_N` suffix of the entry's leaf when its base exists as a sibling scope, else 0. */
  private reentrySuffix(entry: number): number {
    const { starts, ends, buf } = this.scopes.table;
    const s = starts[entry] as number;
    const e = ends[entry] as number;
    let u = e;
    while (u > s && isDigit(buf[u - 1] as number)) u--;
    u--;
    if (u === e - 1 || u <= s || buf[u] !== UNDERSCORE || buf[u - 1] === SLASH) return 0;
    return this.scopes.table.find(buf, s, u) >= 0 ? e - u : 0;
  }

  /**
   * The instance of the scope whose canonical path is `canonS` (non-empty) in reader scope
   * `reader`, taking the shortest prefix when S occurs more than once; null when there is none.
   */
  instanceIn(reader: number, canonS: string): ScopeInstance | null {
    const canonR = this.canonical(reader);
    for (let at = canonR.indexOf(canonS); at >= 0; at = canonR.indexOf(canonS, at + 1)) {
      const end = at + canonS.length;
      if ((at > 0 && canonR.charCodeAt(at - 1) !== SLASH) || (end < canonR.length && canonR.charCodeAt(end) !== SLASH)) continue;
      // Canonical forms keep every segment, so segment counts carry over to the raw path.
      const before = at === 0 ? 0 : segments(canonR.slice(0, at - 1));
      const raw = this.scopes.name(reader).split('/');
      const prefix = raw.slice(0, before).join('/');
      const local = raw.slice(before, before + segments(canonS)).join('/');
      return { instance: prefix ? `${prefix}/${local}` : local, prefix, local };
    }
    return null;
  }
}

function segments(path: string): number {
  let n = 1;
  for (let k = 0; k < path.length; k++) if (path.charCodeAt(k) === SLASH) n++;
  return n;
}

/** `canonR` equals `canonS` or lies inside it; the root holds only itself. */
export function withinPath(canonR: string, canonS: string): boolean {
  if (canonR.length === canonS.length) return canonR === canonS;
  return canonS !== '' && canonR.length > canonS.length && canonR.charCodeAt(canonS.length) === SLASH && canonR.startsWith(canonS);
}
