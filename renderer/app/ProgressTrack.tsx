// The progress bar's track: the share done when the total is known, else a block that steps along
// the track twice a second. Not a CSS animation: on a CPU rasteriser (SwiftShader, llvmpipe) every
// animated frame recomposites the whole window, and a 60 fps slide took one of two cores from the
// worker it reported on (Chrome trace: the GPU process busy ~90 % while the scope engine ran).
import { useEffect, useState } from 'react';

const STEPS = 5;
const STEP_MS = 500;

export function ProgressTrack({ percent }: { percent: number | null }) {
  const indeterminate = percent === null;
  const [step, setStep] = useState(0);
  useEffect(() => {
    if (!indeterminate) return undefined;
    const timer = setInterval(() => setStep((s) => (s + 1) % STEPS), STEP_MS);
    return () => clearInterval(timer);
  }, [indeterminate]);
  const style = indeterminate ? { width: '30%', left: `${(step * 70) / (STEPS - 1)}%` } : { width: `${percent}%` };
  return <div className={indeterminate ? 'bar indeterminate' : 'bar'}><div style={style} /></div>;
}
