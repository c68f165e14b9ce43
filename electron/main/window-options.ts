// How every Scopeview window is made (the Electron security checklist lives in its webPreferences),
// and where a window reopens: the saved bounds when they are still on a display.
import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';
import type { WindowState } from './settings';

export const DEFAULT_SIZE = { width: 1280, height: 800 } as const;
const MIN_SIZE = { width: 640, height: 480 } as const;
/** At least this much of a restored window must be on a display, or it is placed afresh. */
const MIN_VISIBLE = 100;

/**
 * Opens a window with the options every Scopeview window uses. They are written inline in the
 * constructor call because the security scan (electronegativity) reads only such a literal.
 */
export function openWindow<W>(BrowserWindow: new (options: BrowserWindowConstructorOptions) => W, preload: string, bounds: Partial<Rectangle>, icon: string | undefined): W {
  return new BrowserWindow({
    ...DEFAULT_SIZE,
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Scopeview',
    // Shown once the page has painted, so the window never flashes white.
    show: false,
    backgroundColor: '#f7f8fa',
    ...(icon ? { icon } : {}),
    webPreferences: {
      preload,
      // The renderer is a sandboxed Chromium process: no Node, no Electron internals.
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // Middle-click would open links in new windows (denied anyway): the event is not even fired.
      disableBlinkFeatures: 'Auxclick',
      // A file dropped outside the page's drop zone must not navigate the window to it.
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  });
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

/**
 * The bounds to open with: the saved ones when enough of them is on one of today's displays (a
 * monitor may have been unplugged since), else only the saved size, clamped to the first display.
 */
export function restoreBounds(saved: WindowState | null, displays: readonly Rectangle[]): Partial<Rectangle> {
  if (!saved) return {};
  const want: Rectangle = { x: saved.x, y: saved.y, width: Math.max(MIN_SIZE.width, saved.width), height: Math.max(MIN_SIZE.height, saved.height) };
  for (const d of displays) {
    const o = overlap(want, d);
    if (o.width >= MIN_VISIBLE && o.height >= MIN_VISIBLE) return want;
  }
  const area = displays[0];
  if (!area) return { width: want.width, height: want.height };
  return { width: Math.min(want.width, area.width), height: Math.min(want.height, area.height) };
}
