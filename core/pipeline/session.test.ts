// The session behind the UI's worker, driven as the UI drives it, on the project's own fixtures.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { memorySource } from '../io/byte-source';
import { tensorflow } from '../proto/generated/proto.js';
import { inlineExecutor } from '../layout/local-layout';
import { LABEL_METRICS } from '../layout/text-metrics';
import { DEFAULT_VIEW_OPTIONS } from './protocol';
import { SHAPE_SCOPE, SHAPE_SCOPE_OPEN, SHAPE_SERIES, SHAPE_VARIABLE } from './scene';
import { Session } from './session';

const fixture = (p: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../fixtures/generated/${p}`, import.meta.url)));

function session(): Session<Uint8Array> {
  return new Session<Uint8Array>({
    source: (f) => memorySource(f.path, f.file),
    executor: inlineExecutor(() => performance.now()),
    store: null,
    now: () => performance.now(),
  });
}

async function demo(): Promise<Session<Uint8Array>> {
  const s = session();
  const opened = await s.open('demo', [{ path: 'events.out.tfevents.0.scopeview', file: fixture('demo/events.out.tfevents.0.scopeview') }], false, {});
  expect(opened.error).toBeNull();
  s.select(0, null, DEFAULT_VIEW_OPTIONS, () => {});
  return s;
}

describe('Session', () => {
  it('opens the demo log, lists its graphs and lays out the top level', async () => {
    const s = session();
    const opened = await s.open('demo', [{ path: 'e', file: fixture('demo/events.out.tfevents.0.scopeview') }], false, {});
    expect(opened.format).toBe('events');
    expect(opened.graphs.map((g) => g.source)).toEqual(['graph_def', 'meta_graph_def']);
    expect(opened.graphs[0]?.nodes).toBe(298);
    expect(opened.contentKey).toMatch(/-\d+$/);
    const sel = s.select(0, null, DEFAULT_VIEW_OPTIONS, () => {});
    expect(sel.scopes).toBe(109);
    const scene = await s.layout([], false);
    const labels = Array.from({ length: scene.nodeCount }, (_, i) => scene.labels[i]);
    expect(labels).toContain('gradients');
    expect(labels).toContain('images');
    const grad = labels.indexOf('gradients');
    expect(scene.shapes[grad]).toBe(SHAPE_SCOPE);
    expect(scene.sublabels[grad]).toBe('116 ops') // 181 nodes, minus the Consts drawn inside their consumers;
    expect(scene.edgeCount).toBeGreaterThan(0);
    expect(scene.pointStart[scene.edgeCount]).toBe(scene.points.length / 2);
    // Structure colouring: conv1 and conv2 share a template, so they share a key.
    const conv1 = labels.indexOf('conv1');
    const conv2 = labels.indexOf('conv2');
    expect(scene.keys.structure[conv1]).toBeGreaterThanOrEqual(0);
    expect(scene.keys.structure[conv1]).toBe(scene.keys.structure[conv2]);
    expect(scene.tables.op[scene.keys.op[grad] as number]).toBeTruthy();
  });

  it('expands a scope: its children appear inside its box, variables and series get their shapes', async () => {
    const s = await demo();
    // conv1/weights is both a variable and a scope (weights/read, weights/Assign): strict names put the op in it as (weights).
    const scene = await s.layout(['conv1', 'conv1/weights', 'gradients'], false);
    const slot = (name: string): number => Array.from(scene.ids).findIndex((_, i) => scene.labels[i] === name);
    const conv1 = slot('conv1');
    expect(scene.shapes[conv1]).toBe(SHAPE_SCOPE_OPEN);
    const weights = Array.from({ length: scene.nodeCount }, (_, i) => i).find((i) => scene.labels[i] === '(weights)');
    expect(scene.parentSlot[scene.parentSlot[weights as number] as number]).toBe(conv1);
    expect(weights).toBeDefined();
    expect(scene.shapes[weights as number]).toBe(SHAPE_VARIABLE);
    const [px, py, pw, ph] = Array.from(scene.boxes.subarray(4 * conv1, 4 * conv1 + 4));
    const [x, y, w, hgt] = Array.from(scene.boxes.subarray(4 * (weights as number), 4 * (weights as number) + 4));
    expect(x as number).toBeGreaterThanOrEqual(px as number);
    expect((x as number) + (w as number)).toBeLessThanOrEqual((px as number) + (pw as number));
    expect(y as number).toBeGreaterThanOrEqual(py as number);
    expect((y as number) + (hgt as number)).toBeLessThanOrEqual((py as number) + (ph as number));
    expect(Array.from(scene.shapes)).toContain(SHAPE_SERIES);
  });

  it('lists the scopes to open by depth, and lays out every scope with progress', async () => {
    const s = await demo();
    const top = s.expansion(1);
    expect(top.levelEnds).toEqual([top.names.length]);
    expect(top.names).toContain('gradients');
    expect(top.names.every((n) => !n.includes('/'))).toBe(true);
    const all = s.expansion(null);
    expect(all.names.length).toBe(109);
    expect(all.names.slice(0, top.names.length)).toEqual(top.names);
    // Shallowest first: each level's names are one component deeper than the level before.
    all.levelEnds.forEach((end, d) => {
      const from = d === 0 ? 0 : (all.levelEnds[d - 1] as number);
      for (const n of all.names.slice(from, end)) expect(n.split('/').length).toBeGreaterThanOrEqual(d + 1);
    });
    const two = s.expansion(2);
    expect(two.names).toEqual(all.names.slice(0, all.levelEnds[1]));
    const seen: [number, number][] = [];
    const scene = await s.layout(all.names, false, (done, total) => seen.push([done, total]));
    expect(seen.length).toBe(110); // every scope and the root
    expect(seen.at(-1)).toEqual([110, 110]);
    expect(Array.from({ length: scene.nodeCount }, (_, i) => scene.names[i])).toContain('conv1/weights');
  });

  it('searches, locates and inspects: a hit carries the scopes to open and the box to select', async () => {
    const s = await demo();
    const r = s.search('conv2/weights');
    const hit = r.entries.find((e) => e.name === 'conv2/weights' && e.field !== 'scope');
    expect(hit?.expand).toEqual(['conv2', 'conv2/weights']);
    expect(hit?.expandIds.map((x) => s.inspect(x).name)).toEqual(['conv2', 'conv2/weights']);
    // The scope of the same name comes first, located as its own box.
    expect(r.entries[0]).toMatchObject({ field: 'scope', name: 'conv2/weights', op: null, expand: ['conv2'] });
    expect(r.entries[0]?.target).toBe(r.entries[0]?.node);
    expect(hit?.target).toBe(hit?.node);
    const d = s.inspect(hit?.node as number);
    expect(d.op).toBe('VariableV2');
    expect(d.attrs.find((a) => a.key === 'dtype')?.value).toBe('float');
    expect(d.attrs.find((a) => a.key === 'shape')?.value).toBe('(5, 5, 8, 16)');
    expect(d.outputs.map((o) => o.name)).toContain('conv2/weights/read');
    const add = s.locate('gradients/AddN_1');
    expect(add).not.toBeNull();
    expect(add?.expand[0]).toBe('gradients');
    expect(s.locate('no/such/node')).toBeNull();
    // A scope, which is no graph node, is located too: its box, under its parent scopes.
    const scope = s.locate('gradients/conv1');
    expect(scope?.expand).toEqual(['gradients']);
    expect(s.inspect(scope?.target as number).kind).toBe('scope');
    expect(s.search('op:Conv2D').total).toBe(2);
    expect(s.search('/[/').error).toBeTruthy();
  });

  it('traces inputs to visible boxes only', async () => {
    const s = await demo();
    await s.layout([], false);
    const loss = s.locate('total_loss');
    const t = s.trace(loss?.target as number, 'inputs');
    const h = (name: string): number => s.locate(name)?.target ?? -1;
    expect(t.nodes).toContain(h('images'));
    expect(t.nodes).not.toContain(h('conv1/weights'));
    expect(t.count).toBeGreaterThan(10);
  });

  it('reports variables', async () => {
    const s = await demo();
    const v = s.variables();
    expect(v.variables.find((x) => x.name === 'dense/kernel')?.shared).toBe(true);
  });

  it('sizes boxes with the label metrics the renderer measured', async () => {
    const s = await demo();
    const narrow = await s.layout([], false);
    s.select(0, null, DEFAULT_VIEW_OPTIONS, () => {}, { fontSize: 11, advance: 1.0, wideAdvance: 2.0 });
    const wide = await s.layout([], false);
    const widthOf = (sc: typeof narrow, name: string): number => sc.boxes[4 * sc.names.indexOf(name) + 2] as number;
    expect(widthOf(wide, 'weight_decay')).toBeGreaterThan(widthOf(narrow, 'weight_decay') + 20);
  });

  it('keeps what a truncated file held and reports where it broke', async () => {
    const bytes = fixture('demo/events.out.tfevents.0.scopeview');
    const s = session();
    const opened = await s.open('cut', [{ path: 'cut', file: bytes.subarray(0, bytes.length - 10) }], false, {});
    expect(opened.graphs.length).toBeGreaterThanOrEqual(1);
    expect(opened.warnings.some((w) => w.kind === 'truncated' && w.offset !== null)).toBe(true);
  });
});

describe('Session.open while a graph is shown', () => {
  it('keeps the shown graph usable until the new selection replaces it (live reload)', async () => {
    const s = await demo();
    await s.layout(['conv1'], false);
    const reopened = await s.open('demo.pb', [{ path: 'demo.pb', file: fixture('demo.pb') }], false, {});
    expect(reopened.graphs).toHaveLength(1);
    // Opened, not yet selected: the old graph still lays out and answers.
    const scene = await s.layout(['conv1'], false);
    expect(scene.names).toContain('conv1/Conv2D');
    expect(s.locate('conv1/Conv2D')).not.toBeNull();
    s.select(0, null, DEFAULT_VIEW_OPTIONS, () => {});
    expect((await s.layout([], false)).names).toContain('gradients');
  });
});

describe('Session.open first frame', () => {
  it('sends a large graph\u2019s top level before the graph is decoded, and nothing for a small one', async () => {
    const node = Array.from({ length: 25_000 }, (_, i) => ({ name: `block_${i % 40}/layer_${i % 7}/some_rather_long_op_name_${i}`, op: 'Identity' }));
    const bytes = tensorflow.GraphDef.encode({ node }).finish();
    expect(bytes.length).toBeGreaterThan(1 << 20);
    const s = session();
    const seen: { names: number; preview: boolean; before: boolean }[] = [];
    let opened = false;
    const summary = s.open('big.pb', [{ path: 'big.pb', file: bytes }], false, {}, (scene) => seen.push({ names: scene.nodeCount, preview: scene.preview, before: !opened }));
    await summary;
    opened = true;
    expect(seen).toEqual([{ names: 40, preview: true, before: true }]);
    const small: unknown[] = [];
    await session().open('demo', [{ path: 'e', file: fixture('demo/events.out.tfevents.0.scopeview') }], false, {}, (scene) => small.push(scene));
    expect(small).toEqual([]);
  });
});

describe('Session colour ranks', () => {
  /** Each visible scope's colour rank per mode (the canvas colours by rank), by name. */
  const ranksOf = (scene: Awaited<ReturnType<Session<Uint8Array>['layout']>>) => new Map(scene.names.map((n, i) => [n, (['structure', 'op', 'device'] as const).map((m) => {
    const k = scene.keys[m][i] as number;
    return k < 0 ? -1 : (scene.ranks?.[m][k] ?? -2);
  }).join()]));

  it('depend on the graph only: not on what was opened before, nor on which scopes are open', async () => {
    const fresh = await demo();
    const first = ranksOf(await fresh.layout([], false));
    expect(first.get('conv1')).toBe(first.get('conv2')); // one template, one rank
    expect(Number(first.get('conv1')?.split(',')[0])).toBeGreaterThanOrEqual(0);
    const s = session();
    await s.open('other', [{ path: 'g.pb', file: fixture('gan-discriminator.pb') }], false, {});
    s.select(0, null, DEFAULT_VIEW_OPTIONS, () => {});
    await s.layout([], false);
    await s.open('demo', [{ path: 'events.out.tfevents.0.scopeview', file: fixture('demo/events.out.tfevents.0.scopeview') }], false, {});
    s.select(0, null, DEFAULT_VIEW_OPTIONS, () => {});
    expect(ranksOf(await s.layout([], false))).toEqual(first);
    const open = ranksOf(await s.layout(['conv1', 'gradients'], false));
    for (const [name, r] of first) if (open.has(name)) expect(open.get(name), name).toBe(r);
  });
});

describe('Session graph list', () => {
  it('marks the meta_graph_def that repeats the graph_def, and nothing else', async () => {
    const s = session();
    const opened = await s.open('demo', [{ path: 'e', file: fixture('demo/events.out.tfevents.0.scopeview') }], false, {});
    expect(opened.graphs.map((g) => [g.source, g.sameAs])).toEqual([['graph_def', null], ['meta_graph_def', 0]]);
    const other = await s.open('pb', [{ path: 'g.pb', file: fixture('demo.pb') }], false, {});
    expect(other.graphs.map((g) => g.sameAs)).toEqual([null]);
  });
});

describe('Session library functions', () => {
  it('shows a library function from the analysis of its graph, not from a new one, until the toggles or the file change', async () => {
    const bytes = tensorflow.GraphDef.encode({
      node: [{ name: 'x', op: 'Placeholder' }, { name: 'call', op: 'StatefulPartitionedCall', input: ['x'], attr: { f: { func: { name: 'f_1' } } } }],
      library: { function: [{ signature: { name: 'f_1' }, nodeDef: [{ name: 'scope/mul', op: 'Mul' }] }] },
    }).finish();
    const s = session();
    const open = (): Promise<unknown> => s.open('f.pb', [{ path: 'f.pb', file: bytes }], false, {});
    await open();
    const stages: string[] = [];
    s.select(0, null, DEFAULT_VIEW_OPTIONS, (st) => stages.push(st));
    const graph = s.selected();
    s.select(0, 0, DEFAULT_VIEW_OPTIONS, (st) => stages.push(st));
    const fn = s.selected();
    expect(fn).not.toBe(graph);
    expect((await s.layout([], false)).names).toContain('scope');
    expect(stages).toEqual(['Building the scope hierarchy']);
    s.select(0, 0, DEFAULT_VIEW_OPTIONS, (st) => stages.push(st));
    expect(s.selected()).toBe(fn);
    expect(stages).toHaveLength(1);
    // The graph itself chosen again is a new selection (compare mode tells a changed pane by it).
    s.select(0, null, DEFAULT_VIEW_OPTIONS, (st) => stages.push(st));
    expect(s.selected()).not.toBe(graph);
    expect(stages).toHaveLength(2);
    s.select(0, 0, { ...DEFAULT_VIEW_OPTIONS, series: !DEFAULT_VIEW_OPTIONS.series }, (st) => stages.push(st));
    expect(stages).toHaveLength(3);
    await open();
    s.select(0, 0, DEFAULT_VIEW_OPTIONS, (st) => stages.push(st));
    expect(s.selected()).not.toBe(fn);
    expect(stages).toHaveLength(4);
  });
});

describe('Session.view', () => {
  const demoFiles = [{ path: 'events.out.tfevents.0.scopeview', file: fixture('demo/events.out.tfevents.0.scopeview') }];
  const look = { options: DEFAULT_VIEW_OPTIONS, metrics: LABEL_METRICS, xla: false, kinds: false, labels: false };

  it('opens, asks what to show once the input is read, and answers with the scene of that expansion', async () => {
    const s = session();
    const events: string[] = [];
    const reply = await s.view('demo', demoFiles, false, look, {
      load: {},
      onOpened: async (summary) => {
        events.push(`opened ${summary.graphs.length} ${summary.contentKey === '' ? 'no key' : 'keyed'}`);
        return { graph: 0, fn: null, expanded: ['conv1', 'no/such/scope'] };
      },
      onStage: (stage) => events.push(stage),
      onPreview: () => events.push('preview'),
    });
    expect(events).toEqual(['opened 2 keyed', 'Building the scope hierarchy', 'Laying out']);
    expect(reply.opened.graphs[0]?.nodes).toBe(298);
    expect(reply.selection).toMatchObject({ graph: 0, fn: null, scopes: 109 });
    expect(reply.scene?.names).toContain('conv1/Conv2D');
    // The session is left showing that view: what follows it works on the same selection.
    expect(s.locate('conv1/Conv2D')).not.toBeNull();
  });

  it('shows nothing when the answer chooses nothing, keeping the summary', async () => {
    const s = session();
    const reply = await s.view('demo', demoFiles, false, look, { load: {}, onOpened: () => Promise.resolve(null), onStage: () => {} });
    expect(reply.opened.format).toBe('events');
    expect(reply.selection).toBeNull();
    expect(reply.scene).toBeNull();
    expect(s.selected()).toBeNull();
  });

  it('sends one first frame of a large graph: while it loads, or else once it is read', async () => {
    const graphOf = (name: (i: number) => string): Uint8Array => tensorflow.GraphDef.encode({ node: Array.from({ length: 21_000 }, (_, i) => ({ name: name(i), op: 'Identity' })) }).finish();
    for (const [bytes, early] of [[graphOf((i) => `block_${i % 40}/layer_${i % 7}/some_rather_long_op_name_${i}`), true], [graphOf((i) => `b${i % 40}/${i}`), false]] as const) {
      const events: string[] = [];
      const reply = await session().view('big.pb', [{ path: 'big.pb', file: bytes }], false, look, {
        load: {},
        onOpened: async () => {
          events.push('opened');
          return { graph: 0, fn: null, expanded: [] };
        },
        onStage: () => {},
        onPreview: (scene) => events.push(`preview ${scene.nodeCount}`),
      });
      expect(events).toEqual(early ? ['preview 40', 'opened'] : ['opened', 'preview 40']);
      expect(reply.scene?.preview).toBe(false);
      expect(reply.scene?.nodeCount).toBe(40);
    }
  });
});
