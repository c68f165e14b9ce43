// Keyboard shortcuts: one table drives both the key handler and the help overlay, so they agree.
export interface Shortcut {
  readonly keys: string;
  readonly action: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'Ctrl+O', action: 'Open a file' },
  { keys: 'Ctrl+Shift+O', action: 'Open a folder (logdir or SavedModel)' },
  { keys: '/ or Ctrl+F', action: 'Search (regex /…/, op:Type, attr:text, or plain text)' },
  { keys: 'Enter / Shift+Enter (in search), N / Shift+N', action: 'Next / previous search result (↑ ↓ in the result list)' },
  { keys: 'Double-click / Enter', action: 'Expand or collapse the selected scope' },
  { keys: 'Arrow keys', action: 'Pan' },
  { keys: '+ / −', action: 'Zoom in / out' },
  { keys: 'F', action: 'Fit the graph to the window' },
  { keys: 'E / Shift+E', action: 'Expand all scopes / collapse all' },
  { keys: 'I / O', action: 'Trace the selection’s inputs / outputs' },
  { keys: 'C', action: 'Next colour mode' },
  { keys: 'T', action: 'Light / dark theme' },
  { keys: 'Ctrl+E / Ctrl+Shift+E', action: 'Export PNG / SVG' },
  { keys: 'Ctrl+D', action: 'Compare two graphs' },
  { keys: 'N / Shift+N', action: 'Compare: next / previous change' },
  { keys: 'Ctrl+E / Ctrl+Shift+E', action: 'Compare: export both panes as PNG / the diff as JSON' },
  { keys: 'Esc', action: 'Clear selection and trace, close dialogs, leave compare mode' },
  { keys: '?', action: 'This help' },
];
