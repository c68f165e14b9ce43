// The dtype and shape of each tensor an op outputs, read from the node itself: the shape from
// `_output_shapes` (or a Placeholder's / variable's `shape`, a Const's value), the dtype from the
// attribute that the op's definition names for that output. Ops whose output types are not known
// here get a null dtype ("unknown") rather than a guess from whatever `T` they carry.
import { tensorflow } from '../proto/generated/proto.js';
import { attrEntryKey, dtypeName, findAttr, shapeDims, type AttrValue } from './attrs';
import type { Graph } from './graph';

export interface TensorType {
  /** `float32`-style name, or null when the node does not say. */
  readonly dtype: string | null;
  /** Dimensions (-1 for unknown sizes), or null for an unknown rank / no shape information. */
  readonly shape: readonly number[] | null;
}

export const UNKNOWN_TENSOR: TensorType = { dtype: null, shape: null };

/** How an op's outputs get their dtype: from an attribute (the whole output list or one per slot) or fixed. */
type Rule =
  | { readonly attr: string; readonly fallback?: number }
  | { readonly list: string }
  | { readonly fixed: number }
  | { readonly slots: readonly Rule[] }
  | { readonly ref: string };

const DT = tensorflow.DataType;
const T: Rule = { attr: 'T' };

/** Ops whose every output has the type of attribute `T` (elementwise math, nn and array ops). */
const SAME_AS_T = [
  'Identity', 'Add', 'AddV2', 'AddN', 'Sub', 'Mul', 'Div', 'RealDiv', 'DivNoNan', 'FloorDiv', 'FloorMod', 'Mod', 'Maximum', 'Minimum', 'Pow',
  'SquaredDifference', 'Neg', 'Abs', 'Square', 'Sqrt', 'Rsqrt', 'Reciprocal', 'Exp', 'Log', 'Log1p', 'Tanh', 'Sigmoid', 'Sin', 'Cos',
  'Floor', 'Ceil', 'Round', 'Sign', 'Relu', 'Relu6', 'Elu', 'Selu', 'Softplus', 'Softsign', 'LeakyRelu', 'Softmax', 'LogSoftmax',
  'ReluGrad', 'Relu6Grad', 'EluGrad', 'SigmoidGrad', 'TanhGrad', 'RsqrtGrad', 'SqrtGrad', 'SoftplusGrad', 'BiasAdd', 'BiasAddGrad', 'BiasAddV1',
  'MatMul', 'BatchMatMul', 'BatchMatMulV2', 'Conv2D', 'Conv2DBackpropInput', 'Conv2DBackpropFilter', 'Conv3D', 'DepthwiseConv2dNative',
  'DepthwiseConv2dNativeBackpropInput', 'DepthwiseConv2dNativeBackpropFilter', 'MaxPool', 'AvgPool', 'MaxPoolGrad', 'AvgPoolGrad', 'LRN',
  'Reshape', 'Transpose', 'Squeeze', 'ExpandDims', 'ConcatV2', 'Concat', 'Pack', 'Unpack', 'Split', 'SplitV', 'Slice', 'StridedSlice',
  'StridedSliceGrad', 'Tile', 'Pad', 'PadV2', 'MirrorPad', 'Gather', 'GatherV2', 'GatherNd', 'Sum', 'Mean', 'Max', 'Min', 'Prod',
  'Select', 'SelectV2', 'Fill', 'ZerosLike', 'OnesLike', 'StopGradient', 'PreventGradient', 'Snapshot', 'CheckNumerics', 'L2Loss',
  'BroadcastTo', 'Cumsum', 'Cumprod', 'ReverseV2', 'ClipByValue', 'Switch', 'Enter', 'Exit', 'NextIteration', 'RefEnter', 'RefExit',
  'RefNextIteration', 'RefSwitch', 'RefIdentity', 'Print', 'DynamicStitch', 'ParallelDynamicStitch', 'FusedBatchNorm', 'FusedBatchNormGrad',
  'SoftmaxCrossEntropyWithLogits', 'SparseSoftmaxCrossEntropyWithLogits', 'Einsum', 'UnsortedSegmentSum', 'SegmentSum', 'ScatterNd',
  'TensorScatterUpdate', 'Assign', 'AssignAdd', 'AssignSub', 'ApplyGradientDescent', 'ApplyAdam', 'ApplyMomentum', 'ApplyRMSProp',
  'ApplyAdagrad', 'ResizeNearestNeighbor', 'OneHot', 'SpaceToDepth', 'DepthToSpace', 'MatrixBandPart', 'InvertPermutation', 'BroadcastGradientArgs',
];

const COMPARISONS = ['VarIsInitializedOp', 'IsVariableInitialized', 'Equal', 'NotEqual', 'Less', 'LessEqual', 'Greater', 'GreaterEqual', 'IsNan', 'IsInf', 'IsFinite', 'LogicalAnd', 'LogicalOr', 'LogicalNot', 'ApproximateEqual', 'InTopK', 'InTopKV2'];
const SUMMARIES = ['ScalarSummary', 'HistogramSummary', 'ImageSummary', 'AudioSummary', 'AudioSummaryV2', 'MergeSummary', 'TensorSummary', 'TensorSummaryV2', 'StringJoin', 'AsString', 'EncodePng', 'EncodeJpeg', 'SerializeTensor', 'ShardedFilename'];

const RULES: ReadonlyMap<string, Rule> = new Map<string, Rule>([
  ...SAME_AS_T.map((op): [string, Rule] => [op, T]),
  ...COMPARISONS.map((op): [string, Rule] => [op, { fixed: DT.DT_BOOL }]),
  ...SUMMARIES.map((op): [string, Rule] => [op, { fixed: DT.DT_STRING }]),
  ['Const', { attr: 'dtype' }], ['Placeholder', { attr: 'dtype' }], ['PlaceholderWithDefault', { attr: 'dtype' }],
  ['ReadVariableOp', { attr: 'dtype' }], ['RandomUniform', { attr: 'dtype' }], ['RandomStandardNormal', { attr: 'dtype' }],
  ['TruncatedNormal', { attr: 'dtype' }], ['RandomUniformInt', { attr: 'Tout' }], ['Cast', { attr: 'DstT' }], ['Bitcast', { attr: 'type' }],
  ['Shape', { attr: 'out_type', fallback: DT.DT_INT32 }], ['Size', { attr: 'out_type', fallback: DT.DT_INT32 }],
  ['ShapeN', { attr: 'out_type', fallback: DT.DT_INT32 }], ['Rank', { fixed: DT.DT_INT32 }],
  ['ArgMax', { attr: 'output_type', fallback: DT.DT_INT64 }], ['ArgMin', { attr: 'output_type', fallback: DT.DT_INT64 }],
  ['Range', { attr: 'Tidx', fallback: DT.DT_INT32 }], ['Where', { fixed: DT.DT_INT64 }], ['StringToNumber', { attr: 'out_type', fallback: DT.DT_FLOAT }],
  ['DecodeRaw', { attr: 'out_type' }], ['ParseTensor', { attr: 'out_type' }],
  ['Merge', { slots: [T, { fixed: DT.DT_INT32 }] }], ['RefMerge', { slots: [T, { fixed: DT.DT_INT32 }] }],
  ['Unique', { slots: [T, { attr: 'out_idx', fallback: DT.DT_INT32 }] }], ['TopKV2', { slots: [T, { fixed: DT.DT_INT32 }] }],
  ['FusedBatchNormV2', { slots: [T, { attr: 'U' }, { attr: 'U' }, { attr: 'U' }, { attr: 'U' }] }],
  ['FusedBatchNormV3', { slots: [T, { attr: 'U' }, { attr: 'U' }, { attr: 'U' }, { attr: 'U' }, { attr: 'U' }] }],
  ['VarHandleOp', { fixed: DT.DT_RESOURCE }], ['VariableV2', { ref: 'dtype' }], ['Variable', { ref: 'dtype' }],
  ['IdentityN', { list: 'T' }], ['IteratorGetNext', { list: 'output_types' }], ['OptionalGetValue', { list: 'output_types' }],
  ['RestoreV2', { list: 'dtypes' }], ['PartitionedCall', { list: 'Tout' }], ['StatefulPartitionedCall', { list: 'Tout' }],
  ['QueueDequeueV2', { list: 'component_types' }], ['QueueDequeueManyV2', { list: 'component_types' }],
]);

/** Python's names for the types TensorFlow's enum calls FLOAT, DOUBLE and HALF. */
const PY_NAMES: Readonly<Record<string, string>> = { float: 'float32', double: 'float64', half: 'float16' };

/** `float32`, `int32`, `float32_ref`, `resource`: the dtype as TensorFlow's Python API names it. */
export function pythonDtype(dtype: number): string {
  const n = dtypeName(dtype);
  const ref = n.endsWith('_ref');
  const base = ref ? n.slice(0, -4) : n;
  return `${PY_NAMES[base] ?? base}${ref ? '_ref' : ''}`;
}

/** Ref types are the value type + 100 (`DT_FLOAT_REF` = 101). */
const REF_OFFSET = 100;

function typeAttr(attrs: ReadonlyMap<string, AttrValue>, key: string): number | null {
  const v = attrs.get(key);
  return v && v.type !== undefined && v.type !== null && v.type !== 0 ? v.type : null;
}

function dtypeOf(rule: Rule, slot: number, attrs: ReadonlyMap<string, AttrValue>): number | null {
  if ('fixed' in rule) return rule.fixed;
  if ('ref' in rule) {
    const t = typeAttr(attrs, rule.ref);
    return t === null ? null : t + REF_OFFSET;
  }
  if ('slots' in rule) {
    const r = rule.slots[slot];
    return r ? dtypeOf(r, 0, attrs) : null;
  }
  if ('list' in rule) {
    const t = attrs.get(rule.list)?.list?.type?.[slot];
    return t === undefined || t === 0 ? null : t;
  }
  return typeAttr(attrs, rule.attr) ?? rule.fallback ?? null;
}

/** The shape a node declares for its single output when it has no `_output_shapes`. */
function declaredShape(op: string, attrs: ReadonlyMap<string, AttrValue>): readonly number[] | null {
  if (op === 'Const') {
    const shape = attrs.get('value')?.tensor?.tensorShape;
    return shape ? shapeDims(shape) : null;
  }
  if (op === 'Placeholder' || op === 'PlaceholderWithDefault' || op === 'VariableV2' || op === 'Variable') {
    const shape = attrs.get('shape')?.shape;
    return shape ? shapeDims(shape) : null;
  }
  return null;
}

/** Keys read to type a node's outputs; other attributes (a Const's large `value` aside) stay encoded. */
const TYPE_KEYS = new Set(['_output_shapes', 'T', 'dtype', 'out_type', 'output_type', 'output_types', 'Tout', 'DstT', 'type', 'Tidx', 'out_idx', 'U', 'dtypes', 'component_types', 'shape']);

function typingAttrs(g: Graph, node: number): Map<string, AttrValue> {
  const out = new Map<string, AttrValue>();
  const isConst = g.op(node) === 'Const';
  // One walk over the encoded entries; only the typing keys are decoded.
  for (const entry of g.attrEntries(node)) {
    const key = attrEntryKey(entry);
    if (key === null || !(TYPE_KEYS.has(key) || (key === 'value' && isConst))) continue;
    const v = findAttr([entry], key);
    if (v) out.set(key, v);
  }
  return out;
}

/**
 * The type of every output slot node `i` is known to have: as many as `_output_shapes` lists, or
 * as its dtype rule names (at least one for ops with a rule; none for an op nothing is known of).
 */
export function outputTypes(g: Graph, i: number): TensorType[] {
  const op = g.op(i);
  const attrs = typingAttrs(g, i);
  const rule = RULES.get(op);
  const shapes = attrs.get('_output_shapes')?.list?.shape?.map((s) => shapeDims(s)) ?? null;
  let count = shapes?.length ?? 0;
  if (rule && 'list' in rule) count = Math.max(count, attrs.get(rule.list)?.list?.type?.length ?? 0);
  if (rule && 'slots' in rule && count === 0) count = rule.slots.length;
  if (rule && count === 0) count = 1;
  const declared = shapes === null ? declaredShape(op, attrs) : null;
  const out: TensorType[] = [];
  for (let slot = 0; slot < count; slot++) {
    const dtype = rule ? dtypeOf(rule, slot, attrs) : null;
    out.push({ dtype: dtype === null ? null : pythonDtype(dtype), shape: shapes?.[slot] ?? (slot === 0 ? declared : null) });
  }
  return out;
}

/** Output types per node, decoded once per node on first use (for labelling many edges). */
export class TensorTypes {
  private readonly cache = new Map<number, TensorType[]>();
  constructor(private readonly graph: Graph) {}

  of(node: number, slot: number): TensorType {
    return this.all(node)[slot] ?? UNKNOWN_TENSOR;
  }

  /** Output slots the node's attributes describe. */
  slots(node: number): number {
    return this.all(node).length;
  }

  private all(node: number): TensorType[] {
    let types = this.cache.get(node);
    if (!types) {
      types = outputTypes(this.graph, node);
      this.cache.set(node, types);
    }
    return types;
  }
}

/** TensorBoard-style shape: `?×224×224×3`, `scalar` for rank 0, `?` when even the rank is unknown. */
export function formatDims(shape: readonly number[] | null): string {
  if (shape === null) return '?';
  if (shape.length === 0) return 'scalar';
  return shape.map((d) => (d < 0 ? '?' : String(d))).join('×');
}

/** Full description for the inspector: `float32 ?×224×224×3`, with "unknown" for what the node does not say. */
export function describeTensor(t: TensorType): string {
  return `${t.dtype ?? 'unknown dtype'} ${t.shape === null ? 'unknown shape' : formatDims(t.shape)}`;
}

/**
 * Short edge label: the shape, prefixed with the dtype unless it is float32 (most tensors are; the
 * others are the ones worth pointing out); '' when neither is known.
 */
export function edgeLabel(t: TensorType): string {
  if (t.dtype === null && t.shape === null) return '';
  if (t.shape === null) return t.dtype ?? '';
  const dims = formatDims(t.shape);
  return t.dtype === null || t.dtype === 'float32' ? dims : `${t.dtype} ${dims}`;
}
