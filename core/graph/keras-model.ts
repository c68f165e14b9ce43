// The Keras "conceptual graph": a model's `to_json()` config (the `graph_keras_model` summary)
// turned into a graph of layers. Nested models become scopes (`outer/inner_layer`). Handles the
// Keras 2 (`inbound_nodes: [[[name, node, tensor, kwargs]]]`) and Keras 3 (`keras_history`) forms.
import { Graph } from './graph';
import { GraphColumnsBuilder } from './graph-builder';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

function obj(v: Json | undefined): JsonObject | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : null;
}
function arr(v: Json | undefined): Json[] {
  return Array.isArray(v) ? v : [];
}
function str(v: Json | undefined): string | null {
  return typeof v === 'string' ? v : null;
}

interface Builder {
  readonly nodes: { name: string; op: string; input: string[] }[];
  readonly seen: Set<string>;
}

/** Output-layer node names of a (possibly nested) model, for edges that leave it. */
interface ModelPorts {
  readonly inputs: string[];
  readonly outputs: string[];
}

const MODEL_CLASSES = new Set(['Sequential', 'Functional', 'Model']);

/** Builds the layer graph; returns an error message instead of throwing on any malformed JSON. */
export function kerasModelGraph(json: string): { graph: Graph; error: null } | { graph: null; error: string } {
  let root: Json;
  try {
    root = JSON.parse(json) as Json;
  } catch (err) {
    return { graph: null, error: `not valid JSON (${err instanceof Error ? err.message : String(err)})` };
  }
  const model = obj(root);
  if (!model || !obj(model['config']) && !Array.isArray(model['config'])) {
    return { graph: null, error: 'not a Keras model config (no "config")' };
  }
  const b: Builder = { nodes: [], seen: new Set() };
  addModel(b, model, '', 0);
  const cols = new GraphColumnsBuilder();
  for (const n of b.nodes) cols.add(n.name, n.op, '', n.input);
  return { graph: new Graph(cols.finish()), error: null };
}

function layersOf(model: JsonObject): Json[] {
  const cfg = model['config'];
  if (Array.isArray(cfg)) return cfg; // very old Sequential configs are a bare list
  return arr(obj(cfg)?.['layers']);
}

function layerName(layer: JsonObject): string {
  return str(layer['name']) ?? str(obj(layer['config'])?.['name']) ?? str(layer['class_name']) ?? 'layer';
}

/** Inbound layer names of one layer, from either Keras 2 or Keras 3 inbound_nodes. */
function inboundNames(layer: JsonObject): string[] {
  const names: string[] = [];
  const visit = (v: Json | undefined, depth: number): void => {
    if (depth > 12 || v === undefined || v === null) return;
    if (Array.isArray(v)) {
      if (typeof v[0] === 'string' && typeof v[1] === 'number') {
        names.push(v[0]);
        return;
      }
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const o = obj(v);
    if (!o) return;
    const history = o['keras_history'];
    if (Array.isArray(history) && typeof history[0] === 'string') {
      names.push(history[0]);
      return;
    }
    for (const k of ['args', 'config', 'kwargs']) visit(o[k], depth + 1);
  };
  visit(layer['inbound_nodes'], 0);
  return [...new Set(names)];
}

function addModel(b: Builder, model: JsonObject, prefix: string, depth: number): ModelPorts {
  const layers = layersOf(model).map(obj).filter((l): l is JsonObject => l !== null);
  const ports = new Map<string, ModelPorts>();
  const local: { name: string; layer: JsonObject; inbound: string[] }[] = [];
  for (const layer of layers) {
    const name = layerName(layer);
    const cls = str(layer['class_name']) ?? 'Layer';
    if (MODEL_CLASSES.has(cls) && depth < 8 && (layersOf(layer).length > 0)) {
      ports.set(name, addModel(b, layer, `${prefix}${name}/`, depth + 1));
    } else {
      pushNode(b, `${prefix}${name}`, cls);
    }
    local.push({ name, layer, inbound: inboundNames(layer) });
  }
  const sequential = local.every((l) => l.inbound.length === 0);
  const nodeIndex = new Map(b.nodes.map((n, i) => [n.name, i]));
  local.forEach((l, i) => {
    const sources = sequential ? (i > 0 ? [(local[i - 1] as { name: string }).name] : []) : l.inbound;
    const targets = ports.get(l.name)?.inputs ?? [`${prefix}${l.name}`];
    for (const s of sources) {
      const from = ports.get(s)?.outputs ?? [`${prefix}${s}`];
      for (const t of targets) {
        const ti = nodeIndex.get(t);
        if (ti === undefined) continue;
        for (const f of from) if (nodeIndex.has(f)) (b.nodes[ti] as { input: string[] }).input.push(f);
      }
    }
  });
  const first = local[0];
  const last = local[local.length - 1];
  const names = (key: string, fallback: typeof first): string[] => {
    const listed = arr(obj(model['config'])?.[key]).map((e) => (Array.isArray(e) ? str(e[0]) : null)).filter((n): n is string => n !== null);
    const chosen = listed.length ? listed : fallback ? [fallback.name] : [];
    return chosen.flatMap((n) => (key === 'input_layers' ? ports.get(n)?.inputs : ports.get(n)?.outputs) ?? [`${prefix}${n}`]);
  };
  return { inputs: names('input_layers', first), outputs: names('output_layers', last) };
}

function pushNode(b: Builder, name: string, op: string): void {
  let unique = name;
  for (let k = 1; b.seen.has(unique); k++) unique = `${name}_${k}`;
  b.seen.add(unique);
  b.nodes.push({ name: unique, op, input: [] });
}
