// What loading a file produces: the graphs it holds (in file order), run metadata kept for
// colouring, warnings, and the error that stopped loading, if any (graphs read before it are kept).
import type { Graph } from '../graph/graph';
import type { LoadErrorInfo, LoadWarning } from './errors';
import type { MetaGraphInfo } from './graph-decode';
import type { tensorflow } from '../proto/generated/proto.js';

export type FileFormat =
  | 'events'
  | 'graphdef'
  | 'graphdef-text'
  | 'metagraph'
  | 'metagraph-text'
  | 'savedmodel'
  | 'savedmodel-text'
  | 'logdir';

/** Where in the file a graph came from (the `source` of `scopeview inspect --json`). */
export type GraphSource =
  | 'graph_def'
  | 'meta_graph_def'
  | 'run_metadata'
  | 'keras_model'
  | 'graphdef'
  | 'metagraph'
  | 'saved_model';

export interface LoadedGraph {
  readonly source: GraphSource;
  /** Summary tag (run metadata, Keras model) or null. */
  readonly tag: string | null;
  /** Event step, or null outside event files. */
  readonly step: number | null;
  readonly wallTime: number | null;
  /** The file holding the graph (differs per graph in a logdir). */
  readonly file: string;
  /** Run (folder relative to the logdir) for logdir loads, else null. */
  readonly run: string | null;
  /** Byte offset of the record or message holding the graph, when known. */
  readonly offset: number | null;
  readonly graph: Graph;
  /** Tags, version and signatures for MetaGraphDefs and SavedModel meta graphs. */
  readonly meta: MetaGraphInfo | null;
}

/** Profile step stats from `tagged_run_metadata` events and run-metadata summaries. */
export interface StepStatsRecord {
  readonly tag: string;
  readonly step: number;
  readonly file: string;
  readonly stats: tensorflow.StepStats.$Properties;
}

export interface LoadResult {
  readonly file: string;
  readonly format: FileFormat | null;
  readonly graphs: LoadedGraph[];
  readonly stepStats: StepStatsRecord[];
  readonly warnings: LoadWarning[];
  readonly error: LoadErrorInfo | null;
  /** For event files: offset after the last complete record, to resume when the file grows. */
  readonly resumeOffset: number | null;
}
