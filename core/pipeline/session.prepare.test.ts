// The session's background preparation of a graph's top-level scopes (Session.prepare).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { memorySource } from '../io/byte-source';
import { inlineExecutor } from '../layout/local-layout';
import type { ScopeInput } from '../layout/types';
import { DEFAULT_VIEW_OPTIONS } from './protocol';
import { Session } from './session';

const DEMO = new Uint8Array(readFileSync(new URL('../../fixtures/generated/demo/events.out.tfevents.0.scopeview', import.meta.url)));
const now = (): number => performance.now();

async function shown(background: ScopeInput[]): Promise<Session<Uint8Array>> {
  const inline = inlineExecutor(now);
  const s = new Session<Uint8Array>({
    source: (f) => memorySource(f.path, f.file),
    executor: inline,
    background: { run: (input, stale) => (background.push(input), inline.run(input, stale)) },
    store: null,
    now,
  });
  await s.open('demo', [{ path: 'e', file: DEMO }], false, {});
  s.select(0, null, DEFAULT_VIEW_OPTIONS, () => {});
  await s.layout([], false);
  return s;
}

describe('Session.prepare', () => {
  it('lays out the top-level scopes in the background, largest first, so that Expand the top level lays out only the root', async () => {
    const background: ScopeInput[] = [];
    const s = await shown(background);
    const steps: [number, number][] = [];
    await s.prepare((done, total) => steps.push([done, total]));
    const top = s.expansion(1).names;
    expect(top.length).toBeGreaterThan(3);
    expect(steps[0]).toEqual([0, top.length]);
    expect(steps[steps.length - 1]).toEqual([top.length, top.length]);
    // Scopes of the same structure share one layout (conv1 and conv2): fewer laid out than prepared.
    expect(background.length).toBeGreaterThan(0);
    expect(background.length).toBeLessThanOrEqual(top.length);
    const sizes = background.map((i) => i.nodes.length + i.aux.length);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    const scene = await s.layout(top, false);
    expect(scene.layoutStats?.laidOut).toBe(1);
    // Once per selection: asked again, nothing more is laid out.
    await s.prepare();
    expect(background.length).toBe(sizes.length);
  });

  it('a new selection stops the preparation of the one before', async () => {
    const background: ScopeInput[] = [];
    const s = await shown(background);
    const prepared = s.prepare();
    s.select(1, null, DEFAULT_VIEW_OPTIONS, () => {});
    await prepared;
    // Stopped before its first scope: nothing reached the background executor.
    expect(background).toEqual([]);
    await s.layout([], false);
    await s.prepare();
    expect(background.length).toBeGreaterThan(0);
  });

  it('prepares at most `limit` top-level scopes', async () => {
    const background: ScopeInput[] = [];
    const s = await shown(background);
    const steps: [number, number][] = [];
    await s.prepare((done, total) => steps.push([done, total]), 2);
    expect(steps).toEqual([[0, 2], [1, 2], [2, 2]]);
    expect(background.length).toBeGreaterThan(0);
    expect(background.length).toBeLessThanOrEqual(2);
  });
});
