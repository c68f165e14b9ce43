// Global key handling for the explorer and compare mode (see shortcuts.ts for the list shown to users).
import { useEffect } from 'react';
import { COLOUR_MODES } from '../../core/pipeline/scene';
import type { GraphCanvas } from '../canvas/graph-canvas';
import { canvasKey } from './canvas-keys';
import { handleCompareKey } from './compare-shortcuts';
import type { Controller } from './controller';

export function useShortcuts(c: Controller, canvas: () => GraphCanvas | null, openFile: () => void, openFolder: () => void, focusSearch: () => void): void {
  useEffect(() => {
    const onKey = (ev: KeyboardEvent): void => {
      const target = ev.target as HTMLElement | null;
      const typing = target !== null && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA');
      const mod = ev.ctrlKey || ev.metaKey;
      const s = c.getState();
      const k = ev.key;
      if (s.compareDialog) return;
      if (mod && k.toLowerCase() === 'd') {
        ev.preventDefault();
        c.openCompareDialog();
        return;
      }
      if (s.mode === 'compare' && c.comparison) {
        handleCompareKey(ev, c, c.comparison, typing);
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
        void (ev.shiftKey ? c.exportSvg() : c.exportPng());
        return;
      }
      if (k === 'Escape') {
        if (s.help) c.setHelp(false);
        else if (typing) target.blur();
        else {
          c.clearTrace();
          void c.select(-1);
        }
        return;
      }
      if (typing || mod || ev.altKey) return;
      const cv = canvas();
      if (canvasKey(ev, cv)) return;
      switch (k) {
        case '?': c.setHelp(!s.help); break;
        case '/': ev.preventDefault(); focusSearch(); break;
        case 't': case 'T': c.setTheme(s.theme === 'light' ? 'dark' : 'light'); break;
        case 'c': case 'C': {
          // 'diff' belongs to compare mode's panes.
          const modes = COLOUR_MODES.filter((m) => m !== 'diff' && ((m !== 'compute' && m !== 'memory') || s.selection?.hasRunMetadata));
          c.setColourMode(modes[(modes.indexOf(s.colourMode) + 1) % modes.length] ?? 'structure');
          break;
        }
        case 'f': case 'F': cv?.fit(); break;
        case 'e': case 'E': if (ev.shiftKey) c.collapseAll(); else void c.expandTo(null); break;
        case 'Enter': if (s.selected >= 0) c.toggle(s.selected); break;
        case 'n': case 'N': void c.stepResult(ev.shiftKey ? -1 : 1); break;
        case 'i': case 'I': void c.trace('inputs'); break;
        case 'o': case 'O': void c.trace('outputs'); break;
        default: return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [c, canvas, openFile, openFolder, focusSearch]);
}
