// The layout worker script with several requests queued at once (the pool posts ahead): each gets
// its own answer, in the order asked, and each answer's transfer list is its own layout's buffers,
// none shared with another answer (a buffer transferred twice would be detached the second time).
// A stand-in for the worker's global scope is installed before the script loads.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../core/layout/layout-engine';
import type { InputEdge, ScopeInput } from '../../core/layout/types';
import { layoutBuffers, type LayoutRequest, type LayoutResponse } from '../../core/layout/worker-pool';

const edge = (a: number, b: number): InputEdge => ({ from: { node: a, port: -1 }, to: { node: b, port: -1 }, data: 1, control: 0, ref: 0, elements: 1 });
const nodes = (n: number) => Array.from({ length: n }, (_, i) => ({ id: 100 + i, width: 40, height: 20, ports: [] }));
const base = { settings: DEFAULT_SETTINGS, header: 20, aux: [], ownPorts: [] };
const inputs: ScopeInput[] = [
  { ...base, scope: 1, nodes: nodes(3), edges: [edge(100, 101), edge(101, 102)] }, // layered
  { ...base, scope: 2, nodes: nodes(4), edges: [] }, // no edges: the fast layout's grid
  { ...base, scope: 3, nodes: nodes(DEFAULT_SETTINGS.flatLimit + 1), edges: [edge(100, 101)] }, // huge: fast
  { ...base, scope: 4, nodes: nodes(5), edges: [edge(100, 101), edge(102, 103), edge(103, 104)] },
];

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('layout worker script', () => {
  it('answers every queued request with its id, in order, transferring only its own buffers', async () => {
    const listeners: ((ev: MessageEvent) => void)[] = [];
    const posted: { message: LayoutResponse; transfer: Transferable[] }[] = [];
    vi.stubGlobal('self', {
      onmessage: null,
      addEventListener: (_type: 'message', l: (ev: MessageEvent) => void) => void listeners.push(l),
      postMessage: (message: LayoutResponse, transfer: Transferable[] = []) => void posted.push({ message, transfer }),
    });
    await import('./layout-worker');
    expect(listeners).toHaveLength(1);
    // Delivered back to back, as when the requests wait in the worker's queue.
    inputs.forEach((input, k) => listeners[0]?.({ data: { type: 'layout', id: 10 + k, input } satisfies LayoutRequest } as MessageEvent));
    await vi.waitFor(() => expect(posted).toHaveLength(inputs.length), { timeout: 30_000, interval: 5 });
    expect(posted.map((p) => p.message.id)).toEqual([10, 11, 12, 13]);
    const all = posted.flatMap((p) => p.transfer);
    expect(new Set(all).size).toBe(all.length);
    for (const [k, { message, transfer }] of posted.entries()) {
      expect(message.type).toBe('done');
      if (message.type !== 'done') continue;
      expect(message.layout.scope).toBe(inputs[k]?.scope);
      expect(transfer).toEqual(layoutBuffers(message.layout));
      // What postMessage does with the list (it throws on a duplicate buffer).
      const moved = structuredClone(message, { transfer });
      expect(moved.layout.nodeIds).toEqual(Int32Array.from(inputs[k]?.nodes.map((n) => n.id) ?? []));
      expect(message.layout.nodeIds.length).toBe(0); // the sender's copy is detached
    }
  });
});
