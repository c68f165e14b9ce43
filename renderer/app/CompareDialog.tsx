// Compare…: picks the two sides — each a file or folder from disk (file inputs or a drop), or the
// input already open, with a graph of it (two runs or tags of one logdir are two graphs of it).
import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { OpenSummary } from '../../core/pipeline/protocol';
import { fromDataTransfer, fromFileList } from '../host/drop-files';
import type { OpenedInput } from '../host/host';
import { graphLabel } from './GraphSelector';
import { useEscape } from './use-escape';

export interface Current {
  readonly input: OpenedInput;
  readonly opened: OpenSummary;
  readonly graph: number;
}

interface Side {
  readonly input: OpenedInput;
  /** A graph of the open input, or null: the first of a file picked here. */
  readonly graph: number | null;
}

function SidePicker({ label, testid, side, current, onPick }: { label: string; testid: string; side: Side | null; current: Current | null; onPick: (s: Side) => void }) {
  const [over, setOver] = useState(false);
  const take = (el: HTMLInputElement, folder: boolean): void => {
    const input = fromFileList(el.files, folder);
    el.value = '';
    if (input) onPick({ input, graph: null });
  };
  const onDrop = async (ev: DragEvent): Promise<void> => {
    ev.preventDefault();
    ev.stopPropagation();
    setOver(false);
    const input = await fromDataTransfer(ev.dataTransfer);
    if (input) onPick({ input, graph: null });
  };
  const usesCurrent = current !== null && side?.input === current.input;
  return (
    <section className={over ? 'compare-side over' : 'compare-side'} data-testid={`${testid}-side`}
      onDragOver={(e) => { e.preventDefault(); e.stopPropagation(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={(e) => void onDrop(e)}>
      <h3>{label}</h3>
      <p className="picked" data-testid={`${testid}-name`}>{side ? side.input.name : <span className="muted">Drop a file or folder here, or choose one</span>}</p>
      <div className="row">
        <label className="button">File…
          <input className="visually-hidden" type="file" data-testid={`${testid}-file`} onChange={(e) => take(e.currentTarget, false)} />
        </label>
        <label className="button">Folder…
          <input className="visually-hidden" type="file" multiple data-testid={`${testid}-folder`} {...{ webkitdirectory: '' }} onChange={(e) => take(e.currentTarget, true)} />
        </label>
        {current && (
          <button type="button" className={usesCurrent ? 'button active' : 'button'} onClick={() => onPick({ input: current.input, graph: current.graph })}>Use the open one</button>
        )}
      </div>
      {usesCurrent && current.opened.graphs.length > 1 && (
        <label className="field">Graph
          <select value={side?.graph ?? 0} data-testid={`${testid}-graph`} onChange={(e) => onPick({ input: current.input, graph: Number(e.currentTarget.value) })}>
            {current.opened.graphs.map((g) => <option key={g.index} value={g.index}>{graphLabel(g)}</option>)}
          </select>
        </label>
      )}
    </section>
  );
}

export function CompareDialog({ current, onCompare, onClose }: { current: Current | null; onCompare: (a: Side, b: Side) => void; onClose: () => void }) {
  const [a, setA] = useState<Side | null>(current ? { input: current.input, graph: current.graph } : null);
  // With a logdir (or any input of several graphs) open, B starts on the next run's graph: two runs side by side.
  const [b, setB] = useState<Side | null>(() => {
    const graphs = current?.opened.graphs ?? [];
    if (!current || graphs.length < 2) return null;
    const run = graphs[current.graph]?.run ?? null;
    const next = graphs.find((g) => g.index > current.graph && g.run !== run && g.source === graphs[current.graph]?.source) ?? graphs[(current.graph + 1) % graphs.length];
    return next ? { input: current.input, graph: next.index } : null;
  });
  const go = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  // Focus starts in the dialog (on Compare when both sides are set), so keys reach it at once.
  useEffect(() => {
    if (go.current && !go.current.disabled) go.current.focus();
    else dialog.current?.querySelector<HTMLElement>('input, button')?.focus();
  }, []);
  useEscape(onClose);
  return (
    <div className="overlay" onClick={onClose}>
      <div ref={dialog} className="dialog compare-dialog" role="dialog" aria-modal="true" aria-label="Compare two graphs" data-testid="compare-dialog" onClick={(e) => e.stopPropagation()}>
        <h2>Compare two graphs</h2>
        <p className="muted">Scopeview matches the nodes of A and B (by name, then across renamed scopes, then by structure) and shows what was added, removed, moved, renamed or changed.</p>
        <div className="compare-sides">
          <SidePicker label="A (before)" testid="compare-a" side={a} current={current} onPick={setA} />
          <SidePicker label="B (after)" testid="compare-b" side={b} current={current} onPick={setB} />
        </div>
        <div className="row end">
          <button type="button" className="button" onClick={onClose}>Cancel</button>
          <button ref={go} type="button" className="button primary" disabled={!a || !b} data-testid="compare-go" onClick={() => a && b && onCompare(a, b)}>Compare</button>
        </div>
      </div>
    </div>
  );
}
