// Window options (the security checklist in webPreferences) and restoring saved bounds.
import { describe, expect, it } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';
import { openWindow, restoreBounds } from './window-options';

/** A stand-in for BrowserWindow that keeps the options it was made with. */
class FakeWindow {
  constructor(readonly options: BrowserWindowConstructorOptions) {}
}
const windowOptions = (preload: string, bounds: Parameters<typeof openWindow>[2], icon: string | undefined): BrowserWindowConstructorOptions =>
  openWindow(FakeWindow, preload, bounds, icon).options;

describe('window options', () => {
  it('turn on every webPreferences item of the Electron security checklist', () => {
    const o = windowOptions('/app/preload.cjs', {}, undefined);
    expect(o.webPreferences).toMatchObject({
      preload: '/app/preload.cjs', sandbox: true, contextIsolation: true, nodeIntegration: false, nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false, webSecurity: true, allowRunningInsecureContent: false, experimentalFeatures: false,
      webviewTag: false, navigateOnDragDrop: false, disableBlinkFeatures: 'Auxclick',
    });
    expect(o.show).toBe(false);
    expect(o.icon).toBeUndefined();
  });

  it('apply restored bounds and the icon without touching webPreferences', () => {
    const o = windowOptions('/p.cjs', { x: 10, y: 20, width: 900, height: 700 }, '/icon.png');
    expect(o).toMatchObject({ x: 10, y: 20, width: 900, height: 700, icon: '/icon.png' });
    expect(o.webPreferences?.sandbox).toBe(true);
  });

  it('restore saved bounds that are on a display', () => {
    const displays = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    expect(restoreBounds({ x: 100, y: 50, width: 1000, height: 700, maximized: false }, displays)).toEqual({ x: 100, y: 50, width: 1000, height: 700 });
    expect(restoreBounds(null, displays)).toEqual({});
  });

  it('drop the position when the saved window is off every display (an unplugged monitor)', () => {
    const displays = [{ x: 0, y: 0, width: 1280, height: 800 }];
    expect(restoreBounds({ x: 3000, y: 100, width: 1600, height: 900, maximized: false }, displays)).toEqual({ width: 1280, height: 800 });
    // Only a sliver visible counts as off-screen too.
    expect(restoreBounds({ x: 1250, y: 10, width: 800, height: 600, maximized: false }, displays)).toEqual({ width: 800, height: 600 });
    // The second display still holds it.
    expect(restoreBounds({ x: 1400, y: 10, width: 800, height: 600, maximized: false }, [...displays, { x: 1280, y: 0, width: 1920, height: 1080 }]))
      .toEqual({ x: 1400, y: 10, width: 800, height: 600 });
  });

  it('never restore a window smaller than the minimum size', () => {
    expect(restoreBounds({ x: 0, y: 0, width: 10, height: 10, maximized: false }, [{ x: 0, y: 0, width: 1920, height: 1080 }])).toEqual({ x: 0, y: 0, width: 640, height: 480 });
  });
});
