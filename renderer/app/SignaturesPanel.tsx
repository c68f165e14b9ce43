// A SavedModel's or MetaGraph's signatures: each one's method, then its inputs and outputs with
// key, tensor, declared dtype and shape. Clicking a tensor opens the scopes holding the op that
// produces it, selects and centres it, and keeps this list shown, as search results do.
import type { SignatureTensorView, SignatureView } from '../../core/pipeline/signatures';
import { describeTensor } from '../../core/graph/tensor-types';
import type { PaneController } from './pane-controller';

function TensorRows({ title, items, pane }: { title: string; items: readonly SignatureTensorView[]; pane: PaneController }) {
  if (items.length === 0) return null;
  return (
    <>
      <h4>{title}</h4>
      <ul className="refs">
        {items.map((t) => (
          <li key={t.key}>
            <span className="sig-key">{t.key}</span>{' '}
            {t.node === null
              ? <span className="muted" title="the graph has no node of this name">{t.tensor} (not in the graph)</span>
              : <button type="button" className="link" title={`${t.op ?? ''} ${t.node}`} onClick={() => void pane.revealByName(t.node as string, true)}>{t.tensor}</button>}
            <span className="tensor"> {describeTensor(t)}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

export function SignaturesPanel({ signatures, pane }: { signatures: readonly SignatureView[]; pane: PaneController }) {
  if (signatures.length === 0) return <p className="muted empty">This graph has no signatures: they come with SavedModels and MetaGraphDefs.</p>;
  return (
    <div className="signatures-panel" data-testid="signatures">
      <p className="muted">{signatures.length} signature{signatures.length === 1 ? '' : 's'}. Click a tensor to select the op producing it.</p>
      {signatures.map((s) => (
        <section key={s.key} data-testid="signature" data-key={s.key}>
          <h3 title={s.methodName}>{s.key}{s.methodName ? <span className="muted method"> {s.methodName}</span> : null}</h3>
          <TensorRows title="Inputs" items={s.inputs} pane={pane} />
          <TensorRows title="Outputs" items={s.outputs} pane={pane} />
        </section>
      ))}
    </div>
  );
}
