// The name anatomy of every corpus graph: every op explained, kinds valid, segments and leaf
// spelling the name, reads naming variables; TF2 captured handles never flagged as outside.
import { describe, expect, it } from 'vitest';
import { memorySource } from '../../io/byte-source';
import { loadSource } from '../../io/load';
import type { Graph } from '../../graph/graph';
import { corpusBytes, HAVE_CORPUS, readManifest } from '../../test-support/corpus';
import { analyzeVariables } from '../variables/variables';
import { NameAnatomy } from './name-anatomy';
import { SEGMENT_KINDS } from './segment-kinds';

const GRADIENTS = /^gradients(_\d+)?$/;

/** Every broken expectation on one graph, as `op: what` (one assertion per graph keeps it fast). */
function problems(graph: Graph): string[] {
  const out: string[] = [];
  const anatomy = new NameAnatomy(graph);
  const report = analyzeVariables(graph);
  const variables = new Set(report.variables.map((v) => v.name));
  for (let i = 0; i < graph.nodeCount; i++) {
    const a = anatomy.explain(i);
    const bad = (what: string): number => out.push(`${a.name}: ${what}`);
    if (a.name !== graph.name(i)) bad('wrong name');
    if ([...a.segments.map((s) => s.name), a.leaf.name].join('/') !== a.name) bad('segments do not spell the name');
    if (a.sentences.length !== a.segments.length + 1) bad('one sentence per segment and the leaf');
    let seenGradients = false;
    for (const s of a.segments) {
      if (!SEGMENT_KINDS.includes(s.kind)) bad(`kind ${s.kind}`);
      if (s.reentryOf !== null && !s.name.startsWith(`${s.reentryOf}_`)) bad(`${s.name} re-enters ${s.reentryOf}`);
      // Only the first gradients segment is `gradients`; everything after it is `gradient-of`.
      if (seenGradients && s.kind !== 'gradient-of') bad(`${s.name} after gradients is ${s.kind}`);
      if (s.kind === 'gradients') {
        if (!GRADIENTS.test(s.name)) bad(`${s.name} is no gradients scope`);
        seenGradients = true;
      }
    }
    for (const r of a.reads) if (!variables.has(r.variable)) bad(`reads ${r.variable}, no variable`);
  }
  for (const v of report.variables) if (v.captured && v.outsideReaderScopes) out.push(`${v.name}: captured yet flagged outside`);
  return out;
}

describe.skipIf(!HAVE_CORPUS)('name anatomy of corpus graphs', () => {
  it('every op of every corpus graph is explained with valid kinds', async () => {
    for (const rel of Object.keys(readManifest())) {
      const loaded = await loadSource(memorySource(rel, corpusBytes(rel)));
      for (const { graph } of loaded.graphs) expect(problems(graph), rel).toEqual([]);
    }
  });

  it('keras_imagenet_main (TF2): its _Arg resource handles are captured, none flagged outside its readers', async () => {
    const rel = 'tf_repo/compiler/jit/tests/keras_imagenet_main.pbtxt';
    const loaded = await loadSource(memorySource(rel, corpusBytes(rel)));
    const graph = (loaded.graphs[0] as { graph: Graph }).graph;
    const report = analyzeVariables(graph);
    const captured = report.variables.filter((v) => v.captured);
    expect(captured.length).toBeGreaterThan(150);
    expect(captured.every((v) => v.op === '_Arg')).toBe(true);
    expect(report.variables.filter((v) => v.outsideReaderScopes)).toEqual([]);
    const a = new NameAnatomy(graph).explain(graph.indexOf('fc1000_1/MatMul/Cast'));
    expect(a.reads).toEqual([{ variable: 'fc1000_matmul_readvariableop_resource', home: '' }]);
    expect(a.segments.map((s) => s.kind)).toEqual(['ops', 'ops']);
  });

  it('pix2pix: the discriminator under real_/fake_discriminator is outer, then variables', async () => {
    const rel = 'pix2pix_gan_reuse/1/events.out.tfevents.1573068136.neuromancer-lab';
    const loaded = await loadSource(memorySource(rel, corpusBytes(rel)));
    const graph = (loaded.graphs[0] as { graph: Graph }).graph;
    const anatomy = new NameAnatomy(graph);
    const i = graph.indexOf('fake_discriminator/discriminator/layer_1/conv2d/Conv2D');
    expect(i).toBeGreaterThanOrEqual(0);
    const a = anatomy.explain(i);
    expect(a.segments.map((s) => s.kind)).toEqual(['outer', 'variables', 'variables', 'variables']);
    expect(a.reads).toEqual([{ variable: 'discriminator/layer_1/conv2d/kernel', home: 'discriminator/layer_1/conv2d' }]);
  });
});
