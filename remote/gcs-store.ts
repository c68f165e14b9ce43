// gs://bucket/prefix locations through @google-cloud/storage: Application Default Credentials,
// or anonymous access (public buckets) when none are configured; STORAGE_EMULATOR_HOST or an
// endpoint option for emulators. Lists a prefix as a logdir and reads objects in ranges.
import { Storage, type StorageOptions } from '@google-cloud/storage';
import { childKey, safeText, type RemoteLocation } from './remote-location';
import { RemoteError, confinedKey, describeKey, isNetworkError, kindOfStatus, listPages, scrub, type RemoteFileInfo, type RemoteListing, type RemoteStore } from './remote-store';

export interface GcsStoreOptions {
  /** An endpoint such as an emulator's (STORAGE_EMULATOR_HOST is also honoured by the library). */
  readonly endpoint?: string;
  readonly env?: NodeJS.ProcessEnv;
}

/** The public endpoint named with its port: the library treats it as a custom endpoint and then,
 *  as documented for custom endpoints, sends no credentials. That is anonymous access. */
const ANONYMOUS_ENDPOINT = 'https://storage.googleapis.com:443';

/** Which credentials were used, in words (never the credentials). */
export function gcsCredentialSource(env: NodeJS.ProcessEnv, anonymous: boolean): string {
  if (anonymous) return 'anonymous access: no credentials were sent';
  if (env['GOOGLE_APPLICATION_CREDENTIALS']) return 'credentials from the key file named by GOOGLE_APPLICATION_CREDENTIALS';
  return 'credentials from Application Default Credentials (gcloud auth application-default login, or the instance service account)';
}

const MAX_OBJECTS = 1_000_000;

export class GcsStore implements RemoteStore {
  private storage: Storage | null = null;
  private anonymous = false;
  private readonly env: NodeJS.ProcessEnv;

  constructor(readonly location: RemoteLocation, private readonly options: GcsStoreOptions = {}) {
    this.env = options.env ?? process.env;
    // Behind an emulator (or any custom endpoint) the library sends no credentials.
    this.anonymous = Boolean(options.endpoint ?? this.env['STORAGE_EMULATOR_HOST']);
  }

  describe(): Promise<RemoteListing> {
    return this.withCredentialFallback(() => describeKey(this.location, async (key) => {
      try {
        const [meta] = await this.bucket().file(confinedKey(this.location, key)).getMetadata();
        return Number(meta.size ?? 0);
      } catch (err) {
        const e = this.error(err, key);
        if (e.kind === 'not-found') return null;
        throw e;
      }
    }, (prefix) => this.list(prefix)));
  }

  async stream(path: string, start: number, end: number, onChunk: (b: Uint8Array) => void, signal: AbortSignal): Promise<void> {
    const key = confinedKey(this.location, childKey(this.location.key, path), true);
    // Checksums cover whole objects; a range cannot be validated against them.
    const body = this.bucket().file(key).createReadStream({ start, end: end - 1, validation: false, decompress: false });
    const abort = (): void => { body.destroy(signal.reason instanceof Error ? signal.reason : new Error('aborted')); };
    signal.addEventListener('abort', abort, { once: true });
    try {
      for await (const chunk of body) onChunk(chunk as Uint8Array);
    } catch (err) {
      // Asking past the end of an object that shrank: nothing to read.
      if ((err as { code?: unknown }).code === 416) return;
      throw this.error(err, key);
    } finally {
      signal.removeEventListener('abort', abort);
      body.destroy();
    }
  }

  close(): void {
    this.storage = null;
  }

  private list(prefix: string): Promise<RemoteFileInfo[]> {
    return listPages(async (pageToken) => {
      let page;
      try {
        page = await this.bucket().getFiles({ prefix: confinedKey(this.location, prefix), autoPaginate: false, maxResults: 1000, pageToken });
      } catch (err) {
        throw this.error(err, prefix);
      }
      const files: RemoteFileInfo[] = [];
      for (const f of page[0]) {
        if (f.name.endsWith('/') || !f.name.startsWith(prefix)) continue;
        files.push({ path: f.name.slice(prefix.length), size: Number(f.metadata.size ?? 0) });
      }
      return { files, next: (page[1] as { pageToken?: string } | null)?.pageToken };
    }, MAX_OBJECTS);
  }

  private bucket() {
    if (this.storage === null) {
      const opts: StorageOptions = { retryOptions: { autoRetry: true, maxRetries: 2 } };
      if (this.options.endpoint) opts.apiEndpoint = this.options.endpoint;
      else if (this.anonymous && !this.env['STORAGE_EMULATOR_HOST']) opts.apiEndpoint = ANONYMOUS_ENDPOINT;
      this.storage = new Storage(opts);
    }
    return this.storage.bucket(this.location.bucket);
  }

  /** Runs `fn`; when no credentials can be found at all, tries again anonymously (public buckets). */
  private async withCredentialFallback<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (this.anonymous || !(err instanceof RemoteError) || err.kind !== 'access-denied' || !/no Google credentials/.test(err.message)) throw err;
      this.anonymous = true;
      this.storage = null;
      return fn();
    }
  }

  private error(err: unknown, key: string): RemoteError {
    if (err instanceof RemoteError) return err;
    const e = err as { code?: unknown; message?: string };
    const message = e.message ?? String(err);
    const status = typeof e.code === 'number' ? e.code : 0;
    const where = safeText(`gs://${this.location.bucket}/${key}`);
    if (/could not load the default credentials/i.test(message)) {
      return new RemoteError('access-denied', `no Google credentials found for ${where} (looked for ${gcsCredentialSource(this.env, false).replace(/^credentials from /, '')})`);
    }
    if (status === 401 || status === 403) return new RemoteError('access-denied', `access denied to ${where} (${gcsCredentialSource(this.env, this.anonymous)})`);
    if (status === 404 && /bucket/i.test(message)) return new RemoteError('no-such-bucket', `no such bucket: gs://${this.location.bucket}`);
    if (status === 404) return new RemoteError('not-found', `not found: ${where}`);
    const detail = scrub(message, []);
    if (isNetworkError(err) || (status !== 0 && kindOfStatus(status) === 'transient')) return new RemoteError('transient', `${where}: ${detail}`);
    return new RemoteError('failed', `${where}: ${detail}`);
  }
}
