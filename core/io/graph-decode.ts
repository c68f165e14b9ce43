// Turns GraphDef / MetaGraphDef / SavedModel bytes into graph models. Containers are decoded with
// the generated lazy decoders (graphs stay as zero-copy byte views); graphs go through the column
// reader. Failures become LoadErrors naming the byte offset where decoding stopped.
import protobuf from 'protobufjs/minimal.js';
import { scopeview, type tensorflow } from '../proto/generated/proto.js';
import { shapeDims } from '../graph/attrs';
import { pythonDtype } from '../graph/tensor-types';
import { LoadError } from './errors';
import { readGraphDef, type GraphBytesHook } from './graph-def-reader';
import type { Graph } from '../graph/graph';

type Decoder<T> = (reader: protobuf.Reader) => T;

/** `base` is the file offset of `bytes[0]`, or null when the bytes are not the file's (transcoded text). */
export function decodeAt<T>(bytes: Uint8Array, decode: Decoder<T>, file: string, base: number | null, what: string): T {
  const reader = protobuf.Reader.create(bytes);
  try {
    return decode(reader);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    const at = base === null ? null : base + Math.min(reader.pos, bytes.length);
    throw new LoadError('malformed-proto', file, at, `${what} is not a valid protobuf message: ${detail}${at === null ? '' : ` (near byte ${at})`}`);
  }
}

/** Reads a GraphDef held in `inner`, a view into `outer` whose first byte is at file offset `base`. */
export function graphIn(inner: Uint8Array, outer: Uint8Array, file: string, base: number | null, onBytes?: GraphBytesHook): Graph {
  const start = inner.byteOffset - outer.byteOffset;
  if (inner.buffer === outer.buffer && start >= 0 && start + inner.length <= outer.length) {
    return readGraphDef(outer, file, base, start, start + inner.length, onBytes);
  }
  return readGraphDef(inner, file, null, 0, inner.length, onBytes);
}

export function decodeGraphDef(bytes: Uint8Array, file: string, base: number | null = 0, onBytes?: GraphBytesHook): Graph {
  return readGraphDef(bytes, file, base, 0, bytes.length, onBytes);
}

/** One input or output of a signature: its key, the graph tensor it maps to (`x:0`), and what the signature declares of it. */
export interface SignatureTensor {
  readonly key: string;
  readonly tensor: string;
  /** `float32`-style, null when the signature does not say (DT_INVALID). */
  readonly dtype: string | null;
  /** Dimensions (-1 unknown), null for an unknown rank or no shape. */
  readonly shape: readonly number[] | null;
}

export interface SignatureSummary {
  readonly key: string;
  readonly methodName: string;
  readonly inputs: readonly SignatureTensor[];
  readonly outputs: readonly SignatureTensor[];
}

export interface MetaGraphInfo {
  readonly tags: readonly string[];
  readonly tensorflowVersion: string;
  readonly signatures: readonly SignatureSummary[];
}

function signatureTensor([key, t]: [string, tensorflow.ITensorInfo]): SignatureTensor {
  return { key, tensor: t.name ?? '', dtype: t.dtype ? pythonDtype(t.dtype) : null, shape: t.tensorShape ? shapeDims(t.tensorShape) : null };
}

const byKey = (a: { key: string }, b: { key: string }): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

export function metaInfoOf(meta: scopeview.lazy.LazyMetaGraphDef.$Properties): MetaGraphInfo {
  const sigs = Object.entries(meta.signatureDef ?? {}).map(([key, s]) => ({
    key,
    methodName: s.methodName ?? '',
    inputs: Object.entries(s.inputs ?? {}).map(signatureTensor).sort(byKey),
    outputs: Object.entries(s.outputs ?? {}).map(signatureTensor).sort(byKey),
  }));
  return {
    tags: [...(meta.metaInfoDef?.tags ?? [])],
    tensorflowVersion: meta.metaInfoDef?.tensorflowVersion ?? '',
    signatures: sigs,
  };
}

function metaGraphOf(meta: scopeview.lazy.LazyMetaGraphDef.$Properties, outer: Uint8Array, file: string, base: number | null, onBytes?: GraphBytesHook): { graph: Graph; info: MetaGraphInfo } {
  return { graph: graphIn(meta.graphDef ?? new Uint8Array(0), outer, file, base, onBytes), info: metaInfoOf(meta) };
}

export function decodeMetaGraph(bytes: Uint8Array, file: string, base: number | null = 0, onBytes?: GraphBytesHook): { graph: Graph; info: MetaGraphInfo } {
  const meta = decodeAt(bytes, (r) => scopeview.lazy.LazyMetaGraphDef.decode(r), file, base, 'MetaGraphDef');
  return metaGraphOf(meta, bytes, file, base, onBytes);
}

export function decodeSavedModel(bytes: Uint8Array, file: string, base: number | null = 0, onBytes?: GraphBytesHook): { graph: Graph; info: MetaGraphInfo }[] {
  const sm = decodeAt(bytes, (r) => scopeview.lazy.LazySavedModel.decode(r), file, base, 'SavedModel');
  return (sm.metaGraphs ?? []).map((m) => metaGraphOf(m, bytes, file, base, onBytes));
}
