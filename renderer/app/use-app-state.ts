// React's view of the controller's store.
import { useSyncExternalStore } from 'react';
import type { AppState, Controller } from './controller';

export function useAppState(c: Controller): AppState {
  return useSyncExternalStore(c.subscribe, c.getState);
}
