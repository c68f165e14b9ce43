// How selectors name a graph: its source, run, tag and step, its size in correct plurals, and the
// earlier graph it repeats (a meta_graph_def holding the graph_def again).
import type { OpenSummary } from '../../core/pipeline/protocol';

type Entry = OpenSummary['graphs'][number];

let numbers: Intl.NumberFormat | null = null;

/** "1 node", "2 nodes". One formatter for all: `toLocaleString` makes one a call, milliseconds each, and selectors render often while a file opens. */
export function plural(n: number, one: string, many = `${one}s`): string {
  numbers ??= new Intl.NumberFormat();
  return `${numbers.format(n)} ${n === 1 ? one : many}`;
}

const sourceName = (g: Entry): string => g.source.replace(/_/g, ' ');

/** A graph as the selectors list it: source, run · tag · step, size; `withRun` false under a run's own heading. */
export function graphLabel(g: Entry, withRun = true, all: readonly Entry[] = []): string {
  const where = [withRun ? g.run : null, g.tag, g.step !== null ? `step ${g.step}` : null].filter((x) => x !== null && x !== '').join(' · ');
  const same = g.sameAs !== null && g.sameAs !== undefined ? all[g.sameAs] : undefined;
  return `${sourceName(g)}${where ? ` — ${where}` : ''} (${plural(g.nodes, 'node')})${same ? ` · same graph as the ${sourceName(same)}` : ''}`;
}

