// Which boxes on the canvas stand for the search results, to outline them all: the result's own
// box when its scopes are open, else the outermost closed scope holding it.
import type { SearchReply } from '../../core/pipeline/protocol';

export function searchMatches(results: SearchReply | null, expanded: readonly string[]): ReadonlySet<number> | null {
  if (!results || results.entries.length === 0) return null;
  const open = new Set(expanded);
  const out = new Set<number>();
  for (const e of results.entries) {
    const closed = e.expand.findIndex((name) => !open.has(name));
    out.add(closed < 0 ? e.target : (e.expandIds[closed] as number));
  }
  return out;
}
