// The session worker's protocol: requests from the UI thread and the messages answering them, as
// discriminated unions with request ids. Long requests report progress; a newer layout request
// supersedes older ones; cancelling long work replaces the worker (renderer/app/explorer.ts). A
// view is one request: its early messages (a preview, the open summary the page answers with the
// graph and expansion to show) come before its one reply.
// Imported by the worker and by the UI's client; the data types it carries live in messages.ts.
import type { ScopesReport } from '../scope/variables/variables';
import type {
  Counterpart, DiffReply, ExpansionReply, LabelMetrics, Location, NodeDetails, OpenedFile, OpenSummary, SearchReply, SelectSummary, TraceReply, VariableRow, ViewOptions,
} from './messages';
import type { DrawScene } from './draw/draw-scene';

export * from './messages';

/**
 * Requests go to pane 0 unless they name another: compare mode keeps two sessions (A = 0, B = 1)
 * in one worker, so that the diff sees both graphs without copying them.
 */
export type Request<F> = (
  /**
   * Opens an input and shows it: after the `opened` message the worker waits for the page's
   * ViewAnswer (which graph, which scopes open), then selects and lays out. `preview`: post a first
   * frame of a large graph while it loads.
   */
  | { readonly type: 'view'; readonly id: number; readonly name: string; readonly files: readonly OpenedFile<F>[]; readonly folder: boolean; readonly preview: boolean
    readonly options: ViewOptions; readonly metrics: LabelMetrics; readonly xla: boolean; readonly kinds: boolean; readonly labels: boolean }
  | { readonly type: 'preview'; readonly id: number; readonly graph: number }
  | { readonly type: 'select'; readonly id: number; readonly graph: number; readonly fn: number | null; readonly options: ViewOptions; readonly metrics: LabelMetrics }
  | { readonly type: 'layout'; readonly id: number; readonly expanded: readonly string[]; readonly xla: boolean; readonly kinds?: boolean; readonly labels?: boolean }
  /** The scopes "Expand to depth N" opens (depth null: every scope). */
  | { readonly type: 'expansion'; readonly id: number; readonly depth: number | null }
  | { readonly type: 'search'; readonly id: number; readonly query: string; readonly limit?: number }
  | { readonly type: 'inspect'; readonly id: number; readonly node: number; readonly embedded?: number }
  | { readonly type: 'trace'; readonly id: number; readonly node: number; readonly direction: 'inputs' | 'outputs' }
  | { readonly type: 'variables'; readonly id: number }
  | { readonly type: 'locate'; readonly id: number; readonly name: string }
  | { readonly type: 'diff'; readonly id: number }
  | { readonly type: 'counterpart'; readonly id: number; readonly name: string }
  | { readonly type: 'compareVariables'; readonly id: number }
  /**
   * The page has drawn the pane's graph: lay out its top-level scopes in the background now
   * (Session.prepare; after the drawing, so that it does not compete with it). Answered at once;
   * progress comes as `prepared` messages, tagged with `selection`: the request (view or select)
   * that made the selection drawn. The page sends it only while no newer selection was asked for.
   */
  | { readonly type: 'prepare'; readonly id: number; readonly selection: number }
) & { readonly pane?: Pane };

export type Pane = 0 | 1;

/** What the page shows of an opened input; null: nothing (no graph, or a newer view made it moot). */
export interface ViewChoice {
  readonly graph: number;
  readonly fn: number | null;
  readonly expanded: readonly string[];
}

/** Not a request: the page's answer to a view's `opened` message, under the view's id. */
export interface ViewAnswer {
  readonly type: 'view-answer';
  readonly id: number;
  readonly choice: ViewChoice | null;
}

/** A view's reply: what was opened and, unless the page chose nothing, the graph shown and its scene. */
export interface ViewReply {
  readonly opened: OpenSummary;
  readonly selection: SelectSummary | null;
  readonly scene: DrawScene | null;
}

export interface Replies {
  readonly view: ViewReply;
  readonly select: SelectSummary;
  readonly preview: DrawScene;
  readonly layout: DrawScene;
  readonly expansion: ExpansionReply;
  readonly search: SearchReply;
  readonly inspect: NodeDetails;
  readonly trace: TraceReply;
  readonly variables: ScopesReport;
  readonly locate: Location | null;
  readonly diff: DiffReply;
  /** The name on the other pane and where it is drawn there, or null. */
  readonly counterpart: Counterpart | null;
  readonly compareVariables: readonly VariableRow[];
  readonly prepare: null;
}

export type RequestType = keyof Replies;

export type Response =
  | { readonly type: 'progress'; readonly id: number; readonly stage: string; readonly done: number; readonly total: number }
  /** A first frame sent while a view still runs (a large graph's top level, read off its names). */
  | { readonly type: 'scene'; readonly id: number; readonly scene: DrawScene }
  /** A view's input is read: the worker waits for the page's ViewAnswer. */
  | { readonly type: 'opened'; readonly id: number; readonly summary: OpenSummary }
  | { readonly [K in RequestType]: { readonly type: 'reply'; readonly id: number; readonly kind: K; readonly value: Replies[K] } }[RequestType]
  | { readonly type: 'failed'; readonly id: number; readonly message: string; readonly cancelled: boolean }
  /** Not an answer: the layout store's writes asked for and ended so far (equal: all written). */
  | { readonly type: 'store-writes'; readonly queued: number; readonly ended: number }
  /**
   * Not an answer: a pane's top-level scopes prepared in the background so far (Session.prepare), for
   * the selection made by request `selection` (a view or select; older selections' counts are stale).
   */
  | { readonly type: 'prepared'; readonly pane: Pane; readonly selection: number; readonly done: number; readonly total: number };
