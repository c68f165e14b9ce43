// The preview's top level against the hierarchy's on every corpus graph: each name the preview
// shows is at the hierarchy's top level with the same kind, and the hierarchy adds only ops that
// names alone cannot place (embedding ops that nothing embeds, kept as ops) and series.
import { describe, expect, it } from 'vitest';
import { memorySource } from '../io/byte-source';
import { loadSource } from '../io/load';
import { H_OP, H_SCOPE, H_SERIES } from '../scope/hierarchy';
import { analyzeHierarchy } from '../scope/scope-engine';
import { corpusBytes, HAVE_CORPUS, readManifest } from '../test-support/corpus';
import { topLevelOfGraph } from './preview';

describe.skipIf(!HAVE_CORPUS)('preview of corpus graphs', () => {
  it('shows the top level the hierarchy will show: same names and kinds, op counts no larger', async () => {
    let compared = 0;
    for (const rel of Object.keys(readManifest())) {
      const r = await loadSource(memorySource(rel, corpusBytes(rel)));
      for (const lg of r.graphs) {
        const preview = topLevelOfGraph(lg.graph);
        const { hierarchy: h } = analyzeHierarchy(lg.graph, { extraction: false, seriesGrouping: false });
        const real = new Map(Array.from(h.children(h.root), (c) => [h.name(c), c]));
        for (const [name, g] of preview) {
          const x = real.get(name);
          expect(x, `${rel}: ${name}`).toBeDefined();
          expect(h.kind[x as number], `${rel}: ${name}`).toBe(g.scope ? H_SCOPE : H_OP);
          // A scope may also hold embedding ops that nothing embeds (counted there, not in the preview).
          expect(h.opCount[x as number] as number, `${rel}: ${name}`).toBeGreaterThanOrEqual(g.ops);
          compared++;
        }
        for (const [name, x] of real) {
          if (preview.has(name)) continue;
          // Only ops the preview cannot know of: embedding ops with no host, placed at the top.
          expect(h.kind[x], `${rel}: ${name}`).not.toBe(H_SCOPE);
          expect(h.kind[x], `${rel}: ${name}`).not.toBe(H_SERIES);
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
