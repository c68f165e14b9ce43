// Global key handling for the explorer and compare mode (see shortcuts.ts for the list shown to users).
import { useEffect } from 'react';
import { COLOUR_MODES } from '../../core/pipeline/scene';
import type { GraphCanvas } from '../canvas/graph-canvas';
import { canvasKey } from './canvas-keys';
import { handleCompareKey } from './compare-shortcuts';
import type { Explorer } from './explorer';

export function useShortcuts(explorer: Explorer, canvas: () => GraphCanvas | null, openFile: () => void, openFolder: () => void, focusSearch: () => void): void {
  useEffect(() => {
    const onKey = (ev: KeyboardEvent): void => {
      const target = ev.target as HTMLElement | null;
      const typing = target !== null && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA');
      const mod = ev.ctrlKey || ev.metaKey;
      const s = explorer.getState();
      const { pane } = explorer;
      const k = ev.key;
      if (s.compareDialog) return;
      if (mod && k.toLowerCase() === 'd') {
        ev.preventDefault();
        explorer.openCompareDialog();
        return;
      }
      if (s.mode === 'compare' && explorer.comparison) {
        handleCompareKey(ev, explorer, explorer.comparison, typing);
        return;
      }
      if (mod && k.toLowerCase() === 'o') {
        ev.preventDefault();
        if (ev.shiftKey) openFolder();
        else openFile();
        return;
      }
      if (mod && k.toLowerCase() === 'f') {
        ev.preventDefault();
        focusSearch();
        return;
      }
      if (mod && k.toLowerCase() === 'e' && s.scene) {
        ev.preventDefault();
        void (ev.shiftKey ? explorer.exportSvg() : explorer.exportPng());
        return;
      }
      if (k === 'Escape') {
        if (s.help) explorer.setHelp(false);
        else if (typing) target.blur();
        else {
          pane.clearTrace();
          void pane.select(-1);
        }
        return;
      }
      if (typing || mod || ev.altKey) return;
      const cv = canvas();
      if (canvasKey(ev, cv)) return;
      switch (k) {
        case '?': explorer.setHelp(!s.help); break;
        case '/': ev.preventDefault(); focusSearch(); break;
        case 't': case 'T': explorer.setTheme(s.theme === 'light' ? 'dark' : 'light'); break;
        case 'c': case 'C': {
          // 'diff' belongs to compare mode's panes.
          const modes = COLOUR_MODES.filter((m) => m !== 'diff' && ((m !== 'compute' && m !== 'memory') || s.selection?.hasRunMetadata));
          pane.setColourMode(modes[(modes.indexOf(s.colourMode) + 1) % modes.length] ?? 'structure');
          break;
        }
        case 'f': case 'F': cv?.fit(); break;
        case 'e': case 'E': if (ev.shiftKey) pane.collapseAll(); else void pane.expandTo(null); break;
        case 'Enter': if (s.selected >= 0) pane.toggle(s.selected); break;
        case 'n': case 'N': void pane.stepResult(ev.shiftKey ? -1 : 1); break;
        case 'i': case 'I': void pane.trace('inputs'); break;
        case 'o': case 'O': void pane.trace('outputs'); break;
        default: return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [explorer, canvas, openFile, openFolder, focusSearch]);
}
