// One entry point for the scope engine: the hierarchy of a graph with its templates and auxiliary
// areas, and the same for every library function (with its call sites), built with the user's
// toggles.
import type { Graph } from '../graph/graph';
import { buildHierarchy, type HierarchyOptions } from './build-hierarchy';
import { computeAuxiliary, type ExtractionOverrides } from './extraction';
import { findCallSites } from './functions';
import type { Hierarchy } from './hierarchy';
import { ScopeView } from './scope-view';
import { computeTemplates, type Templates } from './templates';

/**
 * Version of the hierarchy's rules. Persisted layouts are keyed by hierarchy node ids and box
 * sizes, so a change to either (2: TensorBoard's embedding into every consumer, path labels of
 * unhosted Consts) must bump it, or a reopened file would get another hierarchy's layouts.
 */
export const SCOPE_ENGINE_VERSION = 2;

export interface ScopeEngineOptions extends HierarchyOptions {
  /** Run auxiliary extraction (default true). */
  readonly extraction?: boolean;
  readonly overrides?: ExtractionOverrides;
  /** Size edges by their tensors from `_output_shapes` (default true); a reader that draws no widths saves decoding every node's attributes. */
  readonly tensorSizes?: boolean;
}

export interface ScopedHierarchy {
  readonly hierarchy: Hierarchy;
  readonly templates: Templates;
  readonly auxiliary: Uint8Array;
  readonly view: ScopeView;
}

export interface LibraryFunction extends ScopedHierarchy {
  readonly name: string;
  /** Graph nodes of the main graph that call this function. */
  readonly callSites: readonly number[];
}

export interface ScopeModel extends ScopedHierarchy {
  readonly library: readonly LibraryFunction[];
}

export function analyzeHierarchy(graph: Graph, options: ScopeEngineOptions = {}): ScopedHierarchy {
  const hierarchy = buildHierarchy(graph, options);
  const auxiliary = options.extraction === false ? new Uint8Array(hierarchy.count) : computeAuxiliary(hierarchy, options.overrides);
  let templates: Templates | null = null;
  // Found when first asked for: laying out (`scopeview layout`) never asks.
  return {
    hierarchy, auxiliary, view: new ScopeView(hierarchy, auxiliary, options.tensorSizes !== false),
    get templates(): Templates {
      templates ??= computeTemplates(hierarchy);
      return templates;
    },
  };
}

export function analyzeGraph(graph: Graph, options: ScopeEngineOptions = {}): ScopeModel {
  const sites = findCallSites(graph);
  // Assigned onto, not spread: a spread would read `templates` and find them at once.
  const library = graph.functions.map((f) => Object.assign(analyzeHierarchy(f.graph, options), { name: f.name, callSites: sites.get(f.name) ?? [] }));
  return Object.assign(analyzeHierarchy(graph, options), { library });
}
