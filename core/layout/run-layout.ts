// Lays out one scope input: ELK for ordinary scopes, the fast layout for huge flat ones or when ELK
// fails (it throws on some degenerate inputs), so a scope always opens. This is what a layout
// worker runs.
import { elkLayout } from './elk-layout';
import { fastLayout } from './fast-layout';
import type { ScopeInput, ScopeLayout } from './types';

export async function runLayout(input: ScopeInput, now: () => number): Promise<ScopeLayout> {
  if (input.nodes.length > input.settings.flatLimit) return fastLayout(input, now);
  try {
    return await elkLayout(input, now);
  } catch (err) {
    const l = fastLayout(input, now);
    return { ...l, notice: `ELK could not lay out this scope (${err instanceof Error ? err.message : String(err)}); drawn with the fast layered layout` };
  }
}
