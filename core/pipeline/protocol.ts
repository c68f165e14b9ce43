// The session worker's protocol: requests from the UI thread and the messages answering them, as
// discriminated unions with request ids. Long requests report progress; a newer layout request
// supersedes older ones; cancelling long work replaces the worker (renderer/app/explorer.ts).
// Imported by the worker and by the UI's client; the data types it carries live in messages.ts.
import type { ScopesReport } from '../scope/variables/variables';
import type {
  Counterpart, DiffReply, ExpansionReply, LabelMetrics, Location, NodeDetails, OpenedFile, OpenSummary, SearchReply, SelectSummary, TraceReply, VariableRow, ViewOptions,
} from './messages';
import type { Scene } from './scene';

export * from './messages';

/**
 * Requests go to pane 0 unless they name another: compare mode keeps two sessions (A = 0, B = 1)
 * in one worker, so that the diff sees both graphs without copying them.
 */
export type Request<F> = (
  | { readonly type: 'open'; readonly id: number; readonly name: string; readonly files: readonly OpenedFile<F>[]; readonly folder: boolean }
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
) & { readonly pane?: Pane };

export type Pane = 0 | 1;

export interface Replies {
  readonly open: OpenSummary;
  readonly select: SelectSummary;
  readonly preview: Scene;
  readonly layout: Scene;
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
}

export type RequestType = keyof Replies;

export type Response =
  | { readonly type: 'progress'; readonly id: number; readonly stage: string; readonly done: number; readonly total: number }
  /** A first frame sent while `open` still runs (a large graph's top level, read off its names). */
  | { readonly type: 'scene'; readonly id: number; readonly scene: Scene }
  | { readonly [K in RequestType]: { readonly type: 'reply'; readonly id: number; readonly kind: K; readonly value: Replies[K] } }[RequestType]
  | { readonly type: 'failed'; readonly id: number; readonly message: string; readonly cancelled: boolean }
  /** Not an answer: the layout store's writes asked for and ended so far (equal: all written). */
  | { readonly type: 'store-writes'; readonly queued: number; readonly ended: number };
