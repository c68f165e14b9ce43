// Search results with their scope path; choosing one opens its scopes, centres it and selects it.
import type { SearchReply } from '../../core/pipeline/protocol';
import type { Controller } from './controller';

export function SearchPanel({ results, query, c }: { results: SearchReply | null; query: string; c: Controller }) {
  if (!query.trim()) return <p className="muted empty">Type in the search box: plain text, <code>/regex/</code>, <code>op:Conv2D</code> or <code>attr:float</code>.</p>;
  if (!results) return <p className="muted empty">Searching…</p>;
  if (results.error) return <p className="error-text" role="alert">{results.error}</p>;
  return (
    <div className="search-results" data-testid="search-results">
      <p className="muted">{results.total.toLocaleString()} match{results.total === 1 ? '' : 'es'}{results.truncated ? `, first ${results.entries.length} shown` : ''} · {results.ms.toFixed(0)} ms</p>
      <ul className="refs">
        {results.entries.map((e, i) => (
          <li key={`${e.name}:${i}`}>
            <button type="button" className="link result" title={e.name} onClick={() => void c.reveal(e.target, e.expand, e.embedded)}>
              {e.name.slice(e.name.lastIndexOf('/') + 1)}
            </button>
            <span className="muted"> {e.op}</span>
            <div className="path muted">{e.scopePath.length ? e.scopePath[e.scopePath.length - 1] : '(top level)'}</div>
          </li>
        ))}
      </ul>
    </div>
  );
}
