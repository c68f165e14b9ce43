// The loader's entry point: detect a file's format from its content and extract every graph it
// holds. Never throws: every failure becomes `error` (typed, with file and offset) and whatever
// was read before it is still returned.
import { LoadError, toLoadError, type LoadWarning } from './errors';
import { readAll, type ByteSource } from './byte-source';
import { classifyBinary, detectFromHead, SNIFF_BYTES } from './detect';
import { EventDecoder } from './event-scan';
import { decodeGraphDef, decodeMetaGraph, decodeSavedModel } from './graph-decode';
import type { GraphBytesHook } from './graph-def-reader';
import type { FileFormat, LoadedGraph, LoadResult, StepStatsRecord } from './load-result';
import { scanRecords } from './tfrecord-reader';
import { textToBinary } from './text-format';
import { walkFields } from '../proto/wire';

export interface LoadOptions {
  /** Run name to attach to graphs (logdir loads). */
  readonly run?: string | null;
  readonly isCancelled?: () => boolean;
  readonly onProgress?: (stage: string, done: number, total: number) => void;
  /** For event files that grew: resume scanning at this offset (from a previous `resumeOffset`). */
  readonly startOffset?: number;
  /** Sees each graph's GraphDef bytes just before they are decoded (not run metadata's). */
  readonly onGraphBytes?: GraphBytesHook;
}

const TEXT_TYPES: Partial<Record<FileFormat, string>> = {
  'graphdef-text': 'tensorflow.GraphDef',
  'metagraph-text': 'tensorflow.MetaGraphDef',
  'savedmodel-text': 'tensorflow.SavedModel',
};

export async function loadSource(source: ByteSource, options: LoadOptions = {}): Promise<LoadResult> {
  const file = source.name;
  const run = options.run ?? null;
  let format: FileFormat | null = null;
  /** The whole file, when its format had to be guessed from its wire structure. */
  let guessed: Uint8Array | null = null;
  try {
    if (source.size === 0) throw new LoadError('unknown-format', file, 0, 'the file is empty');
    options.onProgress?.('detecting format', 0, source.size);
    const head = await source.read(0, Math.min(source.size, SNIFF_BYTES));
    format = detectFromHead(head);
    if (format === 'events') return await loadEvents(source, run, options);
    const bytes = await readAll(source);
    if (format === null) {
      guessed = bytes;
      format = classifyBinary(bytes);
    }
    options.onProgress?.('decoding graph', 0, source.size);
    const graphs = decodeWhole(format, bytes, file, run, options.onGraphBytes);
    options.onProgress?.('decoding graph', source.size, source.size);
    return { file, format, graphs, stepStats: [], warnings: [], error: null, resumeOffset: null };
  } catch (err) {
    let e = toLoadError(err, 'malformed-proto', file, null);
    // A file that is not protobuf at all (a README, a PNG) is named for what it is, not for the
    // first byte the decoder tripped on; that detail stays, with its offset.
    if (guessed && e.kind === 'malformed-proto' && !looksLikeProtobuf(guessed)) {
      e = new LoadError('unknown-format', file, e.offset, `${baseName(file)} is not a TensorFlow graph file (${GRAPH_FILE_KINDS})`, e.message);
      format = null;
    }
    return { file, format, graphs: [], stepStats: [], warnings: [], error: e.toJSON(), resumeOffset: null };
  }
}

/** What Scopeview reads, in the words of the "not a graph file" error. */
export const GRAPH_FILE_KINDS = 'event log, GraphDef, MetaGraphDef or SavedModel';

const baseName = (file: string): string => file.slice(file.lastIndexOf('/') + 1) || file;

/**
 * False for bytes that cannot be a serialized message: the top-level fields break at the first
 * byte, or the start reads as plain text (a binary message starts with tags and lengths, which
 * are control bytes; text formats were recognised before this point).
 */
function looksLikeProtobuf(bytes: Uint8Array): boolean {
  const { fields, errorAt } = walkFields(bytes, 0, bytes.length, 4096);
  if (errorAt === 0 || fields.length === 0) return false;
  const n = Math.min(bytes.length, 512);
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return true;
  }
  return false;
}

function decodeWhole(format: FileFormat, raw: Uint8Array, file: string, run: string | null, onBytes?: GraphBytesHook): LoadedGraph[] {
  const textType = TEXT_TYPES[format];
  const bytes = textType ? textToBinary(raw, textType, file) : raw;
  // Offsets inside transcoded text are not file offsets: decode errors there name no offset.
  const base = textType ? null : 0;
  const common = { tag: null, step: null, wallTime: null, file, run, offset: 0 };
  switch (format) {
    case 'graphdef':
    case 'graphdef-text':
      return [{ ...common, source: 'graphdef', graph: decodeGraphDef(bytes, file, base, onBytes), meta: null }];
    case 'metagraph':
    case 'metagraph-text': {
      const { graph, info } = decodeMetaGraph(bytes, file, base, onBytes);
      return [{ ...common, source: 'metagraph', graph, meta: info }];
    }
    case 'savedmodel':
    case 'savedmodel-text':
      return decodeSavedModel(bytes, file, base, onBytes).map(({ graph, info }) => ({ ...common, source: 'saved_model', graph, meta: info }));
    default:
      throw new LoadError('unknown-format', file, 0, `cannot decode format ${format}`);
  }
}

async function loadEvents(source: ByteSource, run: string | null, options: LoadOptions): Promise<LoadResult> {
  const decoder = new EventDecoder(source.name, run, options.onGraphBytes);
  const scan = await scanRecords(source, (buf, start, end, offset, stable) => decoder.onRecord(buf, start, end, offset, stable), {
    isCancelled: options.isCancelled,
    startOffset: options.startOffset,
    onProgress: (done, total) => options.onProgress?.('reading events', done, total),
  });
  const warnings: LoadWarning[] = [...scan.warnings, ...decoder.warnings];
  warnings.sort((a, b) => (a.offset ?? 0) - (b.offset ?? 0));
  const stepStats: StepStatsRecord[] = decoder.stepStats;
  return {
    file: source.name,
    format: 'events',
    graphs: decoder.graphs,
    stepStats,
    warnings,
    error: scan.error ? scan.error.toJSON() : null,
    resumeOffset: scan.endOffset,
  };
}

/** Loads several event files as one logdir result (format 'logdir'), graphs in run then file order. */
export async function loadLogdir(runs: readonly { run: string; sources: readonly ByteSource[] }[], name: string, options: LoadOptions = {}): Promise<LoadResult> {
  const graphs: LoadedGraph[] = [];
  const stepStats: StepStatsRecord[] = [];
  const warnings: LoadWarning[] = [];
  const error: LoadResult['error'] = null;
  for (const { run, sources } of runs) {
    for (const src of sources) {
      const r = await loadSource(src, { ...options, run });
      graphs.push(...r.graphs);
      stepStats.push(...r.stepStats);
      warnings.push(...r.warnings);
      if (r.error) {
        if (r.error.kind === 'cancelled') return { file: name, format: 'logdir', graphs, stepStats, warnings, error: r.error, resumeOffset: null };
        // One bad file does not stop a logdir: it becomes a warning naming the file and offset.
        warnings.push({ kind: 'malformed-record', offset: r.error.offset, file: r.error.file, message: `${r.error.file}: ${r.error.message}` });
      }
    }
  }
  if (runs.length === 0) warnings.push({ kind: 'empty', offset: null, file: name, message: 'no TensorFlow graph files in this folder: no event logs (*tfevents*), SavedModel, GraphDef (.pb, .pbtxt) or MetaGraphDef (.meta)' });
  return { file: name, format: 'logdir', graphs, stepStats, warnings, error, resumeOffset: null };
}
