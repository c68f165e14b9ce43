// Picks the store for a location's scheme. The cloud SDKs are loaded only when their scheme is
// used, so `scopeview inspect https://…` does not pay for loading the AWS and Google libraries.
import { parseRemoteLocation, type RemoteLocation } from './remote-location';
import type { RemoteStore } from './remote-store';

export interface RemoteOptions {
  /** s3: an S3-compatible endpoint (else AWS_ENDPOINT_URL); gs: an emulator or other endpoint. */
  readonly endpoint?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Said once when a server ignores Range requests and the whole file is read. */
  readonly onNotice?: (message: string) => void;
  readonly onProgress?: (done: number, total: number) => void;
}

export async function openRemoteStore(location: RemoteLocation | string, options: RemoteOptions = {}): Promise<RemoteStore> {
  const loc = typeof location === 'string' ? parseRemoteLocation(location) : location;
  switch (loc.scheme) {
    case 'http':
    case 'https': {
      const { HttpStore } = await import('./http-store');
      return new HttpStore(loc, options);
    }
    case 's3': {
      const { S3Store } = await import('./s3-store');
      return new S3Store(loc, options);
    }
    case 'gs': {
      const { GcsStore } = await import('./gcs-store');
      return new GcsStore(loc, options);
    }
  }
}
