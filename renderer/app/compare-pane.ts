// What compare mode asks of each of its two panes: an explorer Controller addressing one side of
// the comparison's session worker. Declared below both, so that compare-controller.ts makes its
// panes through a factory and never imports controller.ts, which imports it.
import type { Pane } from '../../core/pipeline/protocol';
import type { ColourMode } from '../../core/pipeline/scene';
import type { GraphCanvas } from '../canvas/graph-canvas';
import type { OpenedInput } from '../host/host';
import type { ThemeName } from '../canvas/palette';
import type { AppState, PaneHooks } from './app-state';
import type { SessionClient } from './session-client';

export interface ComparePane {
  readonly graphCanvas: GraphCanvas | null;
  getState(): AppState;
  setTheme(theme: ThemeName): void;
  setColourMode(mode: ColourMode): void;
  open(input: OpenedInput, remember?: boolean, graph?: number | null): Promise<void>;
  selectGraph(graph: number, fn: number | null): Promise<void>;
  refresh(): Promise<void>;
  applyExpansion(open: readonly string[], close: readonly string[]): Promise<void>;
  reveal(target: number, expand: readonly string[], embedded?: number): Promise<void>;
  revealByName(name: string): Promise<void>;
}

/** Makes the pane for side `pane`, talking to the comparison's worker through `client`. */
export type PaneFactory<P extends ComparePane> = (client: SessionClient, pane: Pane, hooks: PaneHooks) => P;
