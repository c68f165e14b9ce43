// Lays out one scope input: ELK for ordinary scopes; our layered layout for large ones (ELK's time
// there is its long edges and components, not the drawing's quality); the fast layout for huge flat
// ones, for children without edges between them, and when ELK fails (it throws on some degenerate
// inputs), so a scope always opens. This is what a layout worker runs.
import { elkLayout } from './elk-layout';
import { fastLayout } from './fast-layout';
import { layeredLayout } from './layered-layout';
import type { ScopeInput, ScopeLayout } from './types';

/**
 * Children, or edges, from which a scope gets the layered layout instead of ELK. Chosen by
 * measurement (docs/PERFORMANCE.md, "Boundary ports"): above them ELK takes 0.1-5 s a scope and the
 * layered layout a tenth of that with as few crossings or fewer; below, ELK is cheap and sometimes
 * crosses less (it lengthens edges to untwist them: a 49-child root with 28 edges, 0 crossings
 * against 1).
 */
export const LAYERED_MIN_CHILDREN = 100;
export const LAYERED_MIN_EDGES = 60;

export async function runLayout(input: ScopeInput, now: () => number): Promise<ScopeLayout> {
  if (input.nodes.length > input.settings.flatLimit) return fastLayout(input, now);
  // Without edges between the children there is nothing to layer: ELK would pack every child as a
  // component of its own (60-120 ms for the 121 unconnected top-level scopes of a tiled graph),
  // while the fast layout's wrapped rows give the same grid in well under a millisecond.
  if (!input.edges.some((e) => e.from.node >= 0 && e.to.node >= 0)) return fastLayout(input, now, false);
  if (input.nodes.length >= LAYERED_MIN_CHILDREN || input.edges.length >= LAYERED_MIN_EDGES) return layeredLayout(input, now);
  try {
    return elkLayout(input, now);
  } catch (err) {
    const l = fastLayout(input, now);
    return { ...l, notice: `ELK could not lay out this scope (${err instanceof Error ? err.message : String(err)}); drawn with the fast layered layout` };
  }
}
