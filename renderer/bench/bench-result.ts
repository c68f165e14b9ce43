// What the canvas benchmark page publishes on window.__benchResult; read by bench/canvas.bench.ts.
export interface BenchResult {
  readonly n: number;
  readonly edges: number;
  readonly mode: string;
  readonly zoom: number;
  readonly frames: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly fps: number;
  /** Median CPU time deck.gl spent per drawn frame (canvas mode). */
  readonly drawMs: number;
  readonly setupMs: number;
  /** Instances (boxes, edge segments, arrowheads) and labels drawn at the end, and the detail budget's cut (px). */
  readonly instances: number;
  readonly labels: number;
  readonly cutPx: number;
}
