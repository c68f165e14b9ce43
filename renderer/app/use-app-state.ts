// React's view of a pane's store (the explorer's state is its pane's).
import { useSyncExternalStore } from 'react';
import type { AppState } from './pane-controller';

export function useAppState(store: { subscribe(fn: () => void): () => void; getState(): AppState }): AppState {
  return useSyncExternalStore(store.subscribe, store.getState);
}
