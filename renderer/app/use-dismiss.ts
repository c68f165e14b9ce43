// Closes a popover on Escape and on a press outside it (capture phase, so a press that starts
// something else still closes it first).
import { useEffect, type RefObject } from 'react';

export function useDismiss(ref: RefObject<HTMLElement | null>, open: boolean, close: () => void): void {
  useEffect(() => {
    if (!open) return;
    const outside = (ev: PointerEvent): void => {
      if (ref.current && !ref.current.contains(ev.target as Node)) close();
    };
    const escape = (ev: KeyboardEvent): void => {
      if (ev.key === 'Escape') close();
    };
    document.addEventListener('pointerdown', outside, true);
    document.addEventListener('keydown', escape, true);
    return () => {
      document.removeEventListener('pointerdown', outside, true);
      document.removeEventListener('keydown', escape, true);
    };
  }, [ref, open, close]);
}
