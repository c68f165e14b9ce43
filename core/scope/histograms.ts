// Per-scope histograms of op types, devices and XLA clusters over the ops in a scope's subtree,
// computed on demand (a scope at a time) for the inspector and the colouring modes.
import type { Hierarchy } from './hierarchy';

export interface ScopeHistograms {
  readonly ops: ReadonlyMap<string, number>;
  readonly devices: ReadonlyMap<string, number>;
  readonly xlaClusters: ReadonlyMap<string, number>;
}

const decoder = new TextDecoder();

const decodeXla = (s: Uint8Array | null | undefined): string | null => (s && s.length ? decoder.decode(s) : null);

function bump(m: Map<string, number>, k: string): void {
  m.set(k, (m.get(k) ?? 0) + 1);
}

/** The XLA cluster of a graph node: its `_XlaCluster` attribute, decoded (callers may pass a cached column). */
export type XlaClusterOf = (node: number) => string | null;

export function scopeHistograms(hier: Hierarchy, scope: number, xlaOf?: XlaClusterOf): ScopeHistograms {
  const ops = new Map<string, number>();
  const devices = new Map<string, number>();
  const xlaClusters = new Map<string, number>();
  const g = hier.graph;
  hier.forEachOp(scope, (node) => {
    bump(ops, g.op(node));
    const device = g.device(node);
    if (device) bump(devices, device);
    const xla = xlaOf ? xlaOf(node) : decodeXla(g.attr(node, '_XlaCluster')?.s);
    if (xla) bump(xlaClusters, xla);
  });
  return { ops, devices, xlaClusters };
}
