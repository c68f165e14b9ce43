// The explorer's state as React reads it (AppState), its starting value, and the small types the
// explorer, its pane and the compare panes share.
import type { NodeDetails, OpenSummary, Pane, SearchReply, SelectSummary, ViewOptions } from '../../core/pipeline/protocol';
import { DEFAULT_VIEW_OPTIONS } from '../../core/pipeline/protocol';
import type { DrawScene } from '../../core/pipeline/draw/draw-scene';
import type { ColourMode } from '../../core/pipeline/scene';
import type { ScopesReport } from '../../core/scope/variables/variables';
import type { Camera } from '../canvas/graph-canvas';
import type { ThemeName } from '../canvas/palette';
import type { RecentItem } from '../host/host';

export type Panel = 'inspector' | 'search' | 'scopes' | 'signatures';

/** Search results asked for at first, and added by each "Show more". */
export const SEARCH_PAGE = 200;

/** What a compare pane reports to the comparison (CompareController): the user's own actions only. */
export interface PaneHooks {
  onToggle?(name: string, open: boolean): void;
  onCamera?(camera: Camera): void;
  onSelect?(id: number): void;
}

/** Where a pane keeps each graph's expanded scopes and camera (the explorer's pane only: compare panes start collapsed). */
export interface SavedViews {
  load(key: string): ViewState | null;
  save(key: string, state: ViewState): void;
}

export interface PaneOptions {
  /** Which session of the worker the pane addresses. */
  readonly pane?: Pane;
  readonly hooks?: PaneHooks;
  readonly views?: SavedViews | null;
}

export interface ProgressState {
  readonly stage: string;
  readonly done: number;
  readonly total: number;
}

export interface AppState {
  readonly phase: 'start' | 'loading' | 'ready';
  readonly progress: ProgressState | null;
  readonly opened: OpenSummary | null;
  readonly selection: SelectSummary | null;
  readonly graph: number;
  readonly fn: number | null;
  readonly options: ViewOptions;
  readonly expanded: readonly string[];
  readonly scene: DrawScene | null;
  readonly layoutBusy: boolean;
  /** Round trip of the last layout request, ms. */
  readonly layoutMs: number;
  readonly selected: number;
  readonly hovered: number;
  readonly details: NodeDetails | null;
  readonly query: string;
  readonly results: SearchReply | null;
  /** The result last stepped to (Enter, N, arrow keys, a click), -1 before any; how many results were asked for. */
  readonly searchCursor: number;
  readonly searchLimit: number;
  readonly traced: { readonly node: number; readonly direction: 'inputs' | 'outputs'; readonly nodes: ReadonlySet<number>; readonly count: number } | null;
  readonly colourMode: ColourMode;
  /** Tensor shapes on edges (View menu; remembered by the host). */
  readonly edgeLabels: boolean;
  readonly theme: ThemeName;
  readonly panel: Panel;
  readonly variables: ScopesReport | null;
  readonly recent: readonly RecentItem[];
  /** A failure of the app itself (not of the file): shown in a banner. */
  readonly failure: string | null;
  readonly toast: string | null;
  readonly help: boolean;
  /** Compare mode shows two panes (this.comparison) instead of the explorer; the dialog picks the two inputs. */
  readonly mode: 'explore' | 'compare';
  readonly compareDialog: boolean;
}

export interface ViewState {
  readonly expanded: readonly string[];
  readonly camera: Camera | null;
}

export const INITIAL_STATE: AppState = {
  phase: 'start', progress: null, opened: null, selection: null, graph: 0, fn: null, options: DEFAULT_VIEW_OPTIONS, expanded: [],
  scene: null, layoutBusy: false, layoutMs: 0, selected: -1, hovered: -1, details: null, query: '', results: null, traced: null,
  colourMode: 'structure', edgeLabels: false, theme: 'light', panel: 'inspector', variables: null, recent: [], failure: null, toast: null, help: false,
  mode: 'explore', compareDialog: false, searchCursor: -1, searchLimit: SEARCH_PAGE,
};
