// Search results with their scope path. Choosing one (click, Enter / Shift+Enter in the search box,
// N / Shift+N, arrow keys in the list) opens its scopes, centres and selects it, and keeps the list
// shown so that the next result is one key away. Scopes named after the text come first.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { SearchEntry, SearchReply } from '../../core/pipeline/protocol';
import type { PaneController } from './pane-controller';

function kindOf(e: SearchEntry): string {
  return e.field === 'scope' ? 'scope' : (e.op ?? '');
}

export function SearchPanel({ results, query, cursor, pane }: { results: SearchReply | null; query: string; cursor: number; pane: PaneController }) {
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const el = list.current?.querySelector<HTMLElement>('li[aria-current="true"]');
    el?.scrollIntoView({ block: 'nearest' });
  }, [cursor, results]);
  if (!query.trim()) return <p className="muted empty">Type in the search box: plain text, <code>/regex/</code>, <code>op:Conv2D</code> or <code>attr:float</code>.</p>;
  if (!results) return <p className="muted empty">Searching…</p>;
  if (results.error) return <p className="error-text" role="alert">{results.error}</p>;
  const n = results.entries.length;
  const onKey = (ev: KeyboardEvent<HTMLUListElement>): void => {
    const delta = ev.key === 'ArrowDown' ? 1 : ev.key === 'ArrowUp' ? -1 : 0;
    if (delta === 0) return;
    // The list's own keys: the canvas would pan on them otherwise.
    ev.preventDefault();
    ev.stopPropagation();
    void pane.stepResult(delta).then(() => list.current?.querySelector<HTMLElement>('li[aria-current="true"] button')?.focus());
  };
  return (
    <div className="search-results" data-testid="search-results">
      <p className="muted">
        {results.total.toLocaleString('en-US')} match{results.total === 1 ? '' : 'es'}{results.truncated ? `, first ${n.toLocaleString('en-US')} shown` : ''}
        {cursor >= 0 && cursor < n ? <span data-testid="search-position"> · {cursor + 1} of {n.toLocaleString('en-US')}</span> : null} · {results.ms.toFixed(0)} ms
      </p>
      <p className="muted hint">Enter / Shift+Enter or N / Shift+N: next / previous; ↑ ↓ in the list.</p>
      <ul className="refs" ref={list} onKeyDown={onKey}>
        {results.entries.map((e, i) => (
          <li key={`${e.field}:${e.node}:${e.name}:${i}`} aria-current={i === cursor ? 'true' : undefined} className={i === cursor ? 'current' : undefined}>
            <button type="button" className="link result" title={e.name} onClick={() => void pane.goToResult(i)}>
              {e.name.slice(e.name.lastIndexOf('/') + 1)}
            </button>
            <span className={e.field === 'scope' ? 'kind-scope' : 'muted'}> {kindOf(e)}</span>
            <div className="path muted">{e.scopePath.length ? e.scopePath[e.scopePath.length - 1] : '(top level)'}</div>
          </li>
        ))}
      </ul>
      {results.truncated && (
        <button type="button" className="more" data-testid="search-more" onClick={() => void pane.showMoreResults()}>
          Show more ({(results.total - n).toLocaleString('en-US')} not shown)
        </button>
      )}
    </div>
  );
}
