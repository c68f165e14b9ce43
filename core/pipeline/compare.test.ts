// Compare mode behind the worker: two sessions diffed as the UI drives them, on the seed examples.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { STATUS_ADDED, STATUS_MOVED, STATUS_SAME } from '../diff/classify';
import { memorySource } from '../io/byte-source';
import { inlineExecutor } from '../layout/local-layout';
import { Comparison } from './compare';
import { DIFF_MIXED } from './diff-overlay';
import { LABEL_BADGE } from './draw/label-index';
import { DEFAULT_VIEW_OPTIONS } from './protocol';
import type { Scene } from './scene';
import { Session } from './session';

const fixture = (p: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../fixtures/generated/${p}`, import.meta.url)));

async function opened(file: string): Promise<Session<Uint8Array>> {
  const s = new Session<Uint8Array>({
    source: (f) => memorySource(f.path, f.file),
    executor: inlineExecutor(() => performance.now()),
    store: null,
    now: () => performance.now(),
  });
  await s.open(file, [{ path: file, file: fixture(file) }], false, {});
  s.select(0, null, DEFAULT_VIEW_OPTIONS, () => {});
  return s;
}

async function pair(a: string, b: string): Promise<{ sa: Session<Uint8Array>; sb: Session<Uint8Array>; cmp: Comparison<Uint8Array> }> {
  const sa = await opened(a);
  const sb = await opened(b);
  return { sa, sb, cmp: new Comparison([sa, sb], () => performance.now()) };
}

function box(scene: Scene, name: string): { diff: number; badge: string } {
  const i = scene.names.indexOf(name);
  expect(i, `${name} is drawn`).toBeGreaterThanOrEqual(0);
  return { diff: scene.diff?.[i] ?? -1, badge: scene.badges?.[i] ?? '' };
}

describe('Comparison', () => {
  it('diffs the variable_scope and name_scope seed examples and marks the scopes that moved', async () => {
    const { sa, sb, cmp } = await pair('scoping-variable-scope.pb', 'scoping-name-scope.pb');
    expect((await sa.layout([], false)).diff).toBeNull();
    const d = cmp.diff();
    expect(d.summary).toEqual({ same: 0, attrChanged: 0, moved: 11, renamed: 0, added: 0, removed: 0 });
    expect(d.changes).toContainEqual({ status: 'moved', a: 'scope_vars/b', b: 'b', op: 'VariableV2', attrs: [] });
    expect([d.nodesA, d.nodesB]).toEqual([11, 11]);
    // Everything in scope_vars moved: the closed scope says so, and its badge counts the changes.
    expect(box(await sa.layout([], false), 'scope_vars')).toEqual({ diff: STATUS_MOVED, badge: '~11' });
    const b = await sb.layout([], false);
    expect(box(b, 'scope_name')).toEqual({ diff: STATUS_MOVED, badge: '~7' });
    expect(box(b, 'b')).toEqual({ diff: STATUS_MOVED, badge: '~4' });
    // Opened, the scope's ops carry their own status.
    const open = await sa.layout(['scope_vars'], false);
    expect(box(open, 'scope_vars/res').diff).toBe(STATUS_MOVED);
  });

  it('shapes a pane\u2019s scene after marking it, so the canvas draws its badges', async () => {
    const { sa, cmp } = await pair('scoping-variable-scope.pb', 'scoping-name-scope.pb');
    cmp.diff();
    const labels = (await sa.layout([], false)).shape.labels;
    const k = labels.text.indexOf('~11');
    expect(labels.kind[k]).toBe(LABEL_BADGE);
  });

  it('finds counterparts: a scope by where most of its matched nodes went, a node by its match', async () => {
    const { cmp } = await pair('scoping-variable-scope.pb', 'scoping-name-scope.pb');
    cmp.diff();
    expect(cmp.counterpart(0, 'scope_vars')).toBe('scope_name');
    expect(cmp.counterpart(1, 'scope_name')).toBe('scope_vars');
    expect(cmp.counterpart(0, 'scope_vars/b')).toBe('b');
    expect(cmp.counterpart(1, 'scope_name/res/mul')).toBe('scope_vars/res/mul');
    expect(cmp.counterpart(0, 'no/such/node')).toBeNull();
  });

  it('answers a counterpart with where it is drawn on the other pane', async () => {
    const { sb, cmp } = await pair('scoping-variable-scope.pb', 'scoping-name-scope.pb');
    cmp.diff();
    expect(cmp.locateCounterpart(0, 'scope_vars')).toEqual({ name: 'scope_name', location: sb.locate('scope_name') });
    expect(cmp.locateCounterpart(0, 'scope_vars/res/mul')?.location?.expand).toEqual(['scope_name', 'scope_name/res']);
    expect(cmp.locateCounterpart(0, 'no/such/node')).toBeNull();
  });

  it('pairs variables across the panes', async () => {
    const { cmp } = await pair('scoping-variable-scope.pb', 'scoping-name-scope.pb');
    cmp.diff();
    const rows = cmp.variables().map((r) => [r.a?.name ?? null, r.b?.name ?? null, r.status]);
    expect(rows).toEqual([['scope_vars/a', 'scope_name/a', 'moved'], ['scope_vars/b', 'b', 'moved']]);
  });

  it('shows variables created again without reuse as added, with badges on both sides', async () => {
    const { sa, sb, cmp } = await pair('reuse-auto.pb', 'reuse-none.pb');
    const d = cmp.diff();
    expect(d.summary.added).toBe(14);
    expect(d.summary.removed).toBe(0);
    const a = await sa.layout([], false);
    const b = await sb.layout([], false);
    expect(box(a, 'layer').diff).toBe(STATUS_SAME);
    expect(box(a, 'layer').badge).toBe('');
    // A's layer_1 reads the shared variables; B's creates its own: 14 added there, 2 ops rewired.
    expect(box(a, 'layer_1')).toEqual({ diff: DIFF_MIXED, badge: '+14 ~2' });
    expect(box(b, 'layer_1')).toEqual({ diff: DIFF_MIXED, badge: '+14 ~2' });
    const opened = await sb.layout(['layer_1'], false);
    expect(box(opened, 'layer_1/w').diff).toBe(STATUS_ADDED);
    const rows = cmp.variables();
    expect(rows.filter((r) => r.status === 'added').map((r) => r.b?.name)).toEqual(['layer_1/w', 'layer_1/b']);
  });

  it('refuses to answer for panes that changed since the diff, and drops the overlay with the selection', async () => {
    const { sa, cmp } = await pair('scoping-variable-scope.pb', 'scoping-name-scope.pb');
    cmp.diff();
    sa.select(0, null, DEFAULT_VIEW_OPTIONS, () => {});
    expect(() => cmp.counterpart(0, 'scope_vars')).toThrow(/changed since the last diff/);
    expect((await sa.layout([], false)).diff).toBeNull();
  });

  it('needs a selected graph on both panes', () => {
    const empty = (): Session<Uint8Array> => new Session<Uint8Array>({ source: (f) => memorySource(f.path, f.file), executor: inlineExecutor(() => 0), store: null, now: () => 0 });
    expect(() => new Comparison([empty(), empty()], () => 0).diff()).toThrow(/both panes/);
  });
});
