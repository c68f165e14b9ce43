// `npm run web -- [--port N] [--no-build] [--demo]`: builds the renderer and serves it on
// 127.0.0.1:N (default 5178) for any browser. The page is the same one the Electron shell loads.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { serveStatic } from './static-server';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const program = new Command('web')
  .option('--port <n>', 'port on 127.0.0.1', '5178')
  .option('--no-build', 'serve the existing build in dist/renderer')
  .option('--demo', 'print the address that opens the demo graph')
  .parse(process.argv);
const opts = program.opts<{ port: string; build: boolean; demo?: boolean }>();
const port = Number(opts.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`web: --port must be a number from 0 to 65535, not ${opts.port}`);
  process.exit(2);
}
const dist = join(root, 'dist/renderer');
if (opts.build || !existsSync(join(dist, 'index.html'))) {
  console.log('web: building the renderer (vite build)…');
  const r = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const s = await serveStatic(dist, port);
console.log(`Scopeview is served at ${s.url}${opts.demo ? '?demo' : ''}  (Ctrl+C stops it)`);
