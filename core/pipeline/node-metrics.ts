// What the colouring modes need per visible node: the dominant op type, device and XLA cluster of a
// node's subtree, and compute time / memory from run metadata summed over it. Computed for the
// visible nodes only (one subtree walk each) and cached per hierarchy node.
import type { StepStatsRecord } from '../io/load-result';
import type { Hierarchy } from '../scope/hierarchy';
import { scopeHistograms } from '../scope/histograms';
import { rankByCount } from './colour-ranks';

export interface Dominant {
  readonly op: string | null;
  readonly device: string | null;
  readonly xla: string | null;
}

const decoder = new TextDecoder();

function top(counts: ReadonlyMap<string, number>): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const [k, c] of counts) if (c > bestCount || (c === bestCount && best !== null && k < best)) [best, bestCount] = [k, c];
  return best;
}

export class NodeMetrics {
  private readonly cache = new Map<number, Dominant>();
  private xlaColumn: (string | null)[] | null = null;
  private rankCache: ReturnType<NodeMetrics['ranks']> | null = null;
  /** Per graph node, from run metadata (NaN: not profiled); null without run metadata. */
  readonly compute: Float64Array | null;
  readonly memory: Float64Array | null;

  constructor(private readonly hier: Hierarchy, stepStats: readonly StepStatsRecord[]) {
    const g = hier.graph;
    let compute: Float64Array | null = null;
    let memory: Float64Array | null = null;
    for (const rec of stepStats) {
      for (const dev of rec.stats.devStats ?? []) {
        for (const s of dev.nodeStats ?? []) {
          const i = s.nodeName ? g.indexOf(s.nodeName) : -1;
          if (i < 0) continue;
          compute ??= new Float64Array(g.nodeCount).fill(Number.NaN);
          memory ??= new Float64Array(g.nodeCount).fill(Number.NaN);
          const micros = Number(s.allEndRelMicros ?? 0);
          let bytes = 0;
          for (const m of s.memory ?? []) bytes += Number(m.totalBytes ?? 0);
          compute[i] = (Number.isNaN(compute[i] as number) ? 0 : (compute[i] as number)) + micros;
          memory[i] = (Number.isNaN(memory[i] as number) ? 0 : (memory[i] as number)) + bytes;
        }
      }
    }
    this.compute = compute;
    this.memory = memory;
  }

  /** Graph-wide colour ranks of op types, devices and XLA clusters (colour-ranks.ts), computed once. */
  ranks(): { readonly op: Map<string, number>; readonly device: Map<string, number>; readonly xla: Map<string, number> } {
    if (!this.rankCache) {
      const col = this.xlaColumn;
      const hist = scopeHistograms(this.hier, 0, col ? (node) => col[node] ?? null : () => null);
      this.rankCache = { op: rankByCount(hist.ops), device: rankByCount(hist.devices), xla: rankByCount(hist.xlaClusters) };
    }
    return this.rankCache;
  }

  /** Includes XLA clusters in `dominant` (decodes one attribute per node, once). */
  withXla(): this {
    if (!this.xlaColumn) {
      const g = this.hier.graph;
      const col = new Array<string | null>(g.nodeCount).fill(null);
      for (let i = 0; i < g.nodeCount; i++) {
        if (!g.attrKeys(i).includes('_XlaCluster')) continue;
        const s = g.attr(i, '_XlaCluster')?.s;
        col[i] = s && s.length ? decoder.decode(s) : null;
      }
      this.xlaColumn = col;
      this.cache.clear();
      this.rankCache = null;
    }
    return this;
  }

  dominant(h: number): Dominant {
    const hit = this.cache.get(h);
    if (hit) return hit;
    const col = this.xlaColumn;
    // Without the XLA column (not asked for yet) clusters are left out rather than decoded per node.
    const hist = scopeHistograms(this.hier, h, col ? (node) => col[node] ?? null : () => null);
    const d = { op: top(hist.ops), device: top(hist.devices), xla: top(hist.xlaClusters) };
    this.cache.set(h, d);
    return d;
  }

  private sum(column: Float64Array | null, h: number): number {
    if (!column) return Number.NaN;
    let total = Number.NaN;
    this.hier.forEachOp(h, (node) => {
      const v = column[node] as number;
      if (!Number.isNaN(v)) total = (Number.isNaN(total) ? 0 : total) + v;
    });
    return total;
  }

  computeOf(h: number): number {
    return this.sum(this.compute, h);
  }

  memoryOf(h: number): number {
    return this.sum(this.memory, h);
  }
}
