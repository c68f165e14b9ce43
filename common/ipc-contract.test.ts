// The IPC contract: every invoke channel validated, well-formed calls accepted, bad ones rejected;
// the sender rule; which paths a choice of Files names; export names.
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, chosenPaths, exportExtension, folderRoot, INVOKE, isTrustedSender, LIMITS, validateArgs, VALIDATORS, type InvokeChannel } from './ipc-contract';

// For every channel: argument lists that must pass and ones that must be rejected.
const CASES: { readonly [C in InvokeChannel]: { good: unknown[][]; bad: unknown[][] } } = {
  'scopeview:ready': { good: [[]], bad: [[1], ['x'], [undefined]] },
  'scopeview:recent': { good: [[]], bad: [[{}], [null]] },
  'scopeview:closed': { good: [[]], bad: [['key'], [null]] },
  'scopeview:remember': { good: [['abc']], bad: [[], [''], [1], [{}], ['a', 'b'], ['x'.repeat(LIMITS.keyLength + 1)], ['a\0b']] },
  'scopeview:reopen': { good: [['abc']], bad: [[], [''], [null], [['abc']]] },
  'scopeview:forget': { good: [['abc']], bad: [[], [42], ['a\0']] },
  'scopeview:open-paths': {
    good: [[['/logs/run1']], [['/a/x.pb', '/a/y.pb']], [['C:\\logs']]],
    bad: [[], ['/a'], [[]], [['']], [[1]], [['/a', null]], [['/a\0/etc/passwd']], [Array.from({ length: LIMITS.paths + 1 }, (_, i) => `/f${i}`)], [['/a'], ['/b']],
      [['x'.repeat(LIMITS.pathLength + 1)]]],
  },
  'scopeview:open-location': {
    good: [['https://example.test/logs/events.out.tfevents.1'], ['s3://bucket/logs/'], ['GS://bucket'], ['http://127.0.0.1:8080/x.pb?X-Amz-Signature=ab']],
    bad: [[], [''], ['/local/path'], ['file:///etc/passwd'], ['ftp://host/x'], ['javascript:alert(1)'], ['s3://b/x y'], ['s3://b/\0'], [['s3://b']], ['s3://b', 's3://c'],
      [`https://h/${'x'.repeat(LIMITS.locationLength)}`]],
  },
  'scopeview:save': {
    good: [['graph.png', new Uint8Array(3)], ['graph.svg', new Uint8Array(0)], ['diff-a-vs-b.JSON', new Uint8Array(1)]],
    // Only the three export kinds: no `.desktop`, `.exe`, no extension, no bare `.png`.
    bad: [[], ['graph.png'], ['graph.png', 'text'], ['x.desktop', new Uint8Array(1)], ['report\u202Egvs.exe', new Uint8Array(1)], ['..', new Uint8Array(1)],
      ['graph', new Uint8Array(1)], ['.png', new Uint8Array(1)], ['graph.png.exe', new Uint8Array(1)], ['graph.png', [1, 2]], ['../etc/x', new Uint8Array(1)], ['a/b.png', new Uint8Array(1)], ['a\\b.png', new Uint8Array(1)],
      ['', new Uint8Array(1)], [7, new Uint8Array(1)], ['x.png', new Uint8Array(1), 'extra'], ['x.png', new ArrayBuffer(2)]],
  },
};

describe('IPC contract', () => {
  it('has a validator for every invoke channel, and test cases for each', () => {
    const channels = Object.values(INVOKE).sort();
    expect(Object.keys(VALIDATORS).sort()).toEqual(channels);
    expect(Object.keys(CASES).sort()).toEqual(channels);
  });

  for (const [channel, { good, bad }] of Object.entries(CASES) as [InvokeChannel, { good: unknown[][]; bad: unknown[][] }][]) {
    it(`${channel}: accepts well-formed arguments and rejects every bad one`, () => {
      for (const args of good) {
        const v = validateArgs(channel, args);
        expect(v.ok, JSON.stringify(args)).toBe(true);
        if (v.ok) expect(v.args).toEqual(args);
      }
      for (const args of bad) {
        const v = validateArgs(channel, args);
        expect(v.ok, `accepted ${String(args)}`).toBe(false);
        if (!v.ok) expect(v.error.length).toBeGreaterThan(0);
      }
    });
  }

  it('rejects a save larger than the limit without copying it', () => {
    const big = new Uint8Array(new ArrayBuffer(8), 0, 8);
    Object.defineProperty(big, 'byteLength', { value: LIMITS.saveBytes + 1 });
    expect(validateArgs('scopeview:save', ['x.png', big]).ok).toBe(false);
  });

  it('rejects unknown channels', () => {
    expect(validateArgs('scopeview:shell-exec' as InvokeChannel, []).ok).toBe(false);
  });

  it('trusts only the top frame of the app origin', () => {
    expect(isTrustedSender({ url: `${APP_ORIGIN}/index.html`, isTop: true })).toBe(true);
    expect(isTrustedSender({ url: `${APP_ORIGIN}/index.html?demo`, isTop: true })).toBe(true);
    expect(isTrustedSender({ url: `${APP_ORIGIN}/index.html`, isTop: false })).toBe(false);
    expect(isTrustedSender({ url: 'app://evil/index.html', isTop: true })).toBe(false);
    expect(isTrustedSender({ url: 'https://scopeview/index.html', isTop: true })).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/index.html', isTop: true })).toBe(false);
    expect(isTrustedSender({ url: 'not a url', isTop: true })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });

  it('finds the folder a picked or dropped file came from', () => {
    expect(folderRoot('/home/u/logs/run1/events.out.tfevents.1', 'run1/events.out.tfevents.1')).toBe('/home/u/logs');
    expect(folderRoot('C:\\u\\logs\\run1\\ev.tfevents', 'run1/ev.tfevents')).toBe('C:\\u\\logs');
    expect(folderRoot('/home/u/logs/x', 'other/x')).toBeNull();
    expect(folderRoot('/x', 'x')).toBeNull();
    expect(folderRoot('/a/x', '')).toBeNull();
  });

  it('opens dropped files and folders as themselves, a picked folder as that folder and never wider', () => {
    // A drop: the browser's paths of the dropped items (a folder is one File), no relative paths.
    expect(chosenPaths(['/u/logs'], [''])).toEqual(['/u/logs']);
    expect(chosenPaths(['/u/a.pb', '/u/b.pb'], ['', ''])).toEqual(['/u/a.pb', '/u/b.pb']);
    // A folder picked with a file input: every file's webkitRelativePath starts with its name.
    const picked = ['/home/u/logs/run1/e.tfevents.1', '/home/u/logs/run2/e.tfevents.2', '/home/u/logs/e.tfevents.0'];
    expect(chosenPaths(picked, ['logs/run1/e.tfevents.1', 'logs/run2/e.tfevents.2', 'logs/e.tfevents.0'])).toEqual(['/home/u/logs']);
    expect(chosenPaths(['C:\\u\\logs\\run1\\e.tfevents'], ['logs/run1/e.tfevents'])).toEqual(['C:\\u\\logs']);
    // Relative paths that disagree, or do not match the path: nothing. (They come from the browser,
    // read in the preload's world; the page has no say in them.)
    expect(chosenPaths(['/a/logs/x/e.tfevents', '/b/logs/y/e.tfevents'], ['logs/x/e.tfevents', 'logs/y/e.tfevents'])).toBeNull();
    expect(chosenPaths(['/home/u/logs/e.tfevents', '/home/u/other.pb'], ['logs/e.tfevents', ''])).toBeNull();
    expect(chosenPaths(['/home/u/logs/e.tfevents'], ['e.tfevents'])).toBeNull();
    expect(chosenPaths(['/home/u/logs/e.tfevents'], ['other/e.tfevents'])).toBeNull();
  });

  it('knows an export kind by its extension', () => {
    expect(exportExtension('g.png')).toBe('.png');
    expect(exportExtension('G.SVG')).toBe('.svg');
    expect(exportExtension('d.json')).toBe('.json');
    for (const bad of ['g.pngx', 'g.desktop', '.png', 'png', 'g.png.exe']) expect(exportExtension(bad), bad).toBeNull();
  });
});
