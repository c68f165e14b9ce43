// The side panel's frame: a drag handle on its left edge to resize it, a button to hide it and a
// slim strip to bring it back. Width and visibility are remembered by the host. The panel never
// takes more than the window can spare: the canvas keeps at least MIN_CANVAS px.
import { useCallback, useEffect, useState, type PointerEvent as ReactPointerEvent, type ReactNode } from 'react';
import type { Host } from '../host/host';
import { useRemembered } from './use-remembered';

export const SIDE_MIN = 220;
const SIDE_DEFAULT = 340;
const MIN_CANVAS = 320;

/** The width the panel gets in a window `windowWidth` wide when it asks for `wanted`. */
export function sideWidth(wanted: number, windowWidth: number): number {
  const most = Math.max(SIDE_MIN, windowWidth - MIN_CANVAS);
  return Math.round(Math.min(most, Math.max(SIDE_MIN, wanted)));
}

export function SidePanelFrame({ host, children }: { host: Host; children: ReactNode }) {
  const [shown, setShown] = useRemembered(host, 'view:side-panel', true);
  const [wanted, setWanted] = useState<number | null>(() => {
    const stored = host.loadState('view:side-width');
    return typeof stored === 'number' ? stored : null;
  });
  const [windowWidth, setWindowWidth] = useState(window.innerWidth);
  useEffect(() => {
    const onResize = (): void => setWindowWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  // Until the user drags the handle, narrow windows get a narrower panel.
  const width = sideWidth(wanted ?? Math.min(SIDE_DEFAULT, Math.round(windowWidth * 0.3)), windowWidth);
  const startDrag = useCallback((e: ReactPointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    const handle = e.currentTarget;
    handle.setPointerCapture(e.pointerId);
    const x0 = e.clientX;
    const w0 = width;
    let last = w0;
    const move = (ev: PointerEvent): void => {
      last = sideWidth(w0 + (x0 - ev.clientX), window.innerWidth);
      setWanted(last);
    };
    const up = (): void => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      handle.removeEventListener('pointercancel', up);
      host.saveState('view:side-width', last);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
    handle.addEventListener('pointercancel', up);
  }, [host, width]);

  if (!shown) {
    return <button type="button" className="side-show" onClick={() => setShown(true)} title="Show the side panel" aria-label="Show the side panel" data-testid="show-side">‹</button>;
  }
  return (
    <>
      <div className="side-handle" role="separator" aria-orientation="vertical" aria-label="Resize the side panel" title="Drag to resize the side panel"
        data-testid="side-handle" onPointerDown={startDrag} />
      <aside className="side" style={{ width }} data-testid="side-panel">
        <button type="button" className="link side-hide" onClick={() => setShown(false)} title="Hide the side panel" aria-label="Hide the side panel" data-testid="hide-side">›</button>
        {children}
      </aside>
    </>
  );
}
