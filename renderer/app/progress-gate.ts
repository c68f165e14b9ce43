// Progress reaches the screen at most every GAP_MS, but at once when its stage changes or it
// completes: every change of the progress bar recomposites the window, and on a CPU rasteriser
// (SwiftShader) the ten updates a second the worker sends kept the GPU process busy more than half
// the time during "Expand all", on one of the two cores the layout workers need (Chrome trace).
import type { Progress } from './session-client';

export const GAP_MS = 500;

export function gatedProgress(show: Progress, now: () => number = () => performance.now(), gap = GAP_MS): Progress {
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
