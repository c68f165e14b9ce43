// The inspector's view of one hierarchy node: name, op, device, decoded attributes (dtype, shapes,
// a Const preview, `_output_shapes`), and inputs / outputs with control dependencies apart, each as
// a hierarchy node the UI can select; the ops drawn inside an op, and for such an embedded op every
// op it is drawn inside. Scopes get their op histogram and template instead.
import { EDGE_CONTROL } from '../graph/graph';
import { describeTensor, TensorTypes } from '../graph/tensor-types';
import { H_KIND_NAMES, H_OP, H_SCOPE, type Hierarchy } from '../scope/hierarchy';
import { scopeHistograms } from '../scope/histograms';
import type { ScopedHierarchy } from '../scope/scope-engine';
import { attrEntryText } from '../scope/search/search-attr-text';
import type { AttrLine, EmbeddedRef, Location, NodeDetails, NodeRef } from './messages';
import { tensorPreview } from './tensor-preview';

const MAX_LIST = 500;

function ref(model: ScopedHierarchy, graphNode: number): NodeRef {
  const g = model.hierarchy.graph;
  return { node: model.hierarchy.holder(graphNode), name: g.name(graphNode), op: g.op(graphNode) };
}

/** Graph node i when it is drawn inside other ops (embedded), else undefined. */
export function embeddedNode(h: Hierarchy, i: number): number | undefined {
  return h.hostsOf(i).length > 0 ? i : undefined;
}

/**
 * The scopes to open to show h, and the box standing for it (h, or the outermost series holding
 * it); `embedded` names the graph node asked for when it is drawn inside h.
 */
export function locationOf(model: ScopedHierarchy, h: number, embedded?: number): Location {
  const hier = model.hierarchy;
  const expand: string[] = [];
  let target = h;
  for (let p = hier.parent[h] as number; p >= 0 && p !== hier.root; p = hier.parent[p] as number) {
    if (hier.kind[p] === H_SCOPE) expand.push(hier.name(p));
    else {
      target = p;
      expand.length = 0;
    }
  }
  const location = { target, expand: expand.reverse() };
  return embedded === undefined ? location : { ...location, embedded };
}

/** Names of the scopes holding h, outermost first. */
export function scopePathOf(model: ScopedHierarchy, h: number): string[] {
  const hier = model.hierarchy;
  const path: string[] = [];
  for (let p = hier.parent[h] as number; p >= 0 && p !== hier.root; p = hier.parent[p] as number) path.push(hier.name(p));
  return path.reverse();
}

function attrLines(model: ScopedHierarchy, node: number): AttrLine[] {
  const g = model.hierarchy.graph;
  const lines: AttrLine[] = [];
  for (const entry of g.attrEntries(node)) {
    const t = attrEntryText(entry);
    if (!t) continue;
    const value = t.key === 'value' && g.op(node) === 'Const' ? (tensorPreview(g.attr(node, 'value')) ?? t.value) : t.value;
    lines.push({ key: t.key, value: value.length > 400 ? `${value.slice(0, 400)}…` : value });
  }
  return lines.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * Details of hierarchy node h, or, with `embedded`, of that graph node (an op drawn inside h and
 * its other hosts, which has no hierarchy node of its own).
 */
export function nodeDetails(model: ScopedHierarchy, h: number, embedded?: number): NodeDetails {
  const hier = model.hierarchy;
  if (h < 0 || h >= hier.count) throw new Error(`no hierarchy node ${h}`);
  const g = hier.graph;
  const kind = H_KIND_NAMES[hier.kind[h] as 0 | 1 | 2];
  const base = { node: h, name: hier.name(h), kind, path: scopePathOf(model, h) };
  const template = model.templates.of(h);
  const templateSize = template === null ? 0 : (model.templates.sizes.get(template) ?? 0);
  if (hier.kind[h] !== H_OP) {
    const hist = scopeHistograms(hier, h);
    const histogram = [...hist.ops.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 12).map(([op, count]) => ({ op, count }));
    const devices = [...hist.devices.keys()];
    return {
      ...base, op: hier.op(h), device: devices.length === 1 ? (devices[0] as string) : devices.length > 1 ? `${devices.length} devices` : null,
      attrs: [], opCount: hier.opCount[h] as number, histogram, template, templateSize,
      inputs: [], outputs: [], controlInputs: [], controlOutputs: [], embedded: [], drawnIn: [], outputTensors: [],
    };
  }
  if (embedded !== undefined && (embedded < 0 || embedded >= g.nodeCount || !hier.hostsOf(embedded).includes(hier.opNode[h] as number))) {
    throw new Error(`graph node ${embedded} is not drawn inside hierarchy node ${h}`);
  }
  const node = embedded ?? (hier.opNode[h] as number);
  const e = g.edges;
  const types = new TensorTypes(g);
  const tensorOf = (src: number, slot: number): string => describeTensor(types.of(src, slot));
  const inputs: (NodeRef & { slot: string; tensor: string })[] = [];
  const outputs: (NodeRef & { slot?: string; tensor?: string })[] = [];
  const controlInputs: NodeRef[] = [];
  const controlOutputs: NodeRef[] = [];
  const inside: EmbeddedRef[] = [];
  const seenOut = new Set<string>();
  const seenCtlOut = new Set<number>();
  let maxSlot = -1;
  const seenInside = new Set<number>();
  const drawnHere = (other: number): void => {
    if (embedded !== undefined || seenInside.has(other) || inside.length >= MAX_LIST || !hier.hostsOf(other).includes(node)) return;
    seenInside.add(other);
    inside.push({ graphNode: other, name: g.name(other), op: g.op(other) });
  };
  for (let k = 0; k < e.count; k++) {
    const src = e.src[k] as number;
    const dst = e.dst[k] as number;
    const control = e.kind[k] === EDGE_CONTROL;
    if (dst === node) {
      if (control) controlInputs.push(ref(model, src));
      else inputs.push({ ...ref(model, src), slot: `${e.dstInput[k] as number} ← :${e.srcSlot[k] as number}`, tensor: tensorOf(src, e.srcSlot[k] as number) });
      drawnHere(src);
    }
    if (src === node) {
      if (control) {
        if (!seenCtlOut.has(dst) && controlOutputs.length < MAX_LIST) {
          seenCtlOut.add(dst);
          controlOutputs.push(ref(model, dst));
        }
      } else {
        const slot = e.srcSlot[k] as number;
        if (slot > maxSlot) maxSlot = slot;
        const key = `${dst}:${slot}`;
        if (!seenOut.has(key) && outputs.length < MAX_LIST) {
          seenOut.add(key);
          outputs.push({ ...ref(model, dst), slot: `:${slot} → ${e.dstInput[k] as number}`, tensor: tensorOf(node, slot) });
        }
      }
      drawnHere(dst);
    }
  }
  const drawnIn = Array.from(hier.hostsOf(node).subarray(0, MAX_LIST), (host) => ref(model, host));
  // Every output slot the node declares or something reads, with its type.
  const slots = Math.max(types.slots(node), maxSlot + 1);
  const outputTensors = Array.from({ length: Math.min(slots, MAX_LIST) }, (_, slot) => ({ slot, tensor: tensorOf(node, slot) }));
  return {
    ...base, name: g.name(node), op: g.op(node), device: g.device(node) || null, attrs: attrLines(model, node), opCount: 1, histogram: [], template: null, templateSize: 0,
    inputs: inputs.slice(0, MAX_LIST), outputs, controlInputs: controlInputs.slice(0, MAX_LIST), controlOutputs, embedded: inside.sort((a, b) => a.graphNode - b.graphNode), drawnIn, outputTensors,
  };
}
