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
  try {
    if (source.size === 0) throw new LoadError('unknown-format', file, 0, 'the file is empty');
    options.onProgress?.('detecting format', 0, source.size);
    const head = await source.read(0, Math.min(source.size, SNIFF_BYTES));
    format = detectFromHead(head);
    if (format === 'events') return await loadEvents(source, run, options);
    const bytes = await readAll(source);
    if (format === null) format = classifyBinary(bytes);
    options.onProgress?.('decoding graph', 0, source.size);
    const graphs = decodeWhole(format, bytes, file, run, options.onGraphBytes);
    options.onProgress?.('decoding graph', source.size, source.size);
    return { file, format, graphs, stepStats: [], warnings: [], error: null, resumeOffset: null };
  } catch (err) {
    const e = toLoadError(err, 'malformed-proto', file, null);
    return { file, format, graphs: [], stepStats: [], warnings: [], error: e.toJSON(), resumeOffset: null };
  }
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
  if (runs.length === 0) warnings.push({ kind: 'empty', offset: null, file: name, message: 'no event files (*tfevents*) found in this folder' });
  return { file: name, format: 'logdir', graphs, stepStats, warnings, error, resumeOffset: null };
}
