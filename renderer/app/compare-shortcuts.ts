// Keys in compare mode: the explorer's navigation keys act on the pane last clicked (the other
// follows when the cameras move together), N / Shift+N step through the changes, Esc leaves.
import { canvasKey } from './canvas-keys';
import type { CompareController } from './compare-controller';
import type { Explorer } from './explorer';

export function handleCompareKey(ev: KeyboardEvent, app: Explorer, cmp: CompareController, typing: boolean): void {
  const s = cmp.getState();
  const mod = ev.ctrlKey || ev.metaKey;
  const k = ev.key;
  if (mod && k.toLowerCase() === 'e') {
    ev.preventDefault();
    void (ev.shiftKey ? cmp.exportJson() : cmp.exportPng());
    return;
  }
  if (k === 'Escape') {
    if (app.getState().help) app.setHelp(false);
    else if (typing) (ev.target as HTMLElement).blur();
    else app.exitCompare();
    return;
  }
  if (typing || mod || ev.altKey) return;
  const pane = cmp.panes[s.active];
  if (canvasKey(ev, pane.graphCanvas)) return;
  switch (k) {
    case '?': app.setHelp(!app.getState().help); break;
    case 't': case 'T': app.setTheme(app.getState().theme === 'light' ? 'dark' : 'light'); break;
    case 'f': case 'F': for (const p of cmp.panes) p.graphCanvas?.fit(); break;
    case 'Enter': {
      const sel = pane.getState().selected;
      if (sel >= 0) pane.toggle(sel);
      break;
    }
    case 'n': case 'N': cmp.focusNext(ev.shiftKey); break;
    default: return;
  }
}
