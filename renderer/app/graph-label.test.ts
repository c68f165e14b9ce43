import { describe, expect, it } from 'vitest';
import type { GraphEntry } from '../../core/pipeline/protocol';
import { graphLabel, plural } from './graph-label';

const entry = (patch: Partial<GraphEntry>): GraphEntry => ({ index: 0, source: 'graph_def', run: 'train', tag: null, step: 0, file: 'e', nodes: 2, functions: [], sameAs: null, ...patch });

describe('graph labels', () => {
  it('use correct plurals', () => {
    expect(plural(1, 'node')).toBe('1 node');
    expect(plural(0, 'node')).toBe('0 nodes');
    expect(plural(1234, 'function')).toBe(`${(1234).toLocaleString()} functions`);
    expect(graphLabel(entry({ nodes: 1 }))).toBe('graph def — train · step 0 (1 node)');
  });

  it('leave the run out under its own heading, and mark a graph repeated from an earlier one', () => {
    const all = [entry({}), entry({ index: 1, source: 'meta_graph_def', sameAs: 0 })];
    expect(graphLabel(all[1] as GraphEntry, false, all)).toBe('meta graph def — step 0 (2 nodes) · same graph as the graph def');
    expect(graphLabel(all[0] as GraphEntry, false, all)).toBe('graph def — step 0 (2 nodes)');
  });
});
