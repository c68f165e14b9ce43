// Tests for parsing remote locations and for the names shown to users (never a secret).
import { describe, expect, it } from 'vitest';
import { childKey, formatBytes, isRemoteLocation, parseRemoteLocation, redactText } from './remote-location';
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

  it('formats sizes as storage consoles do', () => {
    expect([formatBytes(512), formatBytes(300_000), formatBytes(2.1e9)]).toEqual(['512 bytes', '300 KB', '2.1 GB']);
  });

  it('joins a prefix and a relative path', () => {
    expect([childKey('', 'a'), childKey('p', 'a'), childKey('p/', 'a'), childKey('p/f', '')]).toEqual(['a', 'p/a', 'p/a', 'p/f']);
  });
});
