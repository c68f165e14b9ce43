// The application menu as a template: File, View, Help (plus the app menu on macOS). Items that act
// on the graph send one ShellCommand to the page; items that need main (dialogs, recent items,
// quit) call the actions they are given. Plain data, so tests can click every item. Keys the page
// already handles (use-shortcuts.ts) are shown but not registered, so one key press acts once.
import type { MenuItemConstructorOptions } from 'electron';
import type { RecentEntry, ShellCommand } from '../../common/ipc-contract';

export interface MenuActions {
  openFile(): void;
  openFolder(): void;
  openRecent(key: string): void;
  clearRecent(): void;
  about(): void;
  /** Sends a command to the focused window's page. */
  send(command: ShellCommand): void;
}

export interface MenuContext {
  readonly platform: NodeJS.Platform;
  readonly recent: readonly RecentEntry[];
  readonly actions: MenuActions;
}

export function menuTemplate({ platform, recent, actions: a }: MenuContext): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const send = (command: ShellCommand) => () => a.send(command);
  const recentItems: MenuItemConstructorOptions[] = recent.length === 0
    ? [{ id: 'file.recent.empty', label: 'No Recent Items', enabled: false }]
    : [
        ...recent.map((r, i): MenuItemConstructorOptions => ({ id: `file.recent.${i}`, label: r.folder ? `${r.name}/` : r.name, click: () => a.openRecent(r.key) })),
        { type: 'separator' },
        { id: 'file.recent.clear', label: 'Clear Recent', click: () => a.clearRecent() },
      ];
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { id: 'file.open', label: 'Open File…', accelerator: 'CmdOrCtrl+O', registerAccelerator: false, click: () => a.openFile() },
      { id: 'file.open-folder', label: 'Open Folder…', accelerator: 'CmdOrCtrl+Shift+O', registerAccelerator: false, click: () => a.openFolder() },
      { id: 'file.open-location', label: 'Open Location…', accelerator: 'CmdOrCtrl+L', click: send({ type: 'open-location' }) },
      { id: 'file.recent', label: 'Open Recent', submenu: recentItems },
      { id: 'file.compare', label: 'Compare…', click: send({ type: 'compare' }) },
      { type: 'separator' },
      { id: 'file.export-png', label: 'Export PNG…', accelerator: 'CmdOrCtrl+E', registerAccelerator: false, click: send({ type: 'export', format: 'png' }) },
      { id: 'file.export-svg', label: 'Export SVG…', accelerator: 'CmdOrCtrl+Shift+E', registerAccelerator: false, click: send({ type: 'export', format: 'svg' }) },
      { type: 'separator' },
      { id: 'file.close', label: 'Close Graph', accelerator: 'CmdOrCtrl+W', click: send({ type: 'close' }) },
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { id: 'view.zoom-in', label: 'Zoom In', accelerator: '+', registerAccelerator: false, click: send({ type: 'zoom', direction: 'in' }) },
      { id: 'view.zoom-out', label: 'Zoom Out', accelerator: '-', registerAccelerator: false, click: send({ type: 'zoom', direction: 'out' }) },
      { id: 'view.fit', label: 'Fit to Window', accelerator: 'F', registerAccelerator: false, click: send({ type: 'fit' }) },
      { type: 'separator' },
      { id: 'view.expand-all', label: 'Expand Top Level', click: send({ type: 'expand-all' }) },
      { id: 'view.collapse-all', label: 'Collapse All', click: send({ type: 'collapse-all' }) },
      { type: 'separator' },
      { id: 'view.series', label: 'Toggle Series Grouping', click: send({ type: 'toggle', option: 'series' }) },
      { id: 'view.extraction', label: 'Toggle Auxiliary Extraction', click: send({ type: 'toggle', option: 'extraction' }) },
      { id: 'view.merge', label: 'Toggle Merging Re-entered Scopes', click: send({ type: 'toggle', option: 'mergeReentry' }) },
      { type: 'separator' },
      { id: 'view.theme', label: 'Light / Dark Theme', accelerator: 'T', registerAccelerator: false, click: send({ type: 'theme' }) },
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      { id: 'help.shortcuts', label: 'Keyboard Shortcuts', accelerator: '?', registerAccelerator: false, click: send({ type: 'help' }) },
      ...(mac ? [] : [{ id: 'help.about', label: 'About Scopeview', click: () => a.about() }]),
    ],
  };
  const appMenu: MenuItemConstructorOptions[] = mac
    ? [{ label: 'Scopeview', submenu: [{ id: 'help.about', label: 'About Scopeview', click: () => a.about() }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { type: 'separator' }, { role: 'quit' }] }]
    : [];
  return [...appMenu, file, { role: 'editMenu' }, view, help];
}
