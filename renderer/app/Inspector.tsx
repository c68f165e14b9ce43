// The node inspector: name, op, device, decoded attributes, and inputs / outputs (control
// dependencies apart) as lists whose entries select and reveal that node; the ops drawn inside an
// op, and for such an embedded op every op it is drawn inside.
import type { EmbeddedRef, NodeDetails, NodeRef } from '../../core/pipeline/protocol';
import type { PaneController } from './pane-controller';
import { NameSection } from './NameSection';

function RefList({ title, items, pane, testId }: { title: string; items: readonly (NodeRef & { slot?: string; tensor?: string })[]; pane: PaneController; testId?: string }) {
  if (items.length === 0) return null;
  return (
    <section data-testid={testId}>
      <h3>{title} <span className="muted">({items.length})</span></h3>
      <ul className="refs">
        {items.map((r, i) => (
          <li key={`${r.name}:${i}`}>
            <button type="button" className="link" title={r.name} onClick={() => void pane.revealByName(r.name)}>{r.name}</button>
            <span className="muted"> {r.op}{r.slot ? ` · ${r.slot}` : ''}</span>
            {r.tensor && <span className="tensor">{r.tensor}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function EmbeddedList({ items, host, pane }: { items: readonly EmbeddedRef[]; host: number; pane: PaneController }) {
  if (items.length === 0) return null;
  return (
    <section data-testid="inspector-embedded">
      <h3>Drawn inside this op <span className="muted">({items.length})</span></h3>
      <ul className="refs">
        {items.map((r) => (
          <li key={r.graphNode}>
            <button type="button" className="link" title={r.name} onClick={() => void pane.select(host, r.graphNode)}>{r.name}</button>
            <span className="muted"> {r.op}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Inspector({ details, pane, traced }: { details: NodeDetails | null; pane: PaneController; traced: string | null }) {
  if (!details) return <p className="muted empty">Click a node to inspect it. Double-click a scope to open it.</p>;
  const d = details;
  return (
    <div className="inspector" data-testid="inspector">
      <h2 className="node-name" title={d.name}>{d.name}</h2>
      <dl>
        <dt>kind</dt><dd>{d.drawnIn.length > 0 ? 'op, drawn inside its hosts' : d.kind}</dd>
        {d.op && (<><dt>op</dt><dd data-testid="inspector-op">{d.op}</dd></>)}
        {d.device && (<><dt>device</dt><dd>{d.device}</dd></>)}
        {d.kind !== 'op' && (<><dt>ops inside</dt><dd>{d.opCount.toLocaleString()}</dd></>)}
        {d.template && d.templateSize > 1 && (<><dt>structure</dt><dd>same as {d.templateSize - 1} other scope{d.templateSize > 2 ? 's' : ''} ({d.template})</dd></>)}
      </dl>
      <div className="row">
        <button type="button" className="button small" onClick={() => void pane.trace('inputs')} title="Trace inputs (I)">Trace inputs</button>
        <button type="button" className="button small" onClick={() => void pane.trace('outputs')} title="Trace outputs (O)">Trace outputs</button>
        {traced && <button type="button" className="button small" onClick={() => pane.clearTrace()}>Clear trace</button>}
      </div>
      {traced && <p className="muted">{traced}</p>}
      {d.nameSection && <NameSection section={d.nameSection} pane={pane} />}
      {d.histogram.length > 0 && (
        <section>
          <h3>Op types</h3>
          <table className="histogram"><tbody>
            {d.histogram.map((h) => <tr key={h.op}><td>{h.op}</td><td className="num">{h.count}</td></tr>)}
          </tbody></table>
        </section>
      )}
      {d.attrs.length > 0 && (
        <section>
          <h3>Attributes</h3>
          <table className="attrs"><tbody>
            {d.attrs.map((a) => <tr key={a.key}><th>{a.key}</th><td>{a.value}</td></tr>)}
          </tbody></table>
        </section>
      )}
      {d.outputTensors.length > 0 && (
        <section data-testid="inspector-tensors">
          <h3>Output tensors</h3>
          <table className="attrs"><tbody>
            {d.outputTensors.map((t) => <tr key={t.slot}><th>:{t.slot}</th><td>{t.tensor}</td></tr>)}
          </tbody></table>
        </section>
      )}
      <RefList title="Inputs" items={d.inputs} pane={pane} testId="inspector-inputs" />
      <RefList title="Outputs" items={d.outputs} pane={pane} testId="inspector-outputs" />
      <RefList title="Control inputs" items={d.controlInputs} pane={pane} />
      <RefList title="Control outputs" items={d.controlOutputs} pane={pane} />
      <EmbeddedList items={d.embedded} host={d.node} pane={pane} />
      <RefList title="Drawn inside" items={d.drawnIn} pane={pane} />
    </div>
  );
}
