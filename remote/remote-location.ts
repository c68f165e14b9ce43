// What a remote location is (https://, http://, s3://, gs://) and how it is named to the user:
// every name shown (errors, warnings, recent items, exports) comes from `display`, which never
// carries credentials (user:password@) or a query string (where signed URLs keep their signature).

export type RemoteScheme = 'http' | 'https' | 's3' | 'gs';

export interface RemoteLocation {
  readonly scheme: RemoteScheme;
  /** http(s): the URL to fetch, credentials and query included (never shown). */
  readonly url: string;
  /** s3/gs: the bucket; '' for http(s). */
  readonly bucket: string;
  /** s3/gs: the key or prefix inside the bucket, without a leading '/'; for http(s) the path. */
  readonly key: string;
  /** The location as the user may see it: no credentials, no query, no fragment. */
  readonly display: string;
}

const SCHEME = /^(https?|s3|gs):\/\//i;

/** True when `text` names a remote location rather than a local path. */
export function isRemoteLocation(text: string): boolean {
  return SCHEME.test(text);
}

/** Parses a remote location; throws an Error naming the problem (secret-free) when it is not one. */
export function parseRemoteLocation(text: string): RemoteLocation {
  const m = SCHEME.exec(text);
  if (!m) throw new Error('not a remote location: expected https://, http://, s3:// or gs://');
  const scheme = (m[1] as string).toLowerCase() as RemoteScheme;
  if (scheme === 'http' || scheme === 'https') {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new Error(`not a valid URL: ${redactText(text)}`);
    }
    return { scheme, url: url.href, bucket: '', key: decodeURIComponent(url.pathname.replace(/^\//, '')), display: `${url.protocol}//${url.host}${url.pathname}` };
  }
  // Object keys may hold any character, so s3:// and gs:// are split by hand rather than as URLs.
  const rest = text.slice(m[0].length);
  const slash = rest.indexOf('/');
  const bucket = slash < 0 ? rest : rest.slice(0, slash);
  const key = slash < 0 ? '' : rest.slice(slash + 1);
  if (!/^[a-z0-9][a-z0-9._-]{1,221}[a-z0-9]$/.test(bucket)) throw new Error(`not a valid bucket name in ${scheme}://${bucket}`);
  return { scheme, url: '', bucket, key, display: `${scheme}://${bucket}/${key}` };
}

/** A location's display name, or the text with anything that may be a secret cut out. */
export function redactText(text: string): string {
  return text.replace(/(\w+:\/\/)[^/@\s]*@/g, '$1').replace(/\?[^\s]*/g, '');
}

/** Human size: 1536 → "1.5 KB", 2.1e9 → "2.1 GB" (decimal units, as storage consoles show). */
export function formatBytes(n: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return u === 0 ? `${n} bytes` : `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${units[u]}`;
}

/** Joins a folder location's key with a relative path below it. */
export function childKey(prefix: string, relative: string): string {
  if (relative === '') return prefix;
  return prefix === '' || prefix.endsWith('/') ? `${prefix}${relative}` : `${prefix}/${relative}`;
}
