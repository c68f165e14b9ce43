// The keyboard shortcut overlay (press ?).
import { SHORTCUTS } from './shortcuts';

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  return (
    <div className="overlay" role="dialog" aria-label="Keyboard shortcuts" onClick={onClose} data-testid="help">
      <div className="dialog" onClick={(e) => e.stopPropagation()}>
        <h2>Keyboard shortcuts</h2>
        <table><tbody>
          {SHORTCUTS.map((s) => <tr key={`${s.keys} ${s.action}`}><th><kbd>{s.keys}</kbd></th><td>{s.action}</td></tr>)}
        </tbody></table>
        <p className="muted">Mouse: drag to pan, wheel or pinch to zoom, click to select, double-click a scope to open or close it.</p>
        <button type="button" className="button" onClick={onClose}>Close</button>
      </div>
    </div>
  );
}
