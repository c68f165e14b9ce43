// Shell commands mapped onto the explorer's actions, with a fake explorer; live-reload deferral.
import { describe, expect, it, vi } from 'vitest';
import type { ShellCommand, ShellInput } from '../../common/ipc-contract';
import { DEFAULT_VIEW_OPTIONS } from '../../core/pipeline/protocol';
import { fromShellInput } from '../host/electron-host';
import type { OpenedInput } from '../host/host';
import type { AppState } from './pane-controller';
import { shellCommandRunner, type CompareTarget, type ShellTarget } from './use-shell-commands';

const input = (key: string, size = 10): ShellInput => ({ key, name: key, folder: false, files: [{ path: key, url: `app://scopeview/@file/${key}`, size }] });

function fakeController(phase: AppState['phase'] = 'ready', comparison: CompareTarget | null = null) {
  let state = { phase, scene: {}, theme: 'light', options: DEFAULT_VIEW_OPTIONS, mode: comparison ? 'compare' : 'explore' } as unknown as AppState;
  const listeners = new Set<() => void>();
  let current: OpenedInput | null = null;
  const c = {
    getState: () => state,
    subscribe: (fn: () => void) => { listeners.add(fn); return () => listeners.delete(fn); },
    open: vi.fn(async (i: OpenedInput) => { current = i; }),
    reload: vi.fn(async (_i: OpenedInput) => true),
    home: vi.fn(), exportPng: vi.fn(async () => undefined), exportSvg: vi.fn(async () => undefined), setTheme: vi.fn(), setHelp: vi.fn(),
    pane: { setOptions: vi.fn(), expandTo: vi.fn(async () => undefined), collapseAll: vi.fn() },
    openCompareDialog: vi.fn(), compare: vi.fn(async () => undefined),
    comparison,
    get currentInput() { return current; },
  };
  const setPhase = (p: AppState['phase']): void => {
    state = { ...state, phase: p };
    for (const l of listeners) l();
  };
  return { c: c as typeof c & ShellTarget, setPhase, listeners };
}

describe('shell commands', () => {
  it('map every menu command onto the same actions as the toolbar and keys', () => {
    const { c } = fakeController();
    const canvas = { fit: vi.fn(), zoomBy: vi.fn() };
    const r = shellCommandRunner(c, () => canvas);
    const cmds: ShellCommand[] = [
      { type: 'export', format: 'png' }, { type: 'export', format: 'svg' }, { type: 'close' }, { type: 'zoom', direction: 'in' }, { type: 'zoom', direction: 'out' },
      { type: 'fit' }, { type: 'theme' }, { type: 'toggle', option: 'series' }, { type: 'expand-all' }, { type: 'collapse-all' }, { type: 'help' }, { type: 'compare' },
    ];
    for (const cmd of cmds) r.run(cmd);
    expect(c.exportPng).toHaveBeenCalledOnce();
    expect(c.exportSvg).toHaveBeenCalledOnce();
    expect(c.home).toHaveBeenCalledOnce();
    expect(canvas.zoomBy.mock.calls).toEqual([[1.25], [0.8]]);
    expect(canvas.fit).toHaveBeenCalledOnce();
    expect(c.setTheme).toHaveBeenCalledWith('dark');
    expect(c.pane.setOptions).toHaveBeenCalledWith({ series: !DEFAULT_VIEW_OPTIONS.series });
    expect(c.pane.expandTo).toHaveBeenCalledWith(1);
    expect(c.pane.collapseAll).toHaveBeenCalledOnce();
    expect(c.setHelp).toHaveBeenCalledWith(true);
    expect(c.openCompareDialog).toHaveBeenCalledOnce();
  });

  it('opens inputs main sends, and compares two (`scopeview A B`)', () => {
    const { c } = fakeController('start');
    const r = shellCommandRunner(c, () => null);
    r.run({ type: 'open', input: input('a') });
    expect(c.open).toHaveBeenCalledWith(fromShellInput(input('a')));
    r.run({ type: 'compare-inputs', a: input('a'), b: input('b') });
    expect(c.compare).toHaveBeenCalledWith(fromShellInput(input('a')), fromShellInput(input('b')));
    // Graph actions wait for a graph.
    r.run({ type: 'export', format: 'png' });
    expect(c.exportPng).not.toHaveBeenCalled();
  });

  it('in compare mode, moves the active pane, fits both and exports both panes as one PNG', () => {
    const pane = () => ({ graphCanvas: { fit: vi.fn(), zoomBy: vi.fn() }, expandTo: vi.fn(async () => undefined), collapseAll: vi.fn() });
    const panes = [pane(), pane()];
    const cmp = { panes, getState: () => ({ active: 1 }), exportPng: vi.fn(async () => undefined) };
    const { c } = fakeController('ready', cmp);
    const explorer = { fit: vi.fn(), zoomBy: vi.fn() };
    const r = shellCommandRunner(c, () => explorer);
    r.run({ type: 'zoom', direction: 'in' });
    r.run({ type: 'fit' });
    r.run({ type: 'export', format: 'png' });
    r.run({ type: 'export', format: 'svg' });
    expect(panes[1]?.graphCanvas.zoomBy).toHaveBeenCalledWith(1.25);
    expect(panes[0]?.graphCanvas.zoomBy).not.toHaveBeenCalled();
    expect(panes.map((p) => p.graphCanvas.fit.mock.calls.length)).toEqual([1, 1]);
    expect(cmp.exportPng).toHaveBeenCalledOnce();
    expect(c.exportPng).not.toHaveBeenCalled();
    expect(c.exportSvg).not.toHaveBeenCalled();
    expect(explorer.zoomBy).not.toHaveBeenCalled();
    // Expand / collapse act on the active pane; the scope-engine toggles would undo the diff's layout.
    r.run({ type: 'expand-all' });
    r.run({ type: 'collapse-all' });
    r.run({ type: 'toggle', option: 'series' });
    expect(panes[1]?.expandTo).toHaveBeenCalledWith(1);
    expect(panes[1]?.collapseAll).toHaveBeenCalledOnce();
    expect(c.pane.expandTo).not.toHaveBeenCalled();
    expect(c.pane.setOptions).not.toHaveBeenCalled();
  });

  it('asks for a location on File → Open Location…, and does nothing else', () => {
    const { c } = fakeController();
    const ask = vi.fn();
    shellCommandRunner(c, () => null, ask).run({ type: 'open-location' });
    expect(ask).toHaveBeenCalledOnce();
    expect(c.open).not.toHaveBeenCalled();
    expect(c.home).not.toHaveBeenCalled();
  });

  it('reloads the shown input when it changes, and ignores changes of other inputs', async () => {
    const { c } = fakeController();
    const r = shellCommandRunner(c, () => null);
    await c.open(fromShellInput(input('a')));
    r.run({ type: 'input-changed', input: input('b', 20) });
    expect(c.reload).not.toHaveBeenCalled();
    r.run({ type: 'input-changed', input: input('a', 20) });
    expect(c.reload).toHaveBeenCalledWith(fromShellInput(input('a', 20)));
  });

  it('defers a reload while loading, then uses the newest listing', async () => {
    const { c, setPhase, listeners } = fakeController('loading');
    const r = shellCommandRunner(c, () => null);
    await c.open(fromShellInput(input('a')));
    r.run({ type: 'input-changed', input: input('a', 20) });
    r.run({ type: 'input-changed', input: input('a', 30) });
    expect(c.reload).not.toHaveBeenCalled();
    setPhase('ready');
    expect(c.reload).toHaveBeenCalledTimes(1);
    expect(c.reload).toHaveBeenCalledWith(fromShellInput(input('a', 30)));
    expect(listeners.size).toBe(0);
    r.dispose();
  });
});
