// The Electron shell's commands (menus, paths from the command line or a second instance, live
// reload) mapped onto the explorer's actions, the same ones the toolbar and shortcuts use. In
// compare mode the view commands act on the panes.
import { useEffect } from 'react';
import type { ShellCommand } from '../../common/ipc-contract';
import type { GraphCanvas } from '../canvas/graph-canvas';
import { fromShellInput, shellKeyOf } from '../host/electron-host';
import type { OpenedInput } from '../host/host';
import type { Explorer } from './explorer';
import type { AppState, PaneController } from './pane-controller';

/** Compare mode's side of the commands: its panes' canvases and its PNG export. */
export interface CompareTarget {
  readonly panes: readonly ({ readonly graphCanvas: CanvasActions | null } & Pick<PaneController, 'expandTo' | 'collapseAll'>)[];
  getState(): { readonly active: number };
  exportPng(): Promise<void>;
}

/** What the commands act on: the explorer's public actions and its pane's (a subset, so tests can fake them). */
export type ShellTarget = Pick<Explorer, 'getState' | 'subscribe' | 'open' | 'reload' | 'home' | 'exportPng' | 'exportSvg' | 'setTheme' | 'setHelp'
  | 'currentInput' | 'openCompareDialog' | 'compare'> & { readonly comparison: CompareTarget | null; readonly pane: Pick<PaneController, 'setOptions' | 'expandTo' | 'collapseAll'> };

export type CanvasActions = Pick<GraphCanvas, 'fit' | 'zoomBy'>;

export interface ShellCommandRunner {
  run(command: ShellCommand): void;
  dispose(): void;
}

const ZOOM = 1.25;

export function shellCommandRunner(c: ShellTarget, canvas: () => CanvasActions | null, askLocation: () => void = () => undefined): ShellCommandRunner {
  // Live reload while something else loads waits for the app to be ready, then uses the newest input.
  let pending: OpenedInput | null = null;
  let unsubscribe: (() => void) | null = null;
  const tryReload = (): void => {
    const input = pending;
    if (!input) return;
    if (shellKeyOf(c.currentInput ?? { name: '', folder: false, files: [] }) !== shellKeyOf(input)) {
      pending = null; // the user opened something else meanwhile
      return;
    }
    if (c.getState().phase !== 'ready') {
      unsubscribe ??= c.subscribe(() => {
        if (c.getState().phase === 'ready') tryReload();
      });
      return;
    }
    pending = null;
    unsubscribe?.();
    unsubscribe = null;
    void c.reload(input).then((done) => {
      if (!done && pending === null) {
        pending = input;
        tryReload();
      }
    });
  };
  const ready = (st: AppState): boolean => st.scene !== null && st.phase === 'ready';

  const run = (cmd: ShellCommand): void => {
    const st = c.getState();
    const cmp = st.mode === 'compare' ? c.comparison : null;
    // The canvas a view command moves: the explorer's, or the compare pane last clicked (the other follows).
    const active = cmp ? (cmp.panes[cmp.getState().active] ?? null) : null;
    const view = (): CanvasActions | null => (active ? active.graphCanvas : canvas());
    switch (cmd.type) {
      case 'open':
        void c.open(fromShellInput(cmd.input));
        break;
      case 'compare-inputs':
        void c.compare(fromShellInput(cmd.a), fromShellInput(cmd.b));
        break;
      case 'input-changed':
        pending = fromShellInput(cmd.input);
        tryReload();
        break;
      case 'compare':
        c.openCompareDialog();
        break;
      case 'export':
        // Compare mode exports both panes as one PNG; SVG is a single graph's layout.
        if (cmp) {
          if (cmd.format === 'png') void cmp.exportPng();
        } else if (ready(st)) void (cmd.format === 'png' ? c.exportPng() : c.exportSvg());
        break;
      case 'close':
        c.home();
        break;
      case 'zoom':
        view()?.zoomBy(cmd.direction === 'in' ? ZOOM : 1 / ZOOM);
        break;
      case 'fit':
        if (cmp) for (const p of cmp.panes) p.graphCanvas?.fit();
        else canvas()?.fit();
        break;
      case 'theme':
        c.setTheme(st.theme === 'light' ? 'dark' : 'light');
        break;
      case 'toggle':
        // Compare panes keep the default grouping the diff was laid out with.
        if (!cmp && ready(st)) c.pane.setOptions({ [cmd.option]: !st.options[cmd.option] });
        break;
      case 'expand-all':
        if (active) void active.expandTo(1);
        else if (ready(st)) void c.pane.expandTo(1);
        break;
      case 'collapse-all':
        if (active) active.collapseAll();
        else if (ready(st)) c.pane.collapseAll();
        break;
      case 'help':
        c.setHelp(true);
        break;
      case 'open-location':
        askLocation();
        break;
    }
  };
  return {
    run,
    dispose: () => {
      unsubscribe?.();
      unsubscribe = null;
      pending = null;
    },
  };
}

/** Subscribes the app to the shell's commands, when it runs in the shell. */
export function useShellCommands(c: Explorer, canvas: () => GraphCanvas | null, askLocation?: () => void): void {
  useEffect(() => {
    const subscribe = c.host.onShellCommand;
    if (!subscribe) return;
    const runner = shellCommandRunner(c, canvas, askLocation);
    const off = subscribe.call(c.host, runner.run);
    return () => {
      off();
      runner.dispose();
    };
  }, [c, canvas, askLocation]);
}
