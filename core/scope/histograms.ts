// Per-scope histograms of op types, devices and XLA clusters over the ops in a scope's subtree,
// computed on demand (a scope at a time) for the inspector and the colouring modes.
import { H_OP, type Hierarchy } from './hierarchy';

export interface ScopeHistograms {
  readonly ops: ReadonlyMap<string, number>;
  readonly devices: ReadonlyMap<string, number>;
  readonly xlaClusters: ReadonlyMap<string, number>;
}

function bump(m: Map<string, number>, k: string): void {
  m.set(k, (m.get(k) ?? 0) + 1);
}

export function scopeHistograms(hier: Hierarchy, scope: number): ScopeHistograms {
  const ops = new Map<string, number>();
  const devices = new Map<string, number>();
  const xlaClusters = new Map<string, number>();
  const g = hier.graph;
  const first = hier.pre[scope] as number;
  const last = first + (hier.size[scope] as number);
  for (let h = 0; h < hier.count; h++) {
    const p = hier.pre[h] as number;
    if (p < first || p >= last || hier.kind[h] !== H_OP) continue;
    const node = hier.opNode[h] as number;
    bump(ops, g.op(node));
    const device = g.device(node);
    if (device) bump(devices, device);
    const xla = g.attr(node, '_XlaCluster')?.s;
    if (xla && xla.length) bump(xlaClusters, new TextDecoder().decode(xla));
  }
  return { ops, devices, xlaClusters };
}
