// Benchmark result rows and their side-by-side printing: our figure, the baseline, the ratio and
// the budget, so every run shows where we stand (DESIGN.md section 5).

export interface BenchRow {
  /** What was measured, e.g. "load 10^6-node GraphDef". */
  readonly name: string;
  readonly value: number;
  /** Unit of `value`: "ms", "s", "MB/s", "nodes/s", "MB". */
  readonly unit: string;
  /** Budget for `value`; `higherIsBetter` says which side passes. */
  readonly budget?: { readonly limit: number; readonly higherIsBetter: boolean };
  /** A reference figure measured or cited for the same step, and where it comes from. */
  readonly baseline?: { readonly value: number; readonly label: string };
  readonly note?: string;
}

export function passes(row: BenchRow): boolean | null {
  if (!row.budget) return null;
  return row.budget.higherIsBetter ? row.value >= row.budget.limit : row.value <= row.budget.limit;
}

function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Math.abs(v) >= 100) return v.toFixed(0);
  if (Math.abs(v) >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

/** How many times better our figure is than the baseline (> 1: we win), whichever way the unit points. */
export function speedup(r: BenchRow, baseline: number): number {
  const higherIsBetter = r.budget?.higherIsBetter ?? (r.unit.endsWith('/s') || r.unit === 'fps');
  return higherIsBetter ? r.value / baseline : baseline / r.value;
}

/** Renders rows as a Markdown table (printed to the terminal and pasted into docs/PERFORMANCE.md). */
export function formatTable(rows: readonly BenchRow[]): string {
  const lines = ['| step | ours | baseline | ratio (× better than baseline) | budget | ok |', '|---|---|---|---|---|---|'];
  for (const r of rows) {
    const base = r.baseline ? `${fmt(r.baseline.value)} ${r.unit} (${r.baseline.label})` : '—';
    const ratio = r.baseline && r.value !== 0 && r.baseline.value !== 0 ? `${fmt(speedup(r, r.baseline.value))}×` : '—';
    const budget = r.budget ? `${r.budget.higherIsBetter ? '≥' : '≤'} ${fmt(r.budget.limit)} ${r.unit}` : '—';
    const ok = passes(r);
    lines.push(`| ${r.name}${r.note ? ` (${r.note})` : ''} | ${fmt(r.value)} ${r.unit} | ${base} | ${ratio} | ${budget} | ${ok === null ? '—' : ok ? 'yes' : 'NO'} |`);
  }
  return lines.join('\n');
}
