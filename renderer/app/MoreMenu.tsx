// The toolbar's "⋯" menu: the exports (the whole graph as PNG at 2×, the current view as PNG, SVG)
// and the buttons the toolbar folds away as the window narrows. Which items show is decided by the
// same CSS media queries that hide their toolbar buttons (styles.css, "fold-"), so each action is
// always reachable exactly once on screen. A <details> menu: keyboard reachable like the View menu.
import { useCallback, useRef, useState } from 'react';
import type { GraphCanvas } from '../canvas/graph-canvas';
import type { AppState } from './app-state';
import type { Explorer } from './explorer';
import { useDismiss } from './use-dismiss';

interface Props {
  state: AppState;
  explorer: Explorer;
  canvas: () => GraphCanvas | null;
  ready: boolean;
}

export function MoreMenu({ state, explorer, canvas, ready }: Props) {
  const menu = useRef<HTMLDetailsElement | null>(null);
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(menu, open, close);
  /** Runs a choice and closes the menu. */
  const choose = (action: () => unknown): void => {
    setOpen(false);
    void action();
  };
  return (
    <details className="menu more-menu" ref={menu} open={open} data-testid="more-menu" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="button icon" aria-label="More: exports and folded buttons" title="Exports and more"
        onClick={(e) => { e.preventDefault(); setOpen((o) => !o); }}>⋯</summary>
      <div className="menu-body">
        <button type="button" className="link" disabled={!ready} data-testid="menu-export-png" onClick={() => choose(() => explorer.exportPng())}>
          Export PNG: the whole graph at 2× <kbd>Ctrl+E</kbd></button>
        <button type="button" className="link" disabled={!ready} data-testid="menu-export-png-view" onClick={() => choose(() => explorer.exportPng(true))}>
          Export PNG: the current view</button>
        <button type="button" className="link" disabled={!ready} data-testid="menu-export-svg" onClick={() => choose(() => explorer.exportSvg())}>
          Export SVG <kbd>Ctrl+Shift+E</kbd></button>
        <hr className="fold-2" />
        <button type="button" className="link fold-2" disabled={!ready} data-testid="menu-fit" onClick={() => choose(() => canvas()?.fit())}>Fit to window <kbd>F</kbd></button>
        <button type="button" className="link fold-3" data-testid="menu-compare" onClick={() => choose(() => explorer.openCompareDialog())}>Compare two graphs… <kbd>Ctrl+D</kbd></button>
        <hr className="fold-4" />
        <button type="button" className="link fold-4" data-testid="menu-theme" onClick={() => choose(() => explorer.setTheme(state.theme === 'light' ? 'dark' : 'light'))}>
          {state.theme === 'light' ? 'Dark theme' : 'Light theme'} <kbd>T</kbd></button>
        <button type="button" className="link fold-4" data-testid="menu-help" onClick={() => choose(() => explorer.setHelp(true))}>Keyboard shortcuts <kbd>?</kbd></button>
      </div>
    </details>
  );
}
