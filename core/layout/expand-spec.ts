// Which scopes to open for a `--expand all|none|REGEX` request (CLI and export): a regex opens the
// scopes whose names match it, with their ancestors, so that what matched is actually visible.
import { H_SCOPE } from '../scope/hierarchy';
import type { Hierarchy } from '../scope/hierarchy';

export function expandedBySpec(h: Hierarchy, spec: string): Set<number> | { error: string } {
  const out = new Set<number>();
  if (spec === 'none') return out;
  let test: (name: string) => boolean;
  if (spec === 'all') test = () => true;
  else {
    try {
      const re = new RegExp(spec);
      test = (name) => re.test(name);
    } catch (err) {
      return { error: `--expand: '${spec}' is not a valid regular expression (${err instanceof Error ? err.message : String(err)})` };
    }
  }
  for (let x = 1; x < h.count; x++) {
    if (h.kind[x] !== H_SCOPE || !test(h.name(x))) continue;
    for (let a = x; a > 0 && !out.has(a); a = h.parent[a] as number) out.add(a);
  }
  return out;
}
