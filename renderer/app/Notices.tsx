// What the user must know about loading: the progress bar with its stage and Cancel, the load error
// (file and byte offset) and warnings of a partially readable file, app failures and short toasts.
import { useState } from 'react';
import type { LoadErrorInfo, LoadWarning } from '../../core/io/errors';
import type { AppState, PaneController } from './pane-controller';
import { ProgressTrack } from './ProgressTrack';

const where = (x: { file: string; offset: number | null }): string => `${x.file}${x.offset !== null ? ` at byte ${x.offset.toLocaleString()}` : ''}`;

export function ProgressBar({ state, onCancel }: { state: AppState; onCancel: () => void }) {
  const p = state.progress;
  if (!p) return null;
  const pct = p.total > 0 ? Math.min(100, (100 * p.done) / p.total) : null;
  return (
    <div className="progress" role="status" data-testid="progress">
      <span className="stage">{p.stage}{pct !== null ? ` — ${pct.toFixed(0)}%` : '…'}</span>
      <ProgressTrack percent={pct} />
      <button type="button" className="button small" onClick={onCancel} data-testid="cancel">Cancel</button>
    </div>
  );
}

/**
 * The load error and warnings. An error leads with what happened in a user's terms, its kind,
 * file, offset and the decoder's own words on a detail line. A truncated log says that the graphs
 * shown were read whole (a graph is one record, never half-read) and what is missing. Warnings
 * can be dismissed; a new file brings its own.
 */
export function LoadProblems({ error, warnings }: { error: LoadErrorInfo | null; warnings: readonly LoadWarning[] }) {
  const [dismissed, setDismissed] = useState<{ of: readonly LoadWarning[]; n: number }>({ of: warnings, n: 0 });
  const hidden = dismissed.of === warnings ? dismissed.n : 0;
  const shown = warnings.slice(hidden);
  if (!error && shown.length === 0) return null;
  return (
    <div className="problems">
      {error && (
        <div className="banner error" role="alert" data-testid="load-error">
          <strong>{error.kind === 'unknown-format' ? error.message : `Could not read ${error.file}: ${error.message}`}</strong>
          <div className="detail">{error.kind} in {where(error)}{error.detail ? `: ${error.detail}` : ''}</div>
        </div>
      )}
      {shown.length > 0 && (
        <div className="banner warning" role="status" data-testid="load-warning">
          <button type="button" className="link dismiss" aria-label="Dismiss the warnings" data-testid="dismiss-warnings"
            onClick={() => setDismissed({ of: warnings, n: warnings.length })}>✕</button>
          {shown.slice(0, 5).map((w, i) => <WarningLine key={i} w={w} />)}
          {shown.length > 5 && <div>…and {shown.length - 5} more warnings</div>}
        </div>
      )}
    </div>
  );
}

function WarningLine({ w }: { w: LoadWarning }) {
  if (w.kind !== 'truncated') return <div><strong>Warning</strong> ({w.kind}) in {where(w)}: {w.message}</div>;
  return (
    <div>
      <strong>Truncated file:</strong> {w.file} is cut short at byte {w.offset?.toLocaleString() ?? '?'} (it was probably still being written).{' '}
      The graph shown is complete: a graph is stored whole in one record, and every graph listed was read before the cut.
      Whatever came after the cut (later steps, perhaps another graph) is missing.
      <div className="detail">{w.message}</div>
    </div>
  );
}

export function Toasts({ state, pane }: { state: AppState; pane: PaneController }) {
  if (!state.failure && !state.toast) return null;
  return (
    <div className={state.failure ? 'toast error' : 'toast'} role="alert" data-testid="toast">
      <span>{state.failure ?? state.toast}</span>
      <button type="button" className="link" onClick={() => pane.dismiss()} aria-label="Dismiss">✕</button>
    </div>
  );
}
