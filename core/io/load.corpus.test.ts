// Every file of the real-world corpus loads with exactly the node and function counts that an
// independent decoder recorded in MANIFEST.json, or fails with the matching typed error/warning.
import { describe, expect, it } from 'vitest';
import { memorySource } from './byte-source';
import { loadSource } from './load';
import type { LoadedGraph } from './load-result';
import { walkFields } from '../proto/wire';
import { corpusBytes, HAVE_CORPUS, readManifest, type ManifestEntry } from '../test-support/corpus';

const manifest = HAVE_CORPUS ? readManifest() : {};

function counts(g: LoadedGraph): [number, number, number] {
  return [g.graph.nodeCount, g.graph.functions.length, g.graph.functionNodeCount];
}

async function load(rel: string) {
  return loadSource(memorySource(rel, corpusBytes(rel)));
}

describe.skipIf(!HAVE_CORPUS)('corpus: every MANIFEST file loads with the recorded counts', () => {
  const entries = Object.entries(manifest) as [string, ManifestEntry][];

  it.each(entries.filter(([, m]) => m.kind === 'events'))('events %s', async (rel, m) => {
    const r = await load(rel);
    expect(r.format).toBe('events');
    expect(r.error).toBeNull();
    expect(r.graphs.filter((g) => g.source === 'graph_def').map(counts)).toEqual(m.graph_def_nodes);
    expect(r.graphs.filter((g) => g.source === 'meta_graph_def').map((g) => g.graph.nodeCount)).toEqual(m.meta_graph_nodes);
    const truncated = (m.problems ?? []).map((p) => /truncated record at (\d+)/.exec(p)).filter((x) => x !== null);
    expect(r.warnings.filter((w) => w.kind === 'truncated').map((w) => w.offset)).toEqual(truncated.map((t) => Number(t[1])));
    expect(r.warnings.filter((w) => w.kind !== 'truncated' && w.kind !== 'empty')).toEqual([]);
    const keras = (m.run_metadata ?? []).filter((x) => 'keras_model_json_bytes' in x).length;
    expect(r.graphs.filter((g) => g.source === 'keras_model')).toHaveLength(keras);
  });

  it.each(entries.filter(([, m]) => m.kind === 'graphdef'))('graphdef %s', async (rel, m) => {
    const r = await load(rel);
    if (m.error) {
      expect(r.error?.kind).toBe('malformed-proto');
      expect(r.error?.offset).toEqual(expect.any(Number));
      expect(r.graphs).toEqual([]);
      return;
    }
    expect(r.error).toBeNull();
    expect(r.format).toBe('graphdef');
    expect(r.graphs.map(counts)).toEqual([[m.nodes, m.functions, m.function_nodes]]);
  });

  it.each(entries.filter(([, m]) => m.kind === 'metagraph'))('metagraph %s', async (rel, m) => {
    const r = await load(rel);
    expect(r.error).toBeNull();
    expect(r.format).toBe('metagraph');
    const g = m.graph as NonNullable<ManifestEntry['graph']>;
    expect(r.graphs.map(counts)).toEqual([[g.nodes, g.functions, g.function_nodes]]);
  });

  it.each(entries.filter(([, m]) => m.kind === 'savedmodel'))('savedmodel %s', async (rel, m) => {
    const r = await load(rel);
    expect(r.error).toBeNull();
    expect(r.format).toBe('savedmodel');
    const metas = m.meta_graphs as { graph: NonNullable<ManifestEntry['graph']>; tags: string[]; signatures: number }[];
    expect(r.graphs.map(counts)).toEqual(metas.map((x) => [x.graph.nodes, x.graph.functions, x.graph.function_nodes]));
    expect(r.graphs.map((g) => g.meta?.tags)).toEqual(metas.map((x) => x.tags));
    expect(r.graphs.map((g) => g.meta?.signatures.length)).toEqual(metas.map((x) => x.signatures));
  });

  it.each(entries.filter(([, m]) => m.kind === 'pbtxt'))('text format %s', async (rel, m) => {
    const r = await load(rel);
    expect(r.error).toBeNull();
    if (r.format === 'graphdef') {
      // Named .pbtxt but binary (MANIFEST's text decoder found no nodes): count NodeDefs on the wire.
      expect(m.node_top).toBe(0);
      const bytes = corpusBytes(rel);
      const wire = walkFields(bytes).fields.filter((f) => f.field === 1).length;
      expect(wire).toBeGreaterThan(0);
      expect(r.graphs.map((g) => g.graph.nodeCount)).toEqual([wire]);
      return;
    }
    if (m.meta_graphs === 0) {
      expect(r.format).toBe('graphdef-text');
      expect(r.graphs.map(counts)).toEqual([[m.node_top, m.functions, m.function_node_defs]]);
    } else {
      expect(['metagraph-text', 'savedmodel-text']).toContain(r.format);
      expect(r.graphs.map((g) => g.graph.nodeCount)).toEqual([m.node_any]);
    }
  });
});
