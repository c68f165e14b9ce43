// The application menu template: its items, and what clicking each one does.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { ShellCommand } from '../../common/ipc-contract';
import { menuTemplate, type MenuActions } from './menu';

function items(template: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? items(i.submenu) : [])]);
}

function setUp(platform: NodeJS.Platform, recent = [{ key: 'k1', name: 'logs', folder: true, openedAt: 1 }, { key: 'k2', name: 'g.pb', folder: false, openedAt: 0 }]) {
  const sent: ShellCommand[] = [];
  const actions: MenuActions = { openFile: vi.fn(), openFolder: vi.fn(), openRecent: vi.fn(), clearRecent: vi.fn(), about: vi.fn(), send: (c) => sent.push(c) };
  const all = items(menuTemplate({ platform, recent, actions }));
  const click = (id: string): void => {
    const item = all.find((i) => i.id === id);
    if (!item?.click) throw new Error(`no clickable item ${id}`);
    (item.click as () => void)();
  };
  return { all, sent, actions, click };
}

describe('application menu', () => {
  it('has File, View and Help menus with the items the issue lists', () => {
    const { all } = setUp('linux');
    const labels = all.map((i) => i.label).filter(Boolean);
    for (const l of ['&File', 'Open File…', 'Open Folder…', 'Open Recent', 'Compare…', 'Export PNG…', 'Export SVG…', 'Close Graph', '&View', 'Zoom In', 'Zoom Out', 'Fit to Window',
      'Light / Dark Theme', 'Toggle Series Grouping', 'Keyboard Shortcuts', 'About Scopeview']) expect(labels).toContain(l);
  });

  it('sends one typed command per page action', () => {
    const { click, sent } = setUp('linux');
    const expected: [string, ShellCommand][] = [
      ['file.compare', { type: 'compare' }], ['file.export-png', { type: 'export', format: 'png' }], ['file.export-svg', { type: 'export', format: 'svg' }],
      ['file.close', { type: 'close' }], ['view.zoom-in', { type: 'zoom', direction: 'in' }], ['view.zoom-out', { type: 'zoom', direction: 'out' }],
      ['view.fit', { type: 'fit' }], ['view.expand-all', { type: 'expand-all' }], ['view.collapse-all', { type: 'collapse-all' }],
      ['view.series', { type: 'toggle', option: 'series' }], ['view.extraction', { type: 'toggle', option: 'extraction' }], ['view.merge', { type: 'toggle', option: 'mergeReentry' }],
      ['view.theme', { type: 'theme' }], ['help.shortcuts', { type: 'help' }],
    ];
    for (const [id] of expected) click(id);
    expect(sent).toEqual(expected.map(([, c]) => c));
  });

  it('runs dialogs and recent items in main', () => {
    const { click, actions, all } = setUp('linux');
    click('file.open');
    click('file.open-folder');
    click('file.recent.1');
    click('file.recent.clear');
    click('help.about');
    expect(actions.openFile).toHaveBeenCalledOnce();
    expect(actions.openFolder).toHaveBeenCalledOnce();
    expect(actions.openRecent).toHaveBeenCalledWith('k2');
    expect(actions.clearRecent).toHaveBeenCalledOnce();
    expect(actions.about).toHaveBeenCalledOnce();
    expect(all.find((i) => i.id === 'file.recent.0')?.label).toBe('logs/');
  });

  it('shows a disabled placeholder when nothing was opened yet', () => {
    const { all } = setUp('linux', []);
    expect(all.find((i) => i.id === 'file.recent.empty')?.enabled).toBe(false);
    expect(all.some((i) => i.id === 'file.recent.clear')).toBe(false);
  });

  it('does not register keys the page handles itself (one press acts once)', () => {
    const { all } = setUp('linux');
    for (const id of ['file.open', 'file.export-png', 'view.zoom-in', 'view.fit', 'view.theme', 'help.shortcuts']) {
      expect(all.find((i) => i.id === id)?.registerAccelerator).toBe(false);
    }
    expect(all.find((i) => i.id === 'file.close')?.accelerator).toBe('CmdOrCtrl+W');
  });

  it('puts About and Quit in the app menu on macOS', () => {
    const mac = setUp('darwin').all;
    expect(mac[0]?.label).toBe('Scopeview');
    expect(mac.filter((i) => i.role === 'quit')).toHaveLength(1);
    expect(setUp('linux').all.filter((i) => i.role === 'quit')).toHaveLength(1);
  });
});
