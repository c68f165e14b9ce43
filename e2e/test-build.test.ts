// The test switches ship only in the end-to-end tests' build: the user build (dist/renderer, what
// `npm run build` makes and the desktop app loads) carries none of the layout hold's code, and the
// test build (dist/renderer-test, e2e/global-setup.ts) carries it, so that this check can fail.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RENDERER_DIST, RENDERER_TEST_DIST } from '../scripts/build-renderer';

const MARKERS = ['test-layout-hold', 'scopeviewTest', 'layout-hold'];

function bundleText(dist: string): string {
  const assets = join(dist, 'assets');
  return readdirSync(assets).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(assets, f), 'utf8')).join('\n');
}

const built = existsSync(join(RENDERER_DIST, 'index.html')) && existsSync(join(RENDERER_TEST_DIST, 'index.html'));
if (!built) console.log('test-build check: skipped: dist/renderer or dist/renderer-test is not built (npm run build, then the e2e suite)');

describe.skipIf(!built)('test switches only in the test build', () => {
  it('the user build has none of them; the test build has them all', () => {
    const user = bundleText(RENDERER_DIST);
    const test = bundleText(RENDERER_TEST_DIST);
    expect(MARKERS.filter((m) => user.includes(m))).toEqual([]);
    expect(MARKERS.filter((m) => test.includes(m))).toEqual(MARKERS);
  });
});
