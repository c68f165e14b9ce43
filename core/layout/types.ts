// The data that crosses between the layout engine and its workers: one scope's layout input (plain,
// structured-cloneable) and its result (typed arrays, transferable), plus the engine's options.
import type { TextMetrics } from './text-metrics';

/** Flow direction of data edges: 'UP' is TensorBoard's (inputs at the bottom). */
export type Direction = 'UP' | 'DOWN';

/**
 * What draws a scope with edges between its children: our layered layout (the default), or ELK's
 * layered algorithm for scopes of fewer than 100 children and 60 edges (the reference the layered
 * layout is measured against: `scopeview layout --algorithm elk`, `npm run bench -- expand-corpus`).
 */
export type LayoutAlgorithm = 'layered' | 'elk';

export interface LayoutSettings {
  readonly direction: Direction;
  readonly metrics: TextMetrics;
  /** Scopes with more main-area children than this use the fast layered layout. */
  readonly flatLimit: number;
  readonly algorithm: LayoutAlgorithm;
}

/**
 * A port of an expanded scope: where the edges between its inside and one `peer` cross its box.
 * The peer is the node next to the scope at the level where those edges meet (a sibling, or a
 * sibling of an ancestor), so a port key depends on the tree only, never on what else is expanded.
 * Encoded as peer * 2 + (1 for edges leaving the scope, 0 for edges entering it).
 */
export type PortKey = number;
export const portKey = (peer: number, out: boolean): PortKey => peer * 2 + (out ? 1 : 0);
export const portPeer = (key: PortKey): number => Math.floor(key / 2);
export const portIsOut = (key: PortKey): boolean => key % 2 === 1;

/** One end of an edge inside a scope: a child (port -1), a port of an expanded child, or (node -1) a port of the scope itself. */
export interface EdgeEnd {
  readonly node: number;
  readonly port: PortKey;
}

export interface InputEdge {
  readonly from: EdgeEnd;
  readonly to: EdgeEnd;
  readonly data: number;
  readonly control: number;
  readonly ref: number;
  /** Tensor elements carried (data and reference edges), for the drawn width. */
  readonly elements: number;
}

export interface InputNode {
  /** Hierarchy node id. */
  readonly id: number;
  readonly width: number;
  readonly height: number;
  /** Ports of an expanded child, at fixed positions relative to its box. */
  readonly ports: readonly { readonly key: PortKey; readonly x: number; readonly y: number }[];
}

/** Everything needed to lay out one expanded scope; built on the main side, run in a worker. */
export interface ScopeInput {
  readonly scope: number;
  readonly settings: LayoutSettings;
  /** Space above the children for the scope's title. */
  readonly header: number;
  readonly nodes: readonly InputNode[];
  /** Auxiliary children, stacked in a side column (their edges are not routed, as in TensorBoard). */
  readonly aux: readonly InputNode[];
  readonly ownPorts: readonly PortKey[];
  readonly edges: readonly InputEdge[];
}

/**
 * One expanded scope laid out, coordinates relative to its box's top-left corner. Flat typed arrays
 * so that it transfers between threads without copying and serialises into the persistent cache.
 */
export interface ScopeLayout {
  readonly scope: number;
  readonly width: number;
  readonly height: number;
  /** Children (main area, then auxiliary), with boxes x, y, w, h. */
  readonly nodeIds: Int32Array;
  readonly nodeBoxes: Float64Array;
  readonly auxCount: number;
  /** The scope's own ports and their positions on its border. */
  readonly portKeys: Int32Array;
  readonly portXY: Float64Array;
  /** Edges: endpoints (node id or -1 for the scope's own port; port key or -1), counts, routes. */
  readonly edgeFrom: Int32Array;
  readonly edgeFromPort: Int32Array;
  readonly edgeTo: Int32Array;
  readonly edgeToPort: Int32Array;
  /** data, control, ref per edge. */
  readonly edgeCounts: Int32Array;
  readonly edgeElements: Float64Array;
  /** Polyline of edge e: points[2 * pointStart[e] .. 2 * pointStart[e + 1]). */
  readonly pointStart: Int32Array;
  readonly points: Float64Array;
  /** Set when the scope was too large for the layered layout (or ELK failed on it) and got the fast layout; says so to the user. */
  readonly notice: string | null;
  /** Milliseconds the layout itself took (0 when it came from a cache). */
  readonly ms: number;
}

/**
 * The typed-array fields of a ScopeLayout and their element types: what a layout worker transfers
 * with its answer (worker-pool.ts) and what the persistent cache serialises (layout-codec.ts).
 */
export const SCOPE_LAYOUT_ARRAYS = [
  ['nodeIds', 'i32'], ['nodeBoxes', 'f64'], ['portKeys', 'i32'], ['portXY', 'f64'], ['edgeFrom', 'i32'], ['edgeFromPort', 'i32'],
  ['edgeTo', 'i32'], ['edgeToPort', 'i32'], ['edgeCounts', 'i32'], ['edgeElements', 'f64'], ['pointStart', 'i32'], ['points', 'f64'],
] as const;
export type ScopeLayoutArray = (typeof SCOPE_LAYOUT_ARRAYS)[number][0];
