// The test build's layout hold: an executor in front of the layout pool that, once told to, lets a
// given number of scope layouts through and parks the rest until released. End-to-end tests use it
// to keep an expansion or an opening in progress until they have acted on it (clicked Cancel),
// whatever the machine's speed. Only the test build (define __SCOPEVIEW_TEST_BUILD__) wires it in.
import type { ScopeInput, ScopeLayout } from '../../core/layout/types';
import type { LayoutExecutor } from '../../core/layout/worker-pool';

/** Page to session worker: park layouts after the next `pass` ones (`hold`), or release them all. */
export type HoldMessage = { readonly type: 'test-layout-hold'; readonly hold: boolean; readonly pass: number };

export function isHoldMessage(data: unknown): data is HoldMessage {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'test-layout-hold';
}

export class LayoutHold implements LayoutExecutor {
  private held = false;
  private passes = 0;
  private readonly parked: (() => void)[] = [];

  constructor(private readonly inner: LayoutExecutor) {}

  /** Layouts requested now and later wait, once `pass` more have gone through. */
  hold(pass = 0): void {
    this.held = true;
    this.passes = pass;
  }

  /** Parked layouts go on, in order; a request that went stale meanwhile is dropped by the pool. */
  release(): void {
    this.held = false;
    for (const go of this.parked.splice(0)) go();
  }

  apply(msg: HoldMessage): void {
    if (msg.hold) this.hold(msg.pass);
    else this.release();
  }

  /** How many layouts wait for release. */
  get waiting(): number {
    return this.parked.length;
  }

  async run(input: ScopeInput, isStale: () => boolean): Promise<ScopeLayout> {
    if (this.held && this.passes > 0) this.passes--;
    else if (this.held) await new Promise<void>((go) => this.parked.push(go));
    return this.inner.run(input, isStale);
  }
}
