// Which layout a scope gets: ELK only where the layered layout leaves crossings it might remove.
import { describe, expect, it } from 'vitest';
import { analyzeHierarchy } from '../scope/scope-engine';
import { makeGraph, type NodeSpec } from '../test-support/graphs';
import { crossings } from './crossings';
import { elkLayout } from './elk-layout';
import { DEFAULT_SETTINGS } from './layout-engine';
import { layeredLayout } from './layered-layout';
import { runLayout } from './run-layout';
import { scopeInput } from './scope-input';
import type { ScopeInput, ScopeLayout } from './types';

const now = (): number => 0;

function scope(nodes: NodeSpec[]): ScopeInput {
  const model = analyzeHierarchy(makeGraph(nodes), { extraction: false, seriesGrouping: false });
  const s = model.hierarchy.find('s');
  return scopeInput(model, s, new Set([s]), DEFAULT_SETTINGS, new Map());
}

const geometry = (l: ScopeLayout): unknown => ({ ...l, ms: 0 });

describe('runLayout', () => {
  it('keeps the layered layout of a scope it draws without crossings (no ELK call)', async () => {
    const input = scope([['in', 'Placeholder'], ['s/a', 'Identity', ['in']], ['s/b', 'Neg', ['s/a']], ['s/c', 'Neg', ['s/b']], ['s/d', 'Add', ['s/b', 's/c']]]);
    const layered = layeredLayout(input, now);
    expect(crossings(layered)).toBe(0);
    expect(geometry(await runLayout(input, now))).toEqual(geometry(layered));
  });

  it('asks ELK where the layered layout crosses (K3,3 cannot be drawn in two layers without)', async () => {
    const tops = ['s/a', 's/b', 's/c'];
    const input = scope([['in', 'Placeholder'], ...tops.map((t): NodeSpec => [t, 'Identity', ['in']]), ...['s/x', 's/y', 's/z'].map((n): NodeSpec => [n, 'AddN', tops])]);
    expect(crossings(layeredLayout(input, now))).toBeGreaterThan(0);
    expect(geometry(await runLayout(input, now))).toEqual(geometry(await elkLayout(input, now)));
  });
});
