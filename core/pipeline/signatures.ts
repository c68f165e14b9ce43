// A graph's SavedModel / MetaGraph signatures as the UI and the CLI show them: each signature's
// method and its inputs and outputs (key, tensor, declared dtype and shape) with the op that
// produces the tensor, by name, so that a click can select it on the canvas.
import type { Graph } from '../graph/graph';
import { tensorNode } from '../graph/signature-tensors';
import type { MetaGraphInfo, SignatureTensor } from '../io/graph-decode';

export interface SignatureTensorView extends SignatureTensor {
  /** The op producing the tensor and its type, null when the graph has no node of that name. */
  readonly node: string | null;
  readonly op: string | null;
}

export interface SignatureView {
  readonly key: string;
  readonly methodName: string;
  readonly inputs: readonly SignatureTensorView[];
  readonly outputs: readonly SignatureTensorView[];
}

function tensorView(g: Graph, t: SignatureTensor): SignatureTensorView {
  const { node } = tensorNode(g, t.tensor);
  return { ...t, node: node < 0 ? null : g.name(node), op: node < 0 ? null : g.op(node) };
}

/** The signatures of a meta graph, tensors resolved against its graph (none for a plain GraphDef). */
export function signatureViews(meta: MetaGraphInfo | null, g: Graph): SignatureView[] {
  return (meta?.signatures ?? []).map((s) => ({ key: s.key, methodName: s.methodName, inputs: s.inputs.map((t) => tensorView(g, t)), outputs: s.outputs.map((t) => tensorView(g, t)) }));
}
