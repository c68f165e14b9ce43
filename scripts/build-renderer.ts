// Builds the renderer (Vite) into dist/renderer for the tools that serve it — `npm run web`, the UI
// and canvas benchmarks, the screenshots — when it is missing, older than its sources, or asked for;
// and the end-to-end tests' variant with its test switches into dist/renderer-test (docs/TESTING.md).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
export const RENDERER_DIST = join(ROOT, 'dist/renderer');
export const RENDERER_TEST_DIST = join(ROOT, 'dist/renderer-test');
const SOURCES = ['renderer', 'core', 'fixtures/generated/demo', 'vite.config.ts'];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((f) => newest(join(path, f))));
}

/**
 * Returns dist/renderer (dist/renderer-test for `test`), building it first when `force` is set or
 * it is missing or stale.
 */
export function ensureRendererBuild(force = false, test = false): string {
  const dist = test ? RENDERER_TEST_DIST : RENDERER_DIST;
  const index = join(dist, 'index.html');
  const fresh = existsSync(index) && statSync(index).mtimeMs >= Math.max(...SOURCES.map((s) => newest(join(ROOT, s))));
  if (force || !fresh) {
    console.error(`building the renderer${test ? "'s test variant" : ''} (vite build)…`);
    // Always the production bundle users get: a caller running under vitest has NODE_ENV=test, which
    // would otherwise make Vite bundle React's development build.
    const env = { ...process.env, NODE_ENV: 'production', SCOPEVIEW_TEST_BUILD: test ? '1' : '' };
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit', env });
    if (r.status !== 0) throw new Error('vite build failed');
  }
  return dist;
}
