// The inspector's "Name" section: each segment of the node's name as a chip coloured by its kind
// (the colours of "colour by scope kind"), with its sentence; the leaf; then the variables the op
// reads, each with its home and its Scopes panel flags. A segment selects its scope, a variable
// selects the variable.
import type { NameSection as Section } from '../../core/pipeline/name-section';
import { cssColour, mix } from '../canvas/palette';
import { KIND_COLOURS, KIND_NAMES } from '../canvas/scope-kinds';
import type { PaneController } from './pane-controller';
import { Reason } from './ScopeFindings';

export function NameSection({ section, pane }: { section: Section; pane: PaneController }) {
  return (
    <section className="name-section" data-testid="inspector-name">
      <h3>Name</h3>
      <ol className="name-parts">
        {section.segments.map((s) => {
          const colour = KIND_COLOURS[s.kind];
          return (
            <li key={s.scope} data-kind={s.kind}>
              <button type="button" className="chip kind-chip" title={`Select scope ${s.scope}`} style={{ borderColor: cssColour(colour), background: cssColour(mix(colour, [255, 255, 255], 0.75)) }} onClick={() => void pane.revealByName(s.scope)}>
                {s.name} <span className="kind-name">{KIND_NAMES[s.kind]}{s.reentryOf !== null ? ' · re-entry' : ''}</span>
              </button>
              <Reason text={s.sentence} />
            </li>
          );
        })}
        {section.leaf && (
          <li data-kind={`leaf-${section.leaf.kind}`}>
            <span className="chip kind-chip leaf">{section.leaf.name} <span className="kind-name">{section.leaf.kind}{section.leaf.uniquifiedFrom !== null ? ' · uniquified' : ''}</span></span>
            <Reason text={section.leaf.sentence} />
          </li>
        )}
      </ol>
      {section.reads.length > 0 && (
        <>
          <h3>Reads <span className="muted">({section.reads.length})</span></h3>
          <ul className="refs" data-testid="inspector-reads">
            {section.reads.map((r) => (
              <li key={r.variable}>
                <button type="button" className="link" title={`Select variable ${r.variable}`} onClick={() => void pane.revealByName(r.variable)}>{r.variable}</button>
                <div className="path muted">home {r.home === '' ? '(top level)' : r.home}{r.flags.length > 0 ? ` · ${r.flags.join(' · ')}` : ''}</div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
