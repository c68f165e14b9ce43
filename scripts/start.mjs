// `npm start`. The desktop UI (renderer, Electron shell) is not built yet; until it is, this says
// so plainly and shows what does work: `scopeview inspect` on the bundled demo graph.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const demo = join(root, 'fixtures/generated/demo/events.out.tfevents.0.scopeview');
console.log('Scopeview: the graph canvas and desktop window are not built yet.');
console.log('What works today is the loader and its command line, `npx scopeview inspect PATH [--json]`.');
if (existsSync(demo)) {
  console.log(`\nThe bundled demo graph, as \`scopeview inspect\` sees it:\n`);
  const r = spawnSync(process.execPath, [join(root, 'bin/scopeview.mjs'), 'inspect', demo], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
