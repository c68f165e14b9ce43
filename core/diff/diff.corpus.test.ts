// Identity on the real-world corpus: every graph against itself is all `same`; against copies
// re-encoded with renamed scopes (inputs and `_class` renamed alike), every node is matched.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../graph/graph';
import { memorySource } from '../io/byte-source';
import { loadSource } from '../io/load';
import { corpusBytes, HAVE_CORPUS, readManifest } from '../test-support/corpus';
import { diffGraphs, listChanges } from './diff';
import { copyGraph } from './test-support/copy-graph';

/** Larger graphs would make this suite slow; the corpus has none today (its largest has 5,202 nodes). */
const MAX_NODES = 50_000;

describe.skipIf(!HAVE_CORPUS)('corpus graphs up to 50K nodes', () => {
  const graphs: { label: string; graph: Graph }[] = [];
  beforeAll(async () => {
    for (const rel of Object.keys(readManifest())) {
      const r = await loadSource(memorySource(rel, corpusBytes(rel)));
      r.graphs.forEach(({ graph }, k) => {
        if (graph.nodeCount > 0 && graph.nodeCount <= MAX_NODES) graphs.push({ label: `${rel} #${k}`, graph });
      });
    }
  });

  it('each against itself: every node same', () => {
    expect(graphs.length).toBeGreaterThan(40);
    for (const { label, graph } of graphs) {
      const d = diffGraphs(graph, graph);
      expect(d.summary, label).toEqual({ same: graph.nodeCount, attrChanged: 0, moved: 0, renamed: 0, added: 0, removed: 0 });
      expect([...d.a.match].every((j, i) => j === i), label).toBe(true);
    }
  });

  it('each against a copy with the root scope renamed (every node under model/): every node moved, to its own copy', () => {
    for (const { label, graph } of graphs) {
      const copy = copyGraph(graph, { rename: (n) => `model/${n}` });
      const d = diffGraphs(graph, copy);
      expect(d.summary, label).toEqual({ same: 0, attrChanged: 0, moved: graph.nodeCount, renamed: 0, added: 0, removed: 0 });
      expect([...d.a.match].every((j, i) => copy.name(j) === `model/${graph.name(i)}`), label).toBe(true);
    }
  });

  it('each against a copy with its top-level scopes renamed in place: scoped nodes moved, top-level ops same', () => {
    const rename = (n: string): string => (n.includes('/') ? n.replace(/^[^/]*/, (top) => `${top}_renamed`) : n);
    for (const { label, graph } of graphs) {
      const copy = copyGraph(graph, { rename });
      const d = diffGraphs(graph, copy);
      let scoped = 0;
      for (let i = 0; i < graph.nodeCount; i++) if (graph.name(i).includes('/')) scoped++;
      // ALBERT holds two savers, save/ and save_1/, identical node for node: once both are renamed,
      // nothing (names, structure) tells which is which, and their 42 nodes each stay unmatched.
      const undecidable = label.startsWith('albert_cls/') ? 84 : 0;
      expect(d.summary, label).toEqual({ same: graph.nodeCount - scoped, attrChanged: 0, moved: scoped - undecidable, renamed: 0, added: undecidable, removed: undecidable });
      expect([...d.a.match].every((j, i) => j < 0 || copy.name(j) === rename(graph.name(i))), label).toBe(true);
      if (undecidable) {
        const tops = listChanges(d, graph, copy).filter((c) => c.status === 'removed').map((c) => (c.a as string).split('/')[0]);
        expect(new Set(tops)).toEqual(new Set(['save', 'save_1']));
      }
    }
  });
});
