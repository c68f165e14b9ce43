// Ranged reads of one remote object with the patience a network needs: an idle timeout per
// request, retries with exponential backoff for transient failures, and resumption where a body
// broke off. When retries run out mid-object the reader keeps what it has and reports the
// interruption, so the loader treats the object like a local log cut short (graphs before the cut
// stay on screen with a warning) instead of failing the whole load.
import { RemoteError, isNetworkError, type RemoteStore } from './remote-store';

export interface ReadPolicy {
  /** Tries per read, the first included. */
  readonly attempts: number;
  /** Backoff before try n (n ≥ 1) is baseDelayMs · 2^(n-1). */
  readonly baseDelayMs: number;
  /** A request that delivers no byte for this long is abandoned (and retried). */
  readonly idleTimeoutMs: number;
}

export const DEFAULT_POLICY: ReadPolicy = { attempts: 4, baseDelayMs: 250, idleTimeoutMs: 30_000 };

export interface Interruption {
  /** The first byte that could not be read. */
  readonly offset: number;
  readonly message: string;
}

/** Counts what crossed the network, for progress and the benchmark. */
export interface TransferMeter {
  bytes: number;
  requests: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class RemoteObject {
  /** Set once retries ran out mid-object; later reads return nothing past it. */
  interrupted: Interruption | null = null;

  constructor(
    private readonly store: RemoteStore,
    /** Path relative to the store's location ('' for the location itself). */
    readonly path: string,
    readonly size: number,
    /** Secret-free name for messages. */
    readonly display: string,
    private readonly policy: ReadPolicy = DEFAULT_POLICY,
    private readonly meter: TransferMeter = { bytes: 0, requests: 0 },
  ) {}

  /** Reads [start, end) (clamped to the size); fewer bytes only when the object is shorter or the
   *  connection could not be restored. Throws RemoteError for failures retrying cannot cure. */
  async read(start: number, end: number): Promise<Uint8Array> {
    const from = Math.max(0, Math.min(start, this.size));
    const to = Math.min(this.size, this.interrupted ? Math.min(end, this.interrupted.offset) : end);
    if (to <= from) return new Uint8Array(0);
    const out = new Uint8Array(to - from);
    let got = 0;
    let failures = 0;
    for (;;) {
      const before = got;
      try {
        await this.request(from + got, to, (chunk) => {
          const n = Math.min(chunk.length, out.length - got);
          out.set(chunk.subarray(0, n), got);
          got += n;
        });
        // A body that ended early: the object is shorter than listed (replaced meanwhile).
        return got === out.length ? out : out.subarray(0, got);
      } catch (err) {
        if (got === out.length) return out;
        const e = this.asRemoteError(err);
        if (!e.retryable) throw e;
        // Progress resets the count: a slow link that keeps delivering is not given up on.
        failures = got > before ? 1 : failures + 1;
        if (failures >= this.policy.attempts) {
          this.interrupted = { offset: from + got, message: `the connection to ${this.display} broke at byte ${from + got} of ${this.size} and did not recover after ${this.policy.attempts} tries (${e.message})` };
          return out.subarray(0, got);
        }
        await sleep(this.policy.baseDelayMs * 2 ** (failures - 1));
      }
    }
  }

  private async request(start: number, end: number, onChunk: (b: Uint8Array) => void): Promise<void> {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => controller.abort(new RemoteError('transient', `no data from ${this.display} for ${this.policy.idleTimeoutMs / 1000} s`)), this.policy.idleTimeoutMs);
    };
    arm();
    this.meter.requests++;
    try {
      await this.store.stream(this.path, start, end, (b) => {
        this.meter.bytes += b.length;
        arm();
        onChunk(b);
      }, controller.signal);
    } catch (err) {
      // An abort surfaces as the library's AbortError: report the timeout that caused it.
      throw controller.signal.aborted && controller.signal.reason instanceof RemoteError ? controller.signal.reason : err;
    } finally {
      clearTimeout(timer);
    }
  }

  private asRemoteError(err: unknown): RemoteError {
    if (err instanceof RemoteError) return err;
    if (isNetworkError(err)) return new RemoteError('transient', err instanceof Error ? err.message : String(err));
    return new RemoteError('failed', `reading ${this.display} failed (${err instanceof Error ? err.message : String(err)})`);
  }
}
