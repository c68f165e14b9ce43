// Ranged reads of one remote object with the patience a network needs: an idle timeout per
// request, retries with exponential backoff for transient failures and for bodies that end before
// the bytes asked for, and resumption where a body broke off, all capped per read and per object.
// When retries run out mid-object the reader keeps what it has and reports the interruption (the
// offset where reading stopped), so the loader treats the object like a local log cut short
// (graphs before the cut stay on screen with a warning) instead of failing the whole load.
import { IdleTimer, RemoteError, isNetworkError, type RemoteStore } from './remote-store';

export interface ReadPolicy {
  /** Tries per read without progress, the first included. */
  readonly attempts: number;
  /** Backoff before try n (n ≥ 1) is baseDelayMs · 2^(n-1). */
  readonly baseDelayMs: number;
  /** A request that delivers no byte for this long is abandoned (and retried). */
  readonly idleTimeoutMs: number;
  /** Resumptions of one read after a break that made progress (a server cutting every 100 bytes). */
  readonly maxResumes?: number;
  /** Failed or short requests for one object in all; past it reads stop where they broke. */
  readonly maxFailures?: number;
}

export const DEFAULT_POLICY: ReadPolicy = { attempts: 4, baseDelayMs: 250, idleTimeoutMs: 30_000, maxResumes: 16, maxFailures: 64 };

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

/** The reason a request is ended when bytes go on arriving past the range asked for. */
const ENOUGH = new Error('all requested bytes arrived');

/** Chunks as one plain Uint8Array, allocated for the bytes that arrived (never for a claimed size). */
function joined(parts: readonly Uint8Array[], length: number): Uint8Array {
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only) return new Uint8Array(only.buffer, only.byteOffset, only.byteLength);
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export class RemoteObject {
  /** Set once retries ran out mid-object; later reads return nothing past it. */
  interrupted: Interruption | null = null;
  /** Failed or short requests so far (capped by policy.maxFailures). */
  private failures = 0;

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

  /** Reads [start, end) (clamped to the size); fewer bytes only when the object could not be read
   *  to the end of the range (see `interrupted`). Throws RemoteError for failures retrying cannot cure. */
  async read(start: number, end: number): Promise<Uint8Array> {
    const from = Math.max(0, Math.min(start, this.size));
    const to = Math.min(this.size, this.interrupted ? Math.min(end, this.interrupted.offset) : end);
    if (to <= from) return new Uint8Array(0);
    const want = to - from;
    const parts: Uint8Array[] = [];
    let got = 0;
    let tries = 0;
    let resumes = 0;
    const maxResumes = this.policy.maxResumes ?? DEFAULT_POLICY.maxResumes ?? 16;
    const maxFailures = this.policy.maxFailures ?? DEFAULT_POLICY.maxFailures ?? 64;
    for (;;) {
      const before = got;
      let error: RemoteError | null = null;
      try {
        await this.request(from + got, to, (chunk) => {
          // Bytes past the range: the server goes on, so the request is ended here.
          if (got >= want) return true;
          const n = Math.min(chunk.length, want - got);
          parts.push(n === chunk.length ? chunk : chunk.subarray(0, n));
          got += n;
          return false;
        });
      } catch (err) {
        if (got < want) error = this.asRemoteError(err);
      }
      if (got >= want) return joined(parts, got);
      if (error && !error.retryable) throw error;
      // A body that ended before the range did is not the end of the object: the size was listed.
      const why = error ? error.message : `the body ended at byte ${from + got}, before byte ${to}`;
      this.failures++;
      // Progress resets the count: a slow link that keeps delivering is not given up on at once.
      if (got > before) resumes++;
      tries = got > before ? 1 : tries + 1;
      if (tries >= this.policy.attempts || resumes > maxResumes || this.failures > maxFailures) {
        const offset = from + got;
        this.interrupted = { offset, message: `the connection to ${this.display} broke at byte ${offset} of ${this.size} and did not recover after ${this.failures} tries (${why})` };
        return joined(parts, got);
      }
      await sleep(this.policy.baseDelayMs * 2 ** (tries - 1));
    }
  }

  /** One request for [start, end); `onChunk` returns true for a chunk past every byte it needs, and
   *  the request is then ended (a body that ends on its own keeps its connection reusable). */
  private async request(start: number, end: number, onChunk: (b: Uint8Array) => boolean): Promise<void> {
    const idle = new IdleTimer(this.policy.idleTimeoutMs, this.display);
    this.meter.requests++;
    try {
      await this.store.stream(this.path, start, end, (b) => {
        this.meter.bytes += b.length;
        idle.arm();
        if (onChunk(b)) idle.abort(ENOUGH);
      }, idle.signal);
    } catch (err) {
      // An abort surfaces as the library's AbortError: report the timeout that caused it.
      throw idle.cause(err);
    } finally {
      idle.clear();
    }
  }

  private asRemoteError(err: unknown): RemoteError {
    if (err instanceof RemoteError) return err;
    if (isNetworkError(err)) return new RemoteError('transient', err instanceof Error ? err.message : String(err));
    return new RemoteError('failed', `reading ${this.display} failed (${err instanceof Error ? err.message : String(err)})`);
  }
}
