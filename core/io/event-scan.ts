// Decodes event files record by record. A hand-written wire walk reads each Event's top-level
// fields and the plugin names of its summary values, so scalar/histogram/image records are
// skipped without allocating; only graph-bearing records are decoded with protobufjs.
import { scopeview, tensorflow } from '../proto/generated/proto.js';
import { EventFields, graphSummaryValues, readStep, readWallTime, scanEventFields } from './event-wire';
import type { LoadWarning } from './errors';
import { decodeAt, graphIn, metaInfoOf } from './graph-decode';
import { readGraphDef, type GraphBytesHook } from './graph-def-reader';
import type { LoadedGraph, StepStatsRecord } from './load-result';
import { kerasModelGraph } from '../graph/keras-model';
import protobuf from 'protobufjs/minimal.js';

const GRAPH_PLUGINS = ['graph_run_metadata', 'graph_run_metadata_graph', 'graph_keras_model'] as const;
type GraphPlugin = (typeof GRAPH_PLUGINS)[number];
const PLUGIN_BYTES: readonly (readonly number[])[] = GRAPH_PLUGINS.map((p) => [...p].map((c) => c.charCodeAt(0)));
const utf8 = protobuf.util.utf8;

/** The record holds a field decoded into objects that keep views of the record (graph_def,
 *  meta_graph_def, tagged_run_metadata); summaries copy only what they keep. */
function keepsBytes(f: EventFields): boolean {
  for (let k = 0; k < f.count; k++) {
    const field = f.field[k];
    if (field === 4 || field === 8 || field === 9) return true;
  }
  return false;
}

/** Collects graphs and step stats from the records of one event file. */
export class EventDecoder {
  readonly graphs: LoadedGraph[] = [];
  readonly stepStats: StepStatsRecord[] = [];
  readonly warnings: LoadWarning[] = [];
  records = 0;
  fileVersion: string | null = null;

  constructor(readonly file: string, readonly run: string | null = null, private readonly onGraphBytes?: GraphBytesHook) {}

  /** Handles one record; malformed records become warnings, never exceptions. `stable` is false
   *  when buf is a reused read buffer: a graph found in it is decoded from a copy of its bytes. */
  onRecord(buf: Uint8Array, start: number, end: number, offset: number, stable = true): void {
    this.records++;
    try {
      this.scanEvent(buf, start, end, offset, stable);
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      this.warn('malformed-record', offset, `record at byte ${offset} is not a valid Event (${detail}); skipped`);
    }
  }

  private warn(kind: LoadWarning['kind'], offset: number | null, message: string): void {
    this.warnings.push({ kind, offset, message, file: this.file });
  }

  private readonly fields = new EventFields();

  /** Scans the Event in data[begin, finish); `offset` is the file offset of the record header. */
  private scanEvent(data: Uint8Array, begin: number, finish: number, offset: number, stable: boolean): void {
    const f = this.fields;
    const error = scanEventFields(data, begin, finish, f);
    if (error !== null) throw new Error(error);
    if (f.count === 0) return;
    if (!stable && keepsBytes(f)) {
      // Graphs keep views into their bytes (lazy attributes): give them a copy of their own.
      this.scanEvent(data.slice(begin, finish), 0, finish - begin, offset, true);
      return;
    }
    // File offset of data[0]: the record's data starts 12 header bytes after `offset`, at data[begin].
    const base = offset + 12 - begin;
    for (let k = 0; k < f.count; k++) {
      const field = f.field[k] as number;
      const start = f.start[k] as number;
      const end = f.end[k] as number;
      // Summaries are the hot path (10^6 scalar records): nothing is allocated unless a graph is found.
      if (field === 5) {
        this.summaryContext.data = data;
        this.summaryContext.base = base;
        this.summaryContext.finish = finish;
        this.summaryContext.stable = stable;
        const error = graphSummaryValues(data, start, end, PLUGIN_BYTES, this.onGraphSummary);
        if (error !== null) throw new Error(error);
        continue;
      }
      const bytes = data.subarray(start, end);
      const at = base + start;
      // wall_time and step are decoded only for records that hold something (not for scalars).
      const ctx = { step: readStep(data, f.stepAt, finish), wallTime: readWallTime(data, f.wallAt), offset: at };
      if (field === 3) this.fileVersion = utf8.read(data, start, end);
      else if (field === 4) this.pushGraph('graph_def', null, ctx, readGraphDef(data, this.file, base, start, end, this.onGraphBytes), null);
      else if (field === 9) {
        const meta = decodeAt(bytes, (r) => scopeview.lazy.LazyMetaGraphDef.decode(r), this.file, at, 'Event.meta_graph_def');
        this.pushGraph('meta_graph_def', null, ctx, graphIn(meta.graphDef, data, this.file, base, this.onGraphBytes), metaInfoOf(meta));
      } else if (field === 8) {
        const tagged = decodeAt(bytes, (r) => tensorflow.TaggedRunMetadata.decode(r), this.file, at, 'TaggedRunMetadata');
        const rm = decodeAt(tagged.runMetadata ?? new Uint8Array(0), (r) => scopeview.lazy.LazyRunMetadata.decode(r), this.file, at, 'RunMetadata');
        if (rm.stepStats) this.stepStats.push({ tag: tagged.tag ?? '', step: ctx.step, file: this.file, stats: rm.stepStats });
      }
    }
  }

  private pushGraph(source: LoadedGraph['source'], tag: string | null, ctx: { step: number; wallTime: number; offset: number }, graph: LoadedGraph['graph'], meta: LoadedGraph['meta']): void {
    this.graphs.push({ source, tag, step: ctx.step, wallTime: ctx.wallTime, file: this.file, run: this.run, offset: ctx.offset, graph, meta });
  }

  /** Walks Summary.value entries; decodes only those whose plugin holds a graph. */
  /** The record being scanned, for onGraphSummary (kept on the instance so no closure is made per record). */
  private readonly summaryContext: { data: Uint8Array; base: number; finish: number; stable: boolean } = { data: new Uint8Array(0), base: 0, finish: 0, stable: true };

  private readonly onGraphSummary = (plugin: number, vStart: number, vEnd: number): void => {
    const { data, base, finish, stable } = this.summaryContext;
    const f = this.fields;
    const ctx = { step: readStep(data, f.stepAt, finish), wallTime: readWallTime(data, f.wallAt), offset: base + vStart };
    const bytes = stable ? data.subarray(vStart, vEnd) : data.slice(vStart, vEnd);
    this.graphSummary(GRAPH_PLUGINS[plugin] as GraphPlugin, bytes, ctx);
  };

  private graphSummary(plugin: GraphPlugin, bytes: Uint8Array, ctx: { step: number; wallTime: number; offset: number }): void {
    const value = decodeAt(bytes, (r) => tensorflow.Summary.Value.decode(r), this.file, ctx.offset, 'Summary.Value');
    const tag = value.tag ?? '';
    const payload = value.tensor?.stringVal?.[0];
    if (!payload) {
      this.warn('malformed-record', ctx.offset, `summary '${tag}' (${plugin}) at byte ${ctx.offset} has no payload; skipped`);
      return;
    }
    if (plugin === 'graph_keras_model') {
      const json = utf8.read(payload, 0, payload.length);
      const res = kerasModelGraph(json);
      if (res.error !== null) this.warn('malformed-json', ctx.offset, `Keras model summary '${tag}' at byte ${ctx.offset}: ${res.error}`);
      else this.pushGraph('keras_model', tag, ctx, res.graph, null);
      return;
    }
    const rm = decodeAt(payload, (r) => scopeview.lazy.LazyRunMetadata.decode(r), this.file, ctx.offset, 'RunMetadata');
    if (rm.stepStats && (rm.stepStats.devStats?.length ?? 0) > 0) this.stepStats.push({ tag, step: ctx.step, file: this.file, stats: rm.stepStats });
    let found = 0;
    // Graphs inside the payload are not at file offsets of their own: the summary's offset is reported.
    for (const fg of rm.functionGraphs ?? []) {
      if (fg.preOptimizationGraph && fg.preOptimizationGraph.length > 0) {
        this.pushGraph('run_metadata', tag, ctx, graphIn(fg.preOptimizationGraph, payload, this.file, null), null);
        found++;
      }
    }
    if (found === 0) {
      for (const pg of rm.partitionGraphs ?? []) {
        this.pushGraph('run_metadata', tag, ctx, graphIn(pg, payload, this.file, null), null);
        found++;
      }
    }
    if (found === 0) this.warn('empty', ctx.offset, `run metadata '${tag}' at step ${ctx.step} (byte ${ctx.offset}) holds no graph`);
  }
}
