// Run and graph selection for logdirs and multi-graph files: graphs grouped by run, a graph that
// repeats an earlier one marked as such, and each graph's library functions in a sorted,
// filterable list of their own beside it (a TF2 graph can carry dozens).
import { useCallback, useMemo, useRef, useState } from 'react';
import type { OpenSummary } from '../../core/pipeline/protocol';
import { graphLabel, plural } from './graph-label';
import { useDismiss } from './use-dismiss';

export { graphLabel } from './graph-label';

type Fn = OpenSummary['graphs'][number]['functions'][number];

export function GraphSelector({ opened, graph, fn, onSelect }: { opened: OpenSummary; graph: number; fn: number | null; onSelect: (g: number, f: number | null) => void }) {
  const runs = [...new Set(opened.graphs.map((g) => g.run ?? ''))];
  const current = opened.graphs[graph];
  return (
    <>
      <select className="graph-select" aria-label="Graph" data-testid="graph-select" value={graph}
        onChange={(e) => onSelect(Number(e.currentTarget.value), null)}>
        {runs.map((run) => (
          <optgroup key={run} label={run ? `run ${run}` : opened.name}>
            {opened.graphs.filter((g) => (g.run ?? '') === run).map((g) => (
              <option key={g.index} value={g.index}>{graphLabel(g, false, opened.graphs)}</option>
            ))}
          </optgroup>
        ))}
      </select>
      {current && current.functions.length > 0 && <FunctionPicker fns={current.functions} fn={fn} onPick={(f) => onSelect(graph, f)} />}
    </>
  );
}

/** The library functions of the shown graph: sorted by name, filtered as you type; the graph itself first. */
function FunctionPicker({ fns, fn, onPick }: { fns: readonly Fn[]; fn: number | null; onPick: (f: number | null) => void }) {
  const box = useRef<HTMLDivElement | null>(null);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const close = useCallback(() => setOpen(false), []);
  useDismiss(box, open, close);
  const sorted = useMemo(() => [...fns].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.index - b.index)), [fns]);
  const q = query.trim().toLowerCase();
  const shown = q ? sorted.filter((f) => f.name.toLowerCase().includes(q)) : sorted;
  const current = fns.find((f) => f.index === fn);
  const pick = (f: number | null): void => {
    setOpen(false);
    onPick(f);
  };
  return (
    <div className="menu fn-picker" ref={box} data-testid="function-picker">
      <button type="button" className={current ? 'button active' : 'button'} onClick={() => setOpen((o) => !o)} data-testid="function-button"
        title={current ? `Showing library function ${current.name}` : 'Library functions of this graph'}>
        ƒ {current ? current.name : plural(fns.length, 'function')}
      </button>
      {open && (
        <div className="menu-body fn-list" data-testid="function-list">
          <input type="search" autoFocus placeholder={`Filter ${plural(fns.length, 'function')}`} aria-label="Filter functions" value={query}
            onChange={(e) => setQuery(e.currentTarget.value)} data-testid="function-filter" />
          <button type="button" className={fn === null ? 'link fn current' : 'link fn'} onClick={() => pick(null)} data-testid="function-graph">The graph itself</button>
          <ul>
            {shown.map((f) => (
              <li key={f.index}>
                <button type="button" className={f.index === fn ? 'link fn current' : 'link fn'} onClick={() => pick(f.index)} data-testid="function-option">{f.name}</button>
                <span className="muted"> {plural(f.nodes, 'node')}</span>
              </li>
            ))}
          </ul>
          {shown.length === 0 && <div className="muted">No function matches “{query}”.</div>}
        </div>
      )}
    </div>
  );
}
