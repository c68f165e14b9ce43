// Tests for parsing remote locations and for the names shown to users (never a secret).
import { describe, expect, it } from 'vitest';
import { childKey, isRemoteLocation, parseRemoteLocation, redactText, safeText } from './remote-location';
import { scrub } from './remote-store';

describe('parseRemoteLocation', () => {
  it('splits s3:// and gs:// into bucket and key', () => {
    expect(parseRemoteLocation('s3://my-bucket/logs/run 1/')).toMatchObject({ scheme: 's3', bucket: 'my-bucket', key: 'logs/run 1/', display: 's3://my-bucket/logs/run 1/' });
    expect(parseRemoteLocation('GS://b.c-d')).toMatchObject({ scheme: 'gs', bucket: 'b.c-d', key: '', display: 'gs://b.c-d/' });
    expect(() => parseRemoteLocation('s3://Bad_Bucket/x')).toThrow(/not a valid bucket name/);
  });

  it('keeps credentials and queries of http(s) URLs for fetching, never for display', () => {
    const l = parseRemoteLocation('https://ann:pw@example.test:8443/a/events.out.tfevents.1?X-Amz-Signature=abc#frag');
    expect(l.display).toBe('https://example.test:8443/a/events.out.tfevents.1');
    expect(l.url).toContain('ann:pw@');
    expect(l.key).toBe('a/events.out.tfevents.1');
  });

  it('tells remote locations from local paths', () => {
    expect(['https://x/y', 'http://x', 's3://b/k', 'gs://b'].every(isRemoteLocation)).toBe(true);
    expect(['/tmp/s3://x', 'logs', 'C:\\x', 'file:///x'].some(isRemoteLocation)).toBe(false);
  });
});

describe('secret-free text', () => {
  it('cuts credentials and queries out of any text', () => {
    expect(redactText('failed: https://u:p@h/x?sig=1 and s3://b/k')).toBe('failed: https://h/x and s3://b/k');
    expect(scrub('bad key AKIAXYZ123 at https://h/x?X-Amz-Credential=AKIAXYZ123%2F&X-Amz-Signature=ff', ['AKIAXYZ123'])).toBe('bad key … at https://h/x?X-Amz-Credential=…&X-Amz-Signature=…');
  });

  it('joins a prefix and a relative path', () => {
    expect([childKey('', 'a'), childKey('p', 'a'), childKey('p/', 'a'), childKey('p/f', '')]).toEqual(['a', 'p/a', 'p/a', 'p/f']);
  });
});

describe('hardening (issue 27)', () => {
  const thrown = (text: string): string => {
    try {
      parseRemoteLocation(text);
    } catch (err) {
      return (err as Error).message;
    }
    throw new Error(`${text} parsed`);
  };

  it('never shows credentials, even with a / in the password, nor for s3:// and gs:// (finding 3)', () => {
    expect(thrown('https://alice:pa/ssSECRET@host.test/x.pb')).toBe("not a valid URL: https://host.test/x.pb ('@' after a '/': percent-encode a '/' in a password as %2F, an '@' in a path as %40)");
    for (const text of ['s3://AKIAID123:SECRETKEY@bucket/logs/', 's3://AKIAID123:SE/CRETKEY@bucket/logs/', 'gs://user:SECRETKEY@bucket/x']) {
      const message = thrown(text);
      expect(message).toMatch(/^not a valid bucket name in (s3|gs):\/\/bucket\/(logs\/|x) \((s3|gs):\/\/ locations take no credentials/);
      expect(message).not.toMatch(/AKIAID123|SECRET|CRETKEY|user/);
    }
    expect(redactText('failed: https://u:p/q+r=@h/x?sig=1#access_token=abc then gs://b/k#frag')).toBe('failed: https://h/x then gs://b/k');
    const l = parseRemoteLocation('https://h.test/a/f.pb?X-Goog-Signature=1#access_token=abc');
    expect(l.url).toBe('https://h.test/a/f.pb?X-Goog-Signature=1');
    expect(l.display).toBe('https://h.test/a/f.pb');
  });

  it('shows names without control or bidi characters (finding 7)', () => {
    expect(parseRemoteLocation('s3://b-b/logs/\u202Ebp.tnemucod').display).toBe('s3://b-b/logs/bp.tnemucod');
    expect(parseRemoteLocation('gs://b-b/\u001b]0;title\u0007x/\u001b[2Jy').display).toBe('gs://b-b/]0;titlex/[2Jy');
    expect(safeText('a\u2066b\u200fc\u009bd\u007fe\tf\ng')).toBe('abcdefg');
  });

  it('refuses dot and empty segments in keys (finding 9)', () => {
    for (const text of ['s3://mybucket/../victim/secret.pb', 's3://mybucket/a/./b', 'gs://mybucket/..', 'gs://mybucket/a//b', 's3://mybucket//a']) {
      expect(thrown(text)).toMatch(/^not a valid object key in (s3|gs):\/\/mybucket\/.*: it has (a '\.' or '\.\.' segment|an empty segment)/);
    }
    expect(parseRemoteLocation('s3://mybucket/a/b/').key).toBe('a/b/');
    expect(parseRemoteLocation('gs://mybucket/a.b/..c').key).toBe('a.b/..c');
  });
});
