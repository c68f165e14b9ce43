// Run, tag and graph selection for logdirs and multi-graph files, with library functions listed
// under their graph.
import type { OpenSummary } from '../../core/pipeline/protocol';

/** A graph as the selectors list it: source, run · tag · step, size. */
export function graphLabel(g: OpenSummary['graphs'][number]): string {
  const where = [g.run, g.tag, g.step !== null ? `step ${g.step}` : null].filter((x) => x !== null && x !== '').join(' · ');
  return `${g.source.replace(/_/g, ' ')}${where ? ` — ${where}` : ''} (${g.nodes.toLocaleString()} nodes)`;
}

export function GraphSelector({ opened, graph, fn, onSelect }: { opened: OpenSummary; graph: number; fn: number | null; onSelect: (g: number, f: number | null) => void }) {
  const runs = [...new Set(opened.graphs.map((g) => g.run ?? ''))];
  const value = `${graph}:${fn ?? ''}`;
  return (
    <select className="graph-select" aria-label="Graph" data-testid="graph-select" value={value}
      onChange={(e) => {
        const [g, f] = e.currentTarget.value.split(':');
        onSelect(Number(g), f ? Number(f) : null);
      }}>
      {runs.map((run) => (
        <optgroup key={run} label={run ? `run ${run}` : opened.name}>
          {opened.graphs.filter((g) => (g.run ?? '') === run).flatMap((g) => [
            <option key={`${g.index}:`} value={`${g.index}:`}>{graphLabel(g)}</option>,
            ...g.functions.map((f) => (
              <option key={`${g.index}:${f.index}`} value={`${g.index}:${f.index}`}>{'\u2003ƒ '}{f.name} ({f.nodes} nodes)</option>
            )),
          ])}
        </optgroup>
      ))}
    </select>
  );
}
