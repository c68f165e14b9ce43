// Memory of a process tree on Linux, for the app benchmarks: the sum of the proportional set sizes
// (PSS, /proc/PID/smaps_rollup) of every descendant of a process, so that pages Chromium's
// processes share are counted once, not once per process as summed RSS would.
import { readdirSync, readFileSync } from 'node:fs';

function parentOf(pid: number): number | null {
  try {
    // The command name sits in parentheses and may hold spaces: the fields after it are fixed.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[1]);
  } catch {
    return null;
  }
}

function pssBytes(pid: number): number {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** PSS of every descendant of `root` (not `root` itself), in bytes; 0 where /proc is absent. */
export function descendantsPss(root: number): number {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return 0;
  }
  const parents = new Map<number, number>();
  for (const e of entries) {
    const p = parentOf(Number(e));
    if (p !== null) parents.set(Number(e), p);
  }
  let total = 0;
  for (const pid of parents.keys()) {
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p)) {
      if (p === root) {
        total += pssBytes(pid);
        break;
      }
    }
  }
  return total;
}

/** Samples descendantsPss(root) every `ms` until stopped; returns the peak seen, in bytes. */
export function peakSampler(root: number, ms = 200): { stop(): number } {
  let peak = descendantsPss(root);
  const timer = setInterval(() => {
    peak = Math.max(peak, descendantsPss(root));
  }, ms);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, descendantsPss(root));
    },
  };
}
