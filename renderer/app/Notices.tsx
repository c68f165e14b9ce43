// What the user must know about loading: the progress bar with its stage and Cancel, the load error
// (file and byte offset) and warnings of a partially readable file, app failures and short toasts.
import type { LoadErrorInfo, LoadWarning } from '../../core/io/errors';
import type { AppState, Controller } from './controller';
import { ProgressTrack } from './ProgressTrack';

const where = (x: { file: string; offset: number | null }): string => `${x.file}${x.offset !== null ? ` at byte ${x.offset.toLocaleString()}` : ''}`;

export function ProgressBar({ state, c }: { state: AppState; c: Controller }) {
  const p = state.progress;
  if (!p) return null;
  const pct = p.total > 0 ? Math.min(100, (100 * p.done) / p.total) : null;
  return (
    <div className="progress" role="status" data-testid="progress">
      <span className="stage">{p.stage}{pct !== null ? ` — ${pct.toFixed(0)}%` : '…'}</span>
      <ProgressTrack percent={pct} />
      <button type="button" className="button small" onClick={() => c.cancel()} data-testid="cancel">Cancel</button>
    </div>
  );
}

export function LoadProblems({ error, warnings }: { error: LoadErrorInfo | null; warnings: readonly LoadWarning[] }) {
  if (!error && warnings.length === 0) return null;
  return (
    <div className="problems">
      {error && (
        <div className="banner error" role="alert" data-testid="load-error">
          <strong>Could not read {error.file}</strong> ({error.kind}{error.offset !== null ? `, byte ${error.offset.toLocaleString()}` : ''}): {error.message}
        </div>
      )}
      {warnings.slice(0, 5).map((w, i) => (
        <div key={i} className="banner warning" role="status" data-testid="load-warning">
          <strong>Warning</strong> ({w.kind}) in {where(w)}: {w.message}
        </div>
      ))}
      {warnings.length > 5 && <div className="banner warning">…and {warnings.length - 5} more warnings</div>}
    </div>
  );
}

export function Toasts({ state, c }: { state: AppState; c: Controller }) {
  if (!state.failure && !state.toast) return null;
  return (
    <div className={state.failure ? 'toast error' : 'toast'} role="alert" data-testid="toast">
      <span>{state.failure ?? state.toast}</span>
      <button type="button" className="link" onClick={() => c.dismiss()} aria-label="Dismiss">✕</button>
    </div>
  );
}
