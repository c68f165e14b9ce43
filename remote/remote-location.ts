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
    // An '@' past the first '/' is ambiguous: a password holding '/' (base64) or a path holding
    // '@'. The URL parser would take a piece of the password for the host, so both are refused.
    const authority = text.slice(m[0].length).replace(/[?#][\s\S]*$/, '');
    const slash = authority.indexOf('/');
    if (slash >= 0 && authority.lastIndexOf('@') > slash) {
      throw new Error(`not a valid URL: ${redactLocation(text)} ('@' after a '/': percent-encode a '/' in a password as %2F, an '@' in a path as %40)`);
    }
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new Error(`not a valid URL: ${redactLocation(text)}`);
    }
    // Fragments never reach a server, and some carry tokens (#access_token=…): dropped here.
    url.hash = '';
    return { scheme, url: url.href, bucket: '', key: decodeURIComponent(url.pathname.replace(/^\//, '')), display: safeText(`${url.protocol}//${url.host}${url.pathname}`) };
  }
  // Object keys may hold any character, so s3:// and gs:// are split by hand rather than as URLs.
  const rest = text.slice(m[0].length);
  const slash = rest.indexOf('/');
  const bucket = slash < 0 ? rest : rest.slice(0, slash);
  const key = slash < 0 ? '' : rest.slice(slash + 1);
  if (bucket.includes('@') || bucket.includes(':') || !/^[a-z0-9][a-z0-9._-]{1,221}[a-z0-9]$/.test(bucket)) {
    const hint = /[@:]/.test(rest) ? ` (${scheme}:// locations take no credentials: they come from the machine's configuration)` : '';
    throw new Error(`not a valid bucket name in ${redactLocation(text)}${hint}`);
  }
  const bad = keyProblem(key);
  if (bad) throw new Error(`not a valid object key in ${safeText(`${scheme}://${bucket}/${key}`)}: ${bad}`);
  return { scheme, url: '', bucket, key, display: safeText(`${scheme}://${bucket}/${key}`) };
}

/**
 * Why a key cannot be sent to a store, or null. Dot segments and empty segments are refused: an
 * endpoint (or a proxy before it) that normalises paths would turn `b/../other/x` into another
 * bucket's object, and `..` alone into the bucket itself. A trailing '/' (a folder) is allowed.
 */
export function keyProblem(key: string): string | null {
  if (key === '') return null;
  const segments = (key.endsWith('/') ? key.slice(0, -1) : key).split('/');
  if (segments.some((s) => s === '.' || s === '..')) return "it has a '.' or '..' segment";
  if (segments.some((s) => s === '')) return "it has an empty segment ('//' or a leading '/')";
  return null;
}

/**
 * One location as text, with everything that may be a secret cut out before anything parses it:
 * all between '://' and the last '@' before the query and fragment (a base64 password may hold
 * '/', so the authority cannot be told from the path), the query, and the fragment.
 */
export function redactLocation(text: string): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)([\s\S]*)$/i.exec(text);
  if (!m) return safeText(text.replace(/[?#][\s\S]*$/, ''));
  const rest = (m[2] as string).replace(/[?#][\s\S]*$/, '');
  const at = rest.lastIndexOf('@');
  return safeText(`${m[1]}${at < 0 ? rest : rest.slice(at + 1)}`);
}

/** Free text (an error from a library, say) with every URL in it redacted as redactLocation does. */
export function redactText(text: string): string {
  return text.replace(/[a-z][a-z0-9+.-]*:\/\/\S*/gi, (url) => redactLocation(url));
}

/**
 * Text as it may be shown: without control characters (a name holding ESC[2J would clear a
 * terminal) and without bidirectional controls (U+202E makes "bp.tnemucod" read "document.pb").
 */
export function safeText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
}

/** Joins a folder location's key with a relative path below it. */
export function childKey(prefix: string, relative: string): string {
  if (relative === '') return prefix;
  return prefix === '' || prefix.endsWith('/') ? `${prefix}${relative}` : `${prefix}/${relative}`;
}
