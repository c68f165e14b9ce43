// Hierarchies of real corpus graphs against hand-checked expectations (strict names, embedding,
// series, NoOp extraction, metaedge counts), plus structural invariants on every corpus graph.
import { describe, expect, it } from 'vitest';
import { memorySource } from '../io/byte-source';
import { loadSource } from '../io/load';
import { corpusBytes, HAVE_CORPUS, readManifest } from '../test-support/corpus';
import { H_OP, H_SCOPE, H_SERIES, type Hierarchy } from './hierarchy';
import { analyzeGraph, type ScopeModel } from './scope-engine';

async function model(rel: string, index = 0): Promise<ScopeModel> {
  const r = await loadSource(memorySource(rel, corpusBytes(rel)));
  const g = r.graphs[index];
  if (!g) throw new Error(`${rel} has no graph ${index}`);
  return analyzeGraph(g.graph);
}

function metaedges(h: Hierarchy, scope: string): string[] {
  const m = h.metaedges;
  return [...h.metaedgesOf(h.find(scope))].map((e) => `${h.name(m.src[e]!)}->${h.name(m.dst[e]!)} d${m.data[e]} c${m.control[e]} r${m.ref[e]}`).sort();
}

describe.skipIf(!HAVE_CORPUS)('hierarchy of corpus graphs', () => {
  it('fazibear_cr/graph.pb: strict names, embedded initial values, init aside, metaedge counts', async () => {
    const m = await model('fazibear_cr/graph.pb');
    const h = m.hierarchy;
    const names = Array.from({ length: h.count - 1 }, (_, i) => `${h.name(i + 1)}|${h.name(h.parent[i + 1]!)}`);
    expect(names.sort()).toEqual(['a/(a)|a', 'a/Assign|a', 'a/read|a', 'a|', 'b/(b)|b', 'b/Assign|b', 'b/read|b', 'b|', 'c|', 'init|'].sort());
    const g = h.graph;
    expect(g.name(h.embeddedIn[g.indexOf('a/initial_value')]!)).toBe('a/Assign');
    expect(m.auxiliary[h.find('init')]).toBe(1);
    expect(metaedges(h, '')).toEqual(['a->c d1 c0 r0', 'a->init d0 c1 r0', 'b->c d1 c0 r0', 'b->init d0 c1 r0']);
    expect(metaedges(h, 'a')).toEqual(['a/(a)->a/Assign d0 c0 r1', 'a/(a)->a/read d1 c0 r0']);
    expect(m.templates.of(h.find('a'))).toBe(m.templates.of(h.find('b')));
  });

  it('pix2pix: series of gradients, savers and initialisation checks', async () => {
    const m = await model('pix2pix_gan_reuse/1/events.out.tfevents.1573068136.neuromancer-lab');
    const h = m.hierarchy;
    const series: string[] = [];
    for (let x = 0; x < h.count; x++) if (h.kind[x] === H_SERIES) series.push(h.name(x));
    expect(series.sort()).toEqual([
      'discriminator_train/gradients/AddN_[1-23]',
      'discriminator_train/gradients/zeros_like_[1-23]',
      'generator_train/gradients/AddN_[1-18]',
      'generator_train/gradients/zeros_like_[1-67]',
      'parameter_count/Prod_[1-75]',
      'report_uninitialized_variables/IsVariableInitialized_[1-269]',
      'save/Assign_[1-269]',
    ]);
    expect(h.children(h.find('save/Assign_[1-269]')).length).toBe(269);
    expect(h.op(h.find('save/Assign_[1-269]'))).toBe('Assign');
    // `save/Assign` (no number) stays outside its series.
    expect(h.name(h.parent[h.find('save/Assign')]!)).toBe('save');
    expect(m.auxiliary[h.find('init')]).toBe(1);
    expect(h.kind[h.find('discriminator/layer_1/conv2d/kernel')]).toBe(H_SCOPE);
    expect(h.kind[h.find('discriminator/layer_1/conv2d/kernel/(kernel)')]).toBe(H_OP);
  });

  it('demo_graph.pbtxt: an op whose only children are its embedded Consts stays an op', async () => {
    const m = await model('tensorboard/demo_graph.pbtxt');
    const h = m.hierarchy;
    const g = h.graph;
    expect(h.kind[h.find('Sub')]).toBe(H_OP);
    expect(h.find('Sub/(Sub)')).toBe(-1);
    for (let i = 0; i < g.nodeCount; i++) if (g.name(i).startsWith('Sub/')) expect(h.name(h.holder(i))).toBe('Sub');
    expect(m.auxiliary[h.find('gradients')]).toBe(1);
  });

  it('keras_imagenet_main.pbtxt: one hierarchy per library function', async () => {
    const m = await model('tf_repo/compiler/jit/tests/keras_imagenet_main.pbtxt');
    expect(m.library).toHaveLength(106);
    expect(m.library.reduce((s, f) => s + f.hierarchy.graph.nodeCount, 0)).toBe(106);
  });

  it('every corpus graph: each node is placed once, trees and metaedges are consistent', async () => {
    const manifest = readManifest();
    for (const rel of Object.keys(manifest)) {
      const r = await loadSource(memorySource(rel, corpusBytes(rel)));
      for (const lg of r.graphs) {
        const { hierarchy: h } = analyzeGraph(lg.graph);
        const g = h.graph;
        let placed = 0;
        for (let i = 0; i < g.nodeCount; i++) {
          const x = h.hnodeOf[i]!;
          const hosts = h.hostsOf(i);
          expect(x >= 0 !== hosts.length > 0).toBe(true);
          if (x >= 0) {
            placed++;
            expect(h.opNode[x]).toBe(i);
          } else for (const host of hosts) expect(h.hnodeOf[host]).toBeGreaterThanOrEqual(0);
        }
        let ops = 0;
        for (let x = 1; x < h.count; x++) {
          expect(h.parent[x]).toBeGreaterThanOrEqual(0);
          expect(h.kind[h.parent[x]!]).not.toBe(H_OP);
          if (h.kind[x] === H_OP) ops++;
          else expect(h.children(x).length).toBeGreaterThan(0);
        }
        expect(ops).toBe(placed);
        expect(h.size[h.root]).toBe(h.count);
        const mapped = h.metaedges.ofEdge.reduce((s, v) => s + (v >= 0 ? 1 : 0), 0);
        const counted = [...h.metaedges.data, ...h.metaedges.control, ...h.metaedges.ref].reduce((s, v) => s + v, 0);
        expect(counted).toBe(mapped);
      }
    }
  });

  it('every corpus graph: scopes come only from ops with boxes; each Const is inside every op that reads it', async () => {
    const manifest = readManifest();
    const embeds = (op: string): boolean => /Const/.test(op) || /^[a-zA-Z]+Summary$/.test(op);
    let checkedConsts = 0;
    for (const rel of Object.keys(manifest)) {
      const r = await loadSource(memorySource(rel, corpusBytes(rel)));
      for (const lg of r.graphs) {
        const { hierarchy: h } = analyzeGraph(lg.graph);
        const g = h.graph;
        // Every '/'-prefix of an ordinary op's name, computed here from the names alone.
        const made = new Set<string>();
        for (let i = 0; i < g.nodeCount; i++) {
          if (embeds(g.op(i))) continue;
          const n = g.name(i);
          for (let p = n.indexOf('/'); p > 0; p = n.indexOf('/', p + 1)) made.add(n.slice(0, p));
        }
        for (let x = 1; x < h.count; x++) if (h.kind[x] === H_SCOPE) expect(made.has(h.name(x)), `${rel}: scope ${h.name(x)}`).toBe(true);
        const consumers = new Map<number, Set<number>>();
        const e = g.edges;
        for (let k = 0; k < e.count; k++) {
          const src = e.src[k]!;
          const dst = e.dst[k]!;
          if (!/Const/.test(g.op(src)) || embeds(g.op(dst)) || src === dst) continue;
          let set = consumers.get(src);
          if (!set) consumers.set(src, (set = new Set()));
          set.add(dst);
        }
        for (const [c, set] of consumers) {
          expect(Array.from(h.hostsOf(c)), `${rel}: ${g.name(c)}`).toEqual([...set].sort((a, b) => a - b));
          checkedConsts++;
        }
      }
    }
    expect(checkedConsts).toBeGreaterThan(1000);
  });
});
