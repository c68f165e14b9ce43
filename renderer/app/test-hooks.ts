// The test build's page-side switches (docs/TESTING.md): with the `layout-hold` query flag, the page
// exposes `window.scopeviewTest` to hold and release scope layouts in every session worker it runs,
// including those started later (a cancelled opening replaces its worker). A user build never
// imports this module: its only callers sit behind __SCOPEVIEW_TEST_BUILD__.
import type { HoldMessage } from '../workers/layout-hold';

const workers = new Set<Worker>();
let current: HoldMessage = { type: 'test-layout-hold', hold: false, pass: 0 };

function broadcast(msg: HoldMessage): void {
  current = msg;
  for (const w of workers) w.postMessage(msg);
}

/** A new session worker follows the hold as it stands. */
export function adoptWorker(worker: Worker): void {
  workers.add(worker);
  if (current.hold) worker.postMessage(current);
}

export function installTestHooks(): void {
  if (!new URLSearchParams(location.search).has('layout-hold')) return;
  Object.assign(window, {
    scopeviewTest: {
      /** Park scope layouts after the next `pass` of them, until released. */
      holdLayouts(pass = 0): void {
        broadcast({ type: 'test-layout-hold', hold: true, pass });
      },
      releaseLayouts(): void {
        broadcast({ type: 'test-layout-hold', hold: false, pass: 0 });
      },
    },
  });
}
