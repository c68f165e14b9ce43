// Lays out one scope input: the layered layout for a scope with edges between its children; the
// fast layout for huge flat scopes and for children without edges between them. With the ELK
// algorithm (LayoutSettings.algorithm), ELK draws the scopes of fewer than 100 children and 60
// edges instead, and a scope ELK fails on (it throws on some degenerate inputs) gets the fast
// layout, so a scope always opens. ELK's code is loaded only then. This is what a layout worker runs.
import { fastLayout } from './fast-layout';
import { layeredLayout } from './layered-layout';
import type { ScopeInput, ScopeLayout } from './types';

/**
 * Children, or edges, from which a scope gets the layered layout even with the ELK algorithm: above
 * them ELK takes 0.1-5 s a scope (docs/PERFORMANCE.md, "Boundary ports").
 */
export const LAYERED_MIN_CHILDREN = 100;
export const LAYERED_MIN_EDGES = 60;

/**
 * ELK's layout, loaded on first use. elkjs's engine module, evaluated in a worker, makes itself the
 * worker's `onmessage` (it expects to be the whole worker script): whatever handler the worker had
 * is put back, so that ELK's dispatcher never sees the worker's own messages.
 */
async function loadElk(): Promise<typeof import('./elk-layout')> {
  const scope = globalThis as { onmessage?: unknown };
  const before = scope.onmessage;
  const elk = await import('./elk-layout');
  if (scope.onmessage !== before) scope.onmessage = before;
  return elk;
}

export async function runLayout(input: ScopeInput, now: () => number): Promise<ScopeLayout> {
  if (input.nodes.length > input.settings.flatLimit) return fastLayout(input, now);
  // Without edges between the children there is nothing to layer: the fast layout's wrapped rows
  // give a grid in well under a millisecond.
  if (!input.edges.some((e) => e.from.node >= 0 && e.to.node >= 0)) return fastLayout(input, now, false);
  if (input.settings.algorithm === 'layered' || input.nodes.length >= LAYERED_MIN_CHILDREN || input.edges.length >= LAYERED_MIN_EDGES) return layeredLayout(input, now);
  const { elkLayout } = await loadElk();
  try {
    return elkLayout(input, now);
  } catch (err) {
    const l = fastLayout(input, now);
    return { ...l, notice: `ELK could not lay out this scope (${err instanceof Error ? err.message : String(err)}); drawn with the fast layered layout` };
  }
}
