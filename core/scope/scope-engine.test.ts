import { describe, expect, it } from 'vitest';
import { analyzeGraph } from './scope-engine';
import { makeGraph, type NodeSpec } from '../test-support/graphs';

describe('auxiliary extraction', () => {
  it('moves NoOp sinks aside in any scope', () => {
    const m = analyzeGraph(makeGraph([['a', 'Neg'], ['b', 'Neg', ['a']], ['init', 'NoOp', ['^a', '^b']], ['group', 'NoOp', ['^a']], ['c', 'Neg', ['^group']]]));
    const aux = (n: string) => m.auxiliary[m.hierarchy.find(n)] === 1;
    expect([aux('init'), aux('group'), aux('a'), aux('b')]).toEqual([true, false, false, false]);
  });

  it('extracts high in/out-degree children in scopes of 15 or more, by the quartile rule', () => {
    // A chain of 20 ops in scope s plus a hub read by all of them and a sink fed by all of them.
    const nodes: NodeSpec[] = [['s/hub', 'Const'], ['s/hub2', 'Identity', ['s/hub']]];
    for (let i = 0; i < 20; i++) nodes.push([`s/op${String.fromCharCode(97 + i)}`, 'Add', [i ? `s/op${String.fromCharCode(96 + i)}` : 's/hub2', 's/hub2']]);
    nodes.push(['s/sink', 'AddN', nodes.slice(2).map(([n]) => n)]);
    const m = analyzeGraph(makeGraph(nodes));
    const aux = [...m.hierarchy.children(m.hierarchy.find('s'))].filter((c) => m.auxiliary[c]).map((c) => m.hierarchy.name(c));
    expect(aux.sort()).toEqual(['s/hub2', 's/sink']);
    const kept = analyzeGraph(makeGraph(nodes), { overrides: { keep: new Set(['s/sink']), extract: new Set(['s/opa']) } });
    const aux2 = [...kept.hierarchy.children(kept.hierarchy.find('s'))].filter((c) => kept.auxiliary[c]).map((c) => kept.hierarchy.name(c));
    expect(aux2.sort()).toEqual(['s/hub2', 's/opa']);
    expect(analyzeGraph(makeGraph(nodes.slice(0, 12))).auxiliary.every((x) => x === 0)).toBe(true);
  });
});

describe('templates', () => {
  it('gives same-structure scopes the same id and different ones different ids', () => {
    const block = (p: string): NodeSpec[] => [[`${p}/w`, 'VariableV2'], [`${p}/mm`, 'MatMul', [`${p}/w`, `${p}/w`]], [`${p}/relu`, 'Relu', [`${p}/mm`]]];
    const m = analyzeGraph(makeGraph([...block('l1'), ...block('l2'), ...block('l3'), ['l4/w', 'VariableV2'], ['l4/mm', 'MatMul', ['l4/w']], ['l4/relu', 'Relu', ['l4/w']]]));
    const t = (n: string) => m.templates.of(m.hierarchy.find(n));
    expect([t('l1'), t('l2'), t('l3')]).toEqual(['l1', 'l1', 'l1']);
    expect(t('l4')).toBe('l4');
    expect(m.templates.sizes.get('l1')).toBe(3);
    expect(t('l1/mm')).toBeNull();
    // Found once, when first asked for, and kept.
    expect(m.templates).toBe(m.templates);
  });
});

describe('incremental scope view', () => {
  const m = analyzeGraph(makeGraph([['in', 'Placeholder'], ['s/a', 'Neg', ['in']], ['s/t/b', 'Neg', ['s/a']], ['s/t/c', 'Neg', ['s/t/b', '^in']], ['out', 'Neg', ['s/t/c']]]));
  const h = m.hierarchy;

  it('returns children, internal metaedges and bridges of one scope', () => {
    const s = m.view.expand(h.find('s'));
    expect(s.children.map((c) => h.name(c))).toEqual(['s/a', 's/t']);
    expect([...s.metaedges].map((e) => `${h.name(h.metaedges.src[e]!)}->${h.name(h.metaedges.dst[e]!)}`)).toEqual(['s/a->s/t']);
    const bridges = s.bridges.map((b) => `${b.direction} ${h.name(b.inner)} ${h.name(b.outer)} d${b.data} c${b.control}`).sort();
    expect(bridges).toEqual(['in s/a in d1 c0', 'in s/t in d0 c1', 'out s/t out d1 c0']);
  });

  it('finds the visible ancestor of a node for a set of expanded scopes', () => {
    const c = h.find('s/t/c');
    expect(h.name(m.view.visibleAncestor(c, new Set()))).toBe('s');
    expect(h.name(m.view.visibleAncestor(c, new Set([h.find('s')])))).toBe('s/t');
    expect(h.name(m.view.visibleAncestor(c, new Set([h.find('s'), h.find('s/t')])))).toBe('s/t/c');
  });
});

describe('function library', () => {
  it('builds a hierarchy per function and links call sites', async () => {
    const { tensorflow } = await import('../proto/generated/proto.js');
    const { readGraphDef } = await import('../io/graph-def-reader');
    const bytes = tensorflow.GraphDef.encode({
      node: [
        { name: 'x', op: 'Placeholder' },
        { name: 'call', op: 'StatefulPartitionedCall', input: ['x'], attr: { f: { func: { name: 'f_1' } } } },
        { name: 'direct', op: 'f_1', input: ['x'] },
      ],
      library: { function: [{ signature: { name: 'f_1' }, nodeDef: [{ name: 'scope/mul', op: 'Mul' }] }, { signature: { name: 'unused' } }] },
    }).finish();
    const m = analyzeGraph(readGraphDef(bytes, 'f.pb'));
    expect(m.library.map((f) => [f.name, f.callSites, f.hierarchy.count])).toEqual([['f_1', [1, 2], 3], ['unused', [], 1]]);
  });
});

describe('tensor sizes and histograms', () => {
  /** x feeds scope s (ops a and b), which feeds y; x and a declare their output shapes. */
  const shaped = async (): Promise<ReturnType<typeof makeGraph>> => {
    const { shapesAttr } = await import('../test-support/graphs');
    return makeGraph([
      ['x', 'Placeholder', [], shapesAttr([-1, 128])],
      ['s/a', 'MatMul', ['x'], shapesAttr([2, 3], [4])],
      ['s/b', 'Neg', ['s/a:1', '^x']],
      ['y', 'Neg', ['s/a:0', 's/b']],
    ]);
  };

  /** The root's metaedges and scope s's bridges, each with its elements. */
  const sized = (m: ReturnType<typeof analyzeGraph>): { metaedges: string[]; bridges: string[] } => {
    const h = m.hierarchy;
    const me = h.metaedges;
    return {
      metaedges: [...h.metaedgesOf(h.root)].map((e) => `${h.name(me.src[e]!)}->${h.name(me.dst[e]!)}:${m.view.sizes.metaedgeElements(e)}`).sort(),
      bridges: m.view.bridges(h.find('s')).map((b) => `${b.direction}:${h.name(b.inner)}:${b.elements}`).sort(),
    };
  };

  it('sums _output_shapes elements per metaedge and bridge, counting unknown dims as 1', async () => {
    // x -> s carries one [?,128] tensor (the control edge carries none); s -> y carries a [2,3] and an unknown-shape tensor (1).
    expect(sized(analyzeGraph(await shaped()))).toEqual({ metaedges: ['s->y:7', 'x->s:128'], bridges: ['in:s/a:128', 'in:s/b:0', 'out:s/a:6', 'out:s/b:1'] });
  });

  it('weighs every data edge 1 without decoding shapes when tensor sizes are off (the layout command draws no widths)', async () => {
    expect(sized(analyzeGraph(await shaped(), { tensorSizes: false }))).toEqual({ metaedges: ['s->y:2', 'x->s:1'], bridges: ['in:s/a:1', 'in:s/b:0', 'out:s/a:1', 'out:s/b:1'] });
  });

  it('counts ops, devices and XLA clusters per scope', async () => {
    const { scopeHistograms } = await import('./histograms');
    const m = analyzeGraph(makeGraph([
      ['s/a', 'MatMul', [], { _XlaCluster: { s: new TextEncoder().encode('cluster_0') } }],
      ['s/b', 'MatMul', ['s/a']],
      ['s/t/c', 'Relu', ['s/b']],
      ['d', 'Neg', ['s/t/c']],
    ]));
    const hist = scopeHistograms(m.hierarchy, m.hierarchy.find('s'));
    expect([...hist.ops]).toEqual([['MatMul', 2], ['Relu', 1]]);
    expect([...hist.xlaClusters]).toEqual([['cluster_0', 1]]);
    expect([...hist.devices]).toEqual([]);
  });
});
