// s3://bucket/prefix locations through the AWS SDK v3: the SDK's standard credential chain and
// region lookup, an endpoint (AWS_ENDPOINT_URL or --endpoint) for S3-compatible stores, ListObjectsV2
// for a prefix (a logdir) and ranged GetObject for reads. Errors name the location and where the
// credentials came from, never the credentials.
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import { childKey, safeText, type RemoteLocation } from './remote-location';
import { RemoteError, confinedKey, describeKey, isNetworkError, kindOfStatus, listPages, scrub, type RemoteFileInfo, type RemoteListing, type RemoteStore } from './remote-store';

export interface S3StoreOptions {
  /** An S3-compatible endpoint (MinIO, Ceph, R2, a test server); AWS_ENDPOINT_URL otherwise. */
  readonly endpoint?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Tries per request inside the SDK; the reader retries broken bodies on top. */
  readonly maxAttempts?: number;
}

/** Where the SDK's chain will find credentials, in words (never the credentials themselves). */
export function awsCredentialSource(env: NodeJS.ProcessEnv): string {
  if (env['AWS_ACCESS_KEY_ID']) return 'the environment (AWS_ACCESS_KEY_ID)';
  if (env['AWS_PROFILE']) return `profile '${env['AWS_PROFILE']}' in the shared AWS config`;
  if (env['AWS_WEB_IDENTITY_TOKEN_FILE']) return 'the web identity token (AWS_WEB_IDENTITY_TOKEN_FILE)';
  if (env['AWS_CONTAINER_CREDENTIALS_RELATIVE_URI'] || env['AWS_CONTAINER_CREDENTIALS_FULL_URI']) return 'the container credentials endpoint';
  return 'the default chain: the default profile in ~/.aws, SSO, or the instance role';
}

/** The largest listing read: a logdir with more objects than this is cut, with the rest ignored. */
const MAX_OBJECTS = 1_000_000;

export class S3Store implements RemoteStore {
  private client: S3Client | null = null;
  /** What the SDK's chain resolved (a profile's keys, a session token): scrubbed from messages. */
  private resolved: string[] = [];
  private readonly env: NodeJS.ProcessEnv;
  private readonly endpoint: string | undefined;

  constructor(readonly location: RemoteLocation, private readonly options: S3StoreOptions = {}) {
    this.env = options.env ?? process.env;
    this.endpoint = options.endpoint ?? this.env['AWS_ENDPOINT_URL_S3'] ?? this.env['AWS_ENDPOINT_URL'];
  }

  describe(): Promise<RemoteListing> {
    return describeKey(this.location, async (key) => {
      try {
        const head = await (await this.s3()).send(new HeadObjectCommand({ Bucket: this.location.bucket, Key: confinedKey(this.location, key) }));
        return Number(head.ContentLength ?? 0);
      } catch (err) {
        const e = this.error(err, key);
        if (e.kind === 'not-found') return null;
        throw e;
      }
    }, (prefix) => this.list(prefix));
  }

  async stream(path: string, start: number, end: number, onChunk: (b: Uint8Array) => void, signal: AbortSignal): Promise<void> {
    const key = confinedKey(this.location, childKey(this.location.key, path), true);
    let body: Readable;
    try {
      const res = await (await this.s3()).send(new GetObjectCommand({ Bucket: this.location.bucket, Key: key, Range: `bytes=${start}-${end - 1}` }), { abortSignal: signal });
      body = res.Body as Readable;
    } catch (err) {
      // Asking past the end of an object that shrank: nothing to read.
      if ((err as { name?: string }).name === 'InvalidRange') return;
      throw this.error(err, key);
    }
    try {
      for await (const chunk of body) onChunk(chunk as Uint8Array);
    } catch (err) {
      throw this.error(err, key);
    } finally {
      body.destroy();
    }
  }

  close(): void {
    this.client?.destroy();
    this.client = null;
  }

  private list(prefix: string): Promise<RemoteFileInfo[]> {
    return listPages(async (token) => {
      let page;
      try {
        page = await (await this.s3()).send(new ListObjectsV2Command({ Bucket: this.location.bucket, Prefix: confinedKey(this.location, prefix), ContinuationToken: token }));
      } catch (err) {
        throw this.error(err, prefix);
      }
      const files: RemoteFileInfo[] = [];
      for (const o of page.Contents ?? []) {
        // Folder markers ("run/") some tools write are not files.
        if (o.Key === undefined || o.Key.endsWith('/') || !o.Key.startsWith(prefix)) continue;
        files.push({ path: o.Key.slice(prefix.length), size: Number(o.Size ?? 0) });
      }
      return { files, next: page.IsTruncated ? page.NextContinuationToken : undefined };
    }, MAX_OBJECTS);
  }

  /** The client, made on first use. Without a configured region the SDK's own lookup (environment,
   *  shared config) is asked; if it finds none, us-east-1 with region redirects reaches any bucket. */
  private async s3(): Promise<S3Client> {
    if (this.client) return this.client;
    const config: S3ClientConfig = {
      maxAttempts: this.options.maxAttempts ?? 3,
      followRegionRedirects: true,
      requestHandler: { connectionTimeout: 10_000, requestTimeout: 60_000 },
    };
    if (this.endpoint) {
      // S3-compatible stores rarely serve virtual-hosted bucket names.
      config.endpoint = this.endpoint;
      config.forcePathStyle = true;
    }
    let client = new S3Client(config);
    try {
      await client.config.region();
    } catch {
      client.destroy();
      client = new S3Client({ ...config, region: 'us-east-1' });
    }
    // The chain's answer is cached by the SDK: resolving it here costs no extra lookup, and lets
    // error text be scrubbed of what was really sent, wherever it came from (AWS_PROFILE, SSO…).
    try {
      const c = await client.config.credentials();
      this.resolved = [c.accessKeyId, c.secretAccessKey, c.sessionToken].filter((v): v is string => typeof v === 'string');
    } catch {
      // No credentials: the request says so (CredentialsProviderError) in error().
    }
    this.client = client;
    return client;
  }

  private error(err: unknown, key: string): RemoteError {
    if (err instanceof RemoteError) return err;
    const e = err as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
    const name = e.name ?? '';
    const status = e.$metadata?.httpStatusCode ?? 0;
    const where = safeText(`s3://${this.location.bucket}/${key}`);
    const secrets = [this.env['AWS_ACCESS_KEY_ID'], this.env['AWS_SECRET_ACCESS_KEY'], this.env['AWS_SESSION_TOKEN'], ...this.resolved];
    if (name === 'CredentialsProviderError' || /could not load credentials/i.test(e.message ?? '')) {
      return new RemoteError('access-denied', `no AWS credentials found for ${where} (looked in ${awsCredentialSource(this.env)})`);
    }
    if (['AccessDenied', 'InvalidAccessKeyId', 'SignatureDoesNotMatch', 'Forbidden', 'AllAccessDisabled', 'ExpiredToken', 'InvalidToken'].includes(name) || status === 401 || status === 403) {
      return new RemoteError('access-denied', `access denied to ${where} (credentials from ${awsCredentialSource(this.env)}${name && name !== 'AccessDenied' ? `: ${name}` : ''})`);
    }
    if (name === 'NoSuchBucket') return new RemoteError('no-such-bucket', `no such bucket: s3://${this.location.bucket}`);
    if (name === 'NoSuchKey' || name === 'NotFound' || status === 404) return new RemoteError('not-found', `not found: ${where}`);
    const detail = scrub(`${name ? `${name}: ` : ''}${e.message ?? String(err)}`, secrets);
    if (isNetworkError(err) || name === 'TimeoutError' || name === 'RequestTimeout' || name === 'SlowDown' || (status !== 0 && kindOfStatus(status) === 'transient')) {
      return new RemoteError('transient', `${where}: ${detail}`);
    }
    return new RemoteError('failed', `${where}: ${detail}`);
  }
}
