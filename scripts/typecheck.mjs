// Typechecks each layer against its own tsconfig (DESIGN.md section 2): common and core see no DOM or Node
// types, cli and remote see Node, renderer sees the DOM, electron main sees Node only, the preload the DOM
// only. One failing layer fails the whole check.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const projects = [
  'common/tsconfig.json', 'common/tsconfig.test.json', 'core/tsconfig.json', 'core/tsconfig.test.json', 'cli/tsconfig.json', 'remote/tsconfig.json', 'renderer/tsconfig.json',
  'electron/tsconfig.json', 'electron/preload/tsconfig.json', 'tsconfig.tools.json',
].filter((p) => existsSync(p));
let failed = 0;
for (const p of projects) {
  const r = spawnSync('npx', ['--no-install', 'tsc', '-p', p], { stdio: 'inherit' });
  if (r.status !== 0) { failed++; console.error(`typecheck failed: ${p}`); }
}
console.log(`typecheck: ${projects.length - failed} of ${projects.length} projects clean`);
process.exit(failed ? 1 : 0);
