// The Electron shell's commands (menus, paths from the command line or a second instance, live
// reload) mapped onto the Controller's actions, the same ones the toolbar and shortcuts use.
// Compare goes through a narrow interface, feature-detected: the compare UI may not be built in.
import { useEffect } from 'react';
import type { ShellCommand } from '../../electron/ipc-contract';
import type { GraphCanvas } from '../canvas/graph-canvas';
import { fromShellInput, shellKeyOf } from '../host/electron-host';
import type { OpenedInput } from '../host/host';
import type { AppState, Controller } from './controller';

/** The compare actions of the Controller, when the compare UI exists. */
export interface CompareActions {
  openCompareDialog(): void;
  compare(a: OpenedInput, b: OpenedInput): Promise<void>;
}

/** What the commands act on: the Controller's public actions (a subset, so tests can fake it). */
export type ShellTarget = Pick<Controller, 'getState' | 'subscribe' | 'open' | 'reload' | 'home' | 'exportPng' | 'exportSvg' | 'setTheme' | 'setHelp'
  | 'setOptions' | 'expandAll' | 'collapseAll' | 'currentInput'> & Partial<CompareActions>;

export type CanvasActions = Pick<GraphCanvas, 'fit' | 'zoomBy'>;

export interface ShellCommandRunner {
  run(command: ShellCommand): void;
  dispose(): void;
}

const ZOOM = 1.25;

function hasCompare(c: ShellTarget): c is ShellTarget & CompareActions {
  return typeof c.compare === 'function' && typeof c.openCompareDialog === 'function';
}

export function shellCommandRunner(c: ShellTarget, canvas: () => CanvasActions | null, notice: (text: string) => void): ShellCommandRunner {
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
    switch (cmd.type) {
      case 'open':
        void c.open(fromShellInput(cmd.input));
        break;
      case 'compare-inputs':
        if (hasCompare(c)) void c.compare(fromShellInput(cmd.a), fromShellInput(cmd.b));
        else {
          notice('Comparing two graphs is not available in this build; opening the first.');
          void c.open(fromShellInput(cmd.a));
        }
        break;
      case 'input-changed':
        pending = fromShellInput(cmd.input);
        tryReload();
        break;
      case 'compare':
        if (hasCompare(c)) c.openCompareDialog();
        else notice('Comparing two graphs is not available in this build.');
        break;
      case 'export':
        if (ready(st)) void (cmd.format === 'png' ? c.exportPng() : c.exportSvg());
        break;
      case 'close':
        c.home();
        break;
      case 'zoom':
        canvas()?.zoomBy(cmd.direction === 'in' ? ZOOM : 1 / ZOOM);
        break;
      case 'fit':
        canvas()?.fit();
        break;
      case 'theme':
        c.setTheme(st.theme === 'light' ? 'dark' : 'light');
        break;
      case 'toggle':
        if (ready(st)) c.setOptions({ [cmd.option]: !st.options[cmd.option] });
        break;
      case 'expand-all':
        if (ready(st)) c.expandAll(1);
        break;
      case 'collapse-all':
        if (ready(st)) c.collapseAll();
        break;
      case 'help':
        c.setHelp(true);
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
export function useShellCommands(c: Controller, canvas: () => GraphCanvas | null): void {
  useEffect(() => {
    const subscribe = c.host.onShellCommand;
    if (!subscribe) return;
    const runner = shellCommandRunner(c, canvas, (text) => console.warn(text));
    const off = subscribe.call(c.host, runner.run);
    return () => {
      off();
      runner.dispose();
    };
  }, [c, canvas]);
}
