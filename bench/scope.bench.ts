// Scope-engine benchmark: hierarchy with series, extraction, templates and the function library on
// the loader's tiled corpus graphs (192K and 10^6 nodes), each in a fresh process.
import type { BenchRow } from './report';
import { runChild, tiledFile } from './load.bench';

export async function benchScope(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const [label, n, limit] of [['192K', 192_000, 1], ['10^6', 1_000_000, 4]] as const) {
    const r = runChild(await tiledFile(n), '--scope');
    rows.push({
      name: `hierarchy + series + extraction + templates, ${label} nodes`,
      value: r.scopeMs / 1000,
      unit: 's',
      budget: { limit, higherIsBetter: false },
      baseline: n === 192_000 ? { value: 10.9 + 46.7, label: 'TensorBoard: 10.9 s parse+hierarchy + 46.7 s templates' } : undefined,
    });
    rows.push({ name: `  ${label}: load + scope engine, peak memory`, value: r.maxRssMB, unit: 'MB' });
  }
  return rows;
}
