// The toolbar's View menu: the scope engine's toggles and the expansion commands (expand all, to a
// depth, the top level, collapse all). It closes after a choice, on Escape and on a click outside,
// so it never stays open over the inspector.
import { useEffect, useRef, useState } from 'react';
import type { AppState, PaneController } from './pane-controller';

export function ViewMenu({ state, pane, ready }: { state: AppState; pane: PaneController; ready: boolean }) {
  const menu = useRef<HTMLDetailsElement | null>(null);
  const [open, setOpen] = useState(false);
  const [depth, setDepth] = useState(2);
  useEffect(() => {
    if (!open) return;
    const outside = (ev: PointerEvent): void => {
      if (menu.current && !menu.current.contains(ev.target as Node)) setOpen(false);
    };
    // Escape inside the menu is handled by onKeyDown below, which needs no effect to have run yet.
    const escape = (ev: KeyboardEvent): void => {
      if (ev.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', outside, true);
    document.addEventListener('keydown', escape, true);
    return () => {
      document.removeEventListener('pointerdown', outside, true);
      document.removeEventListener('keydown', escape, true);
    };
  }, [open]);
  /** Runs a choice and closes the menu. */
  const choose = (action: () => unknown): void => {
    setOpen(false);
    void action();
  };
  const o = state.options;
  const valid = Number.isInteger(depth) && depth >= 1;
  return (
    <details className="menu" ref={menu} open={open} data-testid="view-menu" onToggle={(e) => setOpen(e.currentTarget.open)}
      onKeyDown={(e) => { if (e.key === 'Escape') setOpen(false); }}>
      {/* Opened from state, not by the browser's own toggle: that toggle reports itself in a later
          task, and an Escape arriving before it left the menu open. */}
      <summary className="button" onClick={(e) => { e.preventDefault(); setOpen((o) => !o); }}>View</summary>
      <div className="menu-body">
        <label><input type="checkbox" checked={o.series} disabled={!ready} onChange={(e) => choose(() => pane.setOptions({ series: e.currentTarget.checked }))} /> Group numbered series</label>
        <label><input type="checkbox" checked={o.extraction} disabled={!ready} onChange={(e) => choose(() => pane.setOptions({ extraction: e.currentTarget.checked }))} /> Extract auxiliary nodes</label>
        <label><input type="checkbox" checked={o.mergeReentry} disabled={!ready} onChange={(e) => choose(() => pane.setOptions({ mergeReentry: e.currentTarget.checked }))} /> Merge re-entered scopes (dense, dense_1)</label>
        <label><input type="checkbox" checked={state.edgeLabels} disabled={!ready} data-testid="edge-labels" onChange={(e) => choose(() => pane.setEdgeLabels(e.currentTarget.checked))} /> Tensor shapes on edges</label>
        <hr />
        <button type="button" className="link" disabled={!ready} data-testid="expand-all" onClick={() => choose(() => pane.expandTo(null))}>Expand all <kbd>E</kbd></button>
        <button type="button" className="link" disabled={!ready} data-testid="expand-top" onClick={() => choose(() => pane.expandTo(1))}>Expand the top level</button>
        <form className="depth" onSubmit={(e) => { e.preventDefault(); if (valid) choose(() => pane.expandTo(depth)); }}>
          <button type="submit" className="link" disabled={!ready || !valid} data-testid="expand-depth">Expand to depth</button>
          <input type="number" min={1} max={99} step={1} value={Number.isNaN(depth) ? '' : depth} aria-label="Depth to expand to" data-testid="expand-depth-n"
            disabled={!ready} onChange={(e) => setDepth(e.currentTarget.valueAsNumber)} />
        </form>
        <button type="button" className="link" disabled={!ready} data-testid="collapse-all" onClick={() => choose(() => pane.collapseAll())}>Collapse all <kbd>Shift+E</kbd></button>
      </div>
    </details>
  );
}
