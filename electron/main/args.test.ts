// Command-line parsing for `scopeview PATH`, `scopeview A B` and second instances.
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from './args';

describe('command line', () => {
  const dev = (...args: string[]) => parseCommandLine(['/usr/bin/electron', 'dist/electron/main.cjs', ...args], true, '/work');
  const packaged = (...args: string[]) => parseCommandLine(['/opt/Scopeview/scopeview', ...args], false, '/home/u');

  it('opens one path and compares two, resolving relative paths', () => {
    expect(dev()).toEqual({ kind: 'none' });
    expect(dev('--demo')).toEqual({ kind: 'demo' });
    expect(dev('logs')).toEqual({ kind: 'open', path: '/work/logs' });
    expect(packaged('/data/g.pb')).toEqual({ kind: 'open', path: '/data/g.pb' });
    expect(packaged('a.pb', 'b/c.pb')).toEqual({ kind: 'compare', a: '/home/u/a.pb', b: '/home/u/b/c.pb' });
  });

  it('keeps remote locations as given: https://, s3://, gs://', () => {
    expect(packaged('s3://bucket/logs')).toEqual({ kind: 'open', path: 's3://bucket/logs' });
    expect(dev('local.pb', 'https://host/x.pb?sig=1')).toEqual({ kind: 'compare', a: '/work/local.pb', b: 'https://host/x.pb?sig=1' });
  });

  it('ignores switches, including those Chromium adds to a second instance', () => {
    expect(packaged('--no-sandbox', '--allow-file-access-from-files', 'run.tfevents', '--enable-logging')).toEqual({ kind: 'open', path: '/home/u/run.tfevents' });
    expect(dev('--remote-debugging-port=0', '--inspect=0')).toEqual({ kind: 'none' });
    // Switches before the script (Playwright's launch, --no-sandbox as root) are not paths either.
    expect(parseCommandLine(['/usr/bin/electron', '--inspect=0', '--no-sandbox', 'dist/electron/main.cjs', 'g.pb'], true, '/w')).toEqual({ kind: 'open', path: '/w/g.pb' });
    expect(parseCommandLine(['/usr/bin/electron', '--inspect=0'], true, '/w')).toEqual({ kind: 'none' });
  });

  it('refuses more than two paths with a sentence', () => {
    const r = packaged('a', 'b', 'c');
    expect(r.kind).toBe('error');
    if (r.kind === 'error') expect(r.message).toMatch(/one path, or two to compare/);
  });
});
