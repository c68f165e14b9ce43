// `npm run web -- [--port N] [--no-build] [--demo]`: builds the renderer and serves it on
// 127.0.0.1:N (default 5178) for any browser. The page is the same one the Electron shell loads.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { ensureRendererBuild, RENDERER_DIST } from './build-renderer';
import { serveStatic } from './static-server';

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
let dist: string;
try {
  // The build is redone only when the sources changed; --no-build serves what is there.
  dist = opts.build || !existsSync(join(RENDERER_DIST, 'index.html')) ? ensureRendererBuild() : RENDERER_DIST;
} catch (err) {
  console.error(`web: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
const s = await serveStatic(dist, port);
console.log(`Scopeview is served at ${s.url}${opts.demo ? '?demo' : ''}  (Ctrl+C stops it)`);
