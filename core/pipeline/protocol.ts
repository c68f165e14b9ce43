// The session worker's protocol: requests from the UI thread and the messages answering them, as
// discriminated unions with request ids. Long requests report progress; a newer layout request
// supersedes older ones; cancelling long work replaces the worker (renderer/app/controller.ts).
// Imported by the worker and by the UI's client.
import type { LoadErrorInfo, LoadWarning } from '../io/errors';
import type { FileFormat, GraphSource } from '../io/load-result';
import type { TextMetrics } from '../layout/text-metrics';
import type { ScopesReport } from '../scope/variables';
import type { Counterpart, DiffReply, VariableRow } from './compare';
import type { Scene } from './scene';

/** A file handed over by the host: a path relative to what was opened, and something readable. */
export interface OpenedFile<F> {
  readonly path: string;
  readonly file: F;
}

export interface ViewOptions {
  /** Series grouping, auxiliary extraction and merging of re-entry siblings (`dense`, `dense_1`). */
  readonly series: boolean;
  readonly extraction: boolean;
  readonly mergeReentry: boolean;
}

export const DEFAULT_VIEW_OPTIONS: ViewOptions = { series: true, extraction: true, mergeReentry: false };

/** The label font as the renderer measured it (layout sizes boxes by it). */
export type LabelMetrics = TextMetrics;

/**
 * Requests go to pane 0 unless they name another: compare mode keeps two sessions (A = 0, B = 1)
 * in one worker, so that the diff sees both graphs without copying them.
 */
export type Request<F> = (
  | { readonly type: 'open'; readonly id: number; readonly name: string; readonly files: readonly OpenedFile<F>[]; readonly folder: boolean }
  | { readonly type: 'preview'; readonly id: number; readonly graph: number }
  | { readonly type: 'select'; readonly id: number; readonly graph: number; readonly fn: number | null; readonly options: ViewOptions; readonly metrics: LabelMetrics }
  | { readonly type: 'layout'; readonly id: number; readonly expanded: readonly string[]; readonly xla: boolean }
  | { readonly type: 'search'; readonly id: number; readonly query: string }
  | { readonly type: 'inspect'; readonly id: number; readonly node: number }
  | { readonly type: 'trace'; readonly id: number; readonly node: number; readonly direction: 'inputs' | 'outputs' }
  | { readonly type: 'variables'; readonly id: number }
  | { readonly type: 'locate'; readonly id: number; readonly name: string }
  | { readonly type: 'svg'; readonly id: number; readonly expanded: readonly string[] }
  | { readonly type: 'diff'; readonly id: number }
  | { readonly type: 'counterpart'; readonly id: number; readonly name: string }
  | { readonly type: 'compareVariables'; readonly id: number }
) & { readonly pane?: Pane };

export type Pane = 0 | 1;

export interface GraphEntry {
  readonly index: number;
  readonly source: GraphSource;
  readonly run: string | null;
  readonly tag: string | null;
  readonly step: number | null;
  readonly file: string;
  readonly nodes: number;
  readonly functions: readonly { readonly index: number; readonly name: string; readonly nodes: number }[];
}

export interface OpenSummary {
  readonly name: string;
  readonly format: FileFormat | null;
  readonly graphs: readonly GraphEntry[];
  readonly warnings: readonly LoadWarning[];
  readonly error: LoadErrorInfo | null;
  /** Identifies the content (for restoring the view state and the layout cache). */
  readonly contentKey: string;
  readonly ms: number;
}

export interface SelectSummary {
  readonly graph: number;
  readonly fn: number | null;
  readonly nodes: number;
  readonly scopes: number;
  readonly root: number;
  readonly hasRunMetadata: boolean;
  readonly ms: number;
}

export interface NodeRef {
  /** Hierarchy node (what the canvas shows) and its name. */
  readonly node: number;
  readonly name: string;
  readonly op: string | null;
}

/** Where a node is on the canvas: the scopes to expand and the box to select (a series stands for its members). */
export interface Location {
  readonly target: number;
  readonly expand: readonly string[];
}

export interface SearchEntry extends NodeRef, Location {
  readonly scopePath: readonly string[];
  readonly field: 'name' | 'op' | 'attr';
}

export interface SearchReply {
  readonly entries: readonly SearchEntry[];
  readonly total: number;
  readonly truncated: boolean;
  readonly error: string | null;
  readonly ms: number;
}

export interface AttrLine {
  readonly key: string;
  readonly value: string;
}

export interface NodeDetails {
  readonly node: number;
  readonly name: string;
  readonly kind: 'scope' | 'op' | 'series';
  readonly op: string | null;
  readonly device: string | null;
  readonly attrs: readonly AttrLine[];
  /** Scopes: ops inside, op histogram (top entries), template shared with other scopes. */
  readonly opCount: number;
  readonly histogram: readonly { readonly op: string; readonly count: number }[];
  readonly template: string | null;
  readonly templateSize: number;
  /** Data inputs / outputs and control dependencies, as hierarchy nodes the UI can select. */
  readonly inputs: readonly (NodeRef & { readonly slot: string })[];
  readonly outputs: readonly NodeRef[];
  readonly controlInputs: readonly NodeRef[];
  readonly controlOutputs: readonly NodeRef[];
  /** Ops embedded into this node (Const inputs, summaries). */
  readonly embedded: readonly string[];
  readonly path: readonly string[];
}

export interface TraceReply {
  /** Visible hierarchy nodes on the traced paths (the node's ancestors included where they are shown). */
  readonly nodes: readonly number[];
  readonly count: number;
}

export interface Replies {
  readonly open: OpenSummary;
  readonly select: SelectSummary;
  readonly preview: Scene;
  readonly layout: Scene;
  readonly search: SearchReply;
  readonly inspect: NodeDetails;
  readonly trace: TraceReply;
  readonly variables: ScopesReport;
  readonly svg: string;
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
  | { readonly type: 'failed'; readonly id: number; readonly message: string; readonly cancelled: boolean };
