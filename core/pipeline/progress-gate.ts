// Progress reaches the screen at most every GAP_MS, but at once when its stage changes or it
// completes: every change of the progress bar recomposites the window, and on a CPU rasteriser
// (SwiftShader) ten updates a second kept the GPU process busy more than half the time during
// "Expand all", on one of the two cores the layout workers need (Chrome trace). The session worker
// gates at the source, so the messages it would drop are never posted.

export type ProgressListener = (stage: string, done: number, total: number) => void;

export const GAP_MS = 500;

export function gatedProgress(show: ProgressListener, now: () => number, gap = GAP_MS): ProgressListener {
  let last = -Infinity;
  let lastStage: string | null = null;
  return (stage, done, total) => {
    const t = now();
    if (stage === lastStage && t - last < gap && !(total > 0 && done >= total)) return;
    last = t;
    lastStage = stage;
    show(stage, done, total);
  };
}
