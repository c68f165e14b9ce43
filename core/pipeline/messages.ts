// The data the session worker and the UI exchange: what opening, selecting, searching, inspecting
// and comparing answer. Plain types only, below protocol.ts, the session and compare mode, which
// all use them; nothing here imports them back.
import type { ScopeKindChange } from '../diff/scope-kind-changes';
import type { DiffStatus } from '../diff/classify';
import type { DiffDocument } from '../diff/diff';
import type { LoadErrorInfo, LoadWarning } from '../io/errors';
import type { FileFormat, GraphSource } from '../io/load-result';
import type { TextMetrics } from '../layout/text-metrics';
import type { VariableReport } from '../scope/variables/variables';
import type { NameSection } from './name-section';
import type { SignatureView } from './signatures';

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

export interface GraphEntry {
  readonly index: number;
  readonly source: GraphSource;
  readonly run: string | null;
  readonly tag: string | null;
  readonly step: number | null;
  readonly file: string;
  readonly nodes: number;
  readonly functions: readonly { readonly index: number; readonly name: string; readonly nodes: number }[];
  /** An earlier graph of the same file with the same nodes (a meta_graph_def repeating the graph_def), or null. */
  readonly sameAs?: number | null;
  /** A SavedModel's or MetaGraph's signatures (signatures.ts); empty or absent for other graphs. */
  readonly signatures?: readonly SignatureView[];
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

/** Scope names to open, shallowest first: `levelEnds[d - 1]` is where the scopes of depth d end. */
export interface ExpansionReply {
  readonly names: readonly string[];
  readonly levelEnds: readonly number[];
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
  /** The graph node asked for when it is drawn inside `target` (an embedded Const or summary). */
  readonly embedded?: number;
}

export interface SearchEntry extends NodeRef, Location {
  readonly scopePath: readonly string[];
  /** 'scope': a scope named after the text (node is the scope; op is null). */
  readonly field: 'name' | 'op' | 'attr' | 'scope';
  /** Hierarchy ids of `expand`, in the same order: the closed one that stands for the hit on the canvas. */
  readonly expandIds: readonly number[];
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

/** An op without a box of its own: a graph node drawn inside another. */
export interface EmbeddedRef {
  readonly graphNode: number;
  readonly name: string;
  readonly op: string;
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
  readonly inputs: readonly (NodeRef & { readonly slot: string; readonly tensor: string })[];
  /** Data outputs: one entry per consumer and slot read, with that tensor's type (`float32 ?×10`). */
  readonly outputs: readonly (NodeRef & { readonly slot?: string; readonly tensor?: string })[];
  readonly controlInputs: readonly NodeRef[];
  readonly controlOutputs: readonly NodeRef[];
  /** Ops drawn inside this op (Const inputs, summaries), each inspectable on its own. */
  readonly embedded: readonly EmbeddedRef[];
  /** For an embedded op: every op it is drawn inside, in graph order. */
  readonly drawnIn: readonly NodeRef[];
  /** An op's output tensors by slot with their dtype and shape (tensor-types.ts; "unknown" where the node does not say). */
  readonly outputTensors: readonly { readonly slot: number; readonly tensor: string }[];
  readonly path: readonly string[];
  /** How the name was made (name-section.ts); absent for a series. */
  readonly nameSection?: NameSection;
}

export interface TraceReply {
  /** Visible hierarchy nodes on the traced paths (the node's ancestors included where they are shown). */
  readonly nodes: readonly number[];
  readonly count: number;
}

export interface DiffReply extends DiffDocument {
  /** Scopes whose kind changed between A and B (core/diff/scope-kind-changes.ts). */
  readonly scopeKindChanges: readonly ScopeKindChange[];
  readonly nodesA: number;
  readonly nodesB: number;
  readonly ms: number;
}

/** What a node or scope of one pane is on the other, and where it is drawn there. */
export interface Counterpart {
  readonly name: string;
  readonly location: Location | null;
}

/** A variable of A, of B, or the pair the diff matched, with the pair's status. */
export interface VariableRow {
  readonly a: VariableReport | null;
  readonly b: VariableReport | null;
  readonly status: DiffStatus;
}
