// Builds the renderer (Vite) into dist/renderer for the tools that serve it — `npm run web`, the UI
// and canvas benchmarks, the screenshots — when it is missing, older than its sources, or asked for.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
export const RENDERER_DIST = join(ROOT, 'dist/renderer');
const SOURCES = ['renderer', 'core', 'fixtures/generated/demo', 'vite.config.ts'];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((f) => newest(join(path, f))));
}

/** Returns dist/renderer, building it first when `force` is set or it is missing or stale. */
export function ensureRendererBuild(force = false): string {
  const index = join(RENDERER_DIST, 'index.html');
  const fresh = existsSync(index) && statSync(index).mtimeMs >= Math.max(...SOURCES.map((s) => newest(join(ROOT, s))));
  if (force || !fresh) {
    console.error('building the renderer (vite build)…');
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('vite build failed');
  }
  return RENDERER_DIST;
}
