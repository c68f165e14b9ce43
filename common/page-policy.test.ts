// The page's policy: what it forbids, and the copy in the page's meta tag saying the same (a meta
// policy cannot carry frame-ancestors; every directive it has must equal the header's).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PAGE_CSP, WEB_PAGE_CSP } from './page-policy';

const directives = (policy: string): Map<string, string> =>
  new Map(policy.split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0] ?? '', d.split(/\s+/).slice(1).join(' ')]));

describe('page policy', () => {
  const header = directives(PAGE_CSP);

  it('runs only the page\'s own files: no eval, no inline script, no blob: or data: workers or fetches', () => {
    expect(header.get('script-src')).toBe("'self'");
    expect(header.get('worker-src')).toBe("'self'");
    expect(header.get('connect-src')).toBe("'self'");
    expect(PAGE_CSP).not.toMatch(/unsafe-eval|wasm-unsafe-eval/);
    for (const d of ['object-src', 'base-uri', 'form-action', 'frame-ancestors', 'frame-src']) expect(header.get(d), d).toBe("'none'");
  });

  it('differs in the browser host only in letting the page fetch http(s) URLs (Open URL)', () => {
    const web = directives(WEB_PAGE_CSP);
    expect(web.get('connect-src')).toBe("'self' https: http:");
    for (const [name, value] of header) if (name !== 'connect-src') expect(web.get(name), name).toBe(value);
    expect([...web.keys()]).toEqual([...header.keys()]);
  });

  it('is the browser host\'s policy the page declares in its meta tag (the shell\'s header narrows connect-src)', () => {
    const html = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    if (!meta) throw new Error('renderer/index.html declares no policy');
    const declared = directives(meta);
    const web = directives(WEB_PAGE_CSP);
    for (const [name, value] of declared) expect(value, name).toBe(web.get(name));
    expect([...header.keys()].filter((k) => !declared.has(k))).toEqual(['frame-ancestors']);
  });
});
