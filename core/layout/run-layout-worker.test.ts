// Loading ELK inside a worker: elkjs's engine module makes itself the worker's `onmessage` when it
// is evaluated there; runLayout puts the worker's own handler back. A worker is stood in for by
// `self`, set before anything in this file loads ELK.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from './layout-engine';
import { runLayout } from './run-layout';
import type { InputEdge, ScopeInput } from './types';

const edge = (a: number, b: number): InputEdge => ({ from: { node: a, port: -1 }, to: { node: b, port: -1 }, data: 1, control: 0, ref: 0, elements: 1 });
const input: ScopeInput = {
  scope: 1, settings: { ...DEFAULT_SETTINGS, algorithm: 'elk' }, header: 20, aux: [], ownPorts: [], edges: [edge(10, 11), edge(11, 12)],
  nodes: [10, 11, 12].map((id) => ({ id, width: 50, height: 20, ports: [] })),
};

describe('runLayout with ELK in a worker', () => {
  it("keeps the worker's message handler when ELK's code loads", async () => {
    const scope = globalThis as { self?: unknown; onmessage?: unknown };
    const handler = (): void => undefined;
    scope.self = globalThis;
    scope.onmessage = handler;
    try {
      const l = await runLayout(input, () => 0);
      expect(l.nodeIds.length).toBe(3);
      expect(scope.onmessage).toBe(handler);
    } finally {
      delete scope.self;
      delete scope.onmessage;
    }
  });
});
