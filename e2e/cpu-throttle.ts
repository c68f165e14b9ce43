// The harness's CPU-throttle switch: SCOPEVIEW_E2E_CPU_THROTTLE=N slows every page the UI and
// Electron harnesses open N times through Chromium's DevTools protocol, so that the suite can be
// run as if on a slower machine (docs/TESTING.md). Unset or 1: no throttling.
import type { BrowserContext, Page } from 'playwright-core';

function rate(): number {
  const raw = process.env.SCOPEVIEW_E2E_CPU_THROTTLE;
  if (raw === undefined || raw === '') return 1;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 1) throw new Error(`SCOPEVIEW_E2E_CPU_THROTTLE must be a number of at least 1, not "${raw}"`);
  return n;
}

export const CPU_THROTTLE = rate();

/** Applies the switch to `page` (a no-op when it is off). */
export async function throttleCpu(context: BrowserContext, page: Page): Promise<void> {
  if (CPU_THROTTLE === 1) return;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
}
