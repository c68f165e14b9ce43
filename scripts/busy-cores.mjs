#!/usr/bin/env node
// Runs a command while N other processes keep the cores busy (default: one per core), to check
// that tests do not depend on the machine's speed (docs/TESTING.md). The spinners stop when the
// command ends, and the command's exit code is returned.
//   node scripts/busy-cores.mjs [--cores N] -- npm run test:e2e
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

const args = process.argv.slice(2);
const sep = args.indexOf('--');
if (sep < 0 || sep === args.length - 1) {
  console.error('usage: node scripts/busy-cores.mjs [--cores N] -- COMMAND [ARGS...]');
  process.exit(2);
}
const opt = args.slice(0, sep);
const cores = opt[0] === '--cores' ? Number(opt[1]) : availableParallelism();
if (!Number.isInteger(cores) || cores < 1) {
  console.error('--cores takes a whole number of at least 1');
  process.exit(2);
}
const spinners = Array.from({ length: cores }, () =>
  spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
console.error(`busy-cores: ${cores} spinning processes (${spinners.map((s) => s.pid).join(', ')})`);
const stop = () => { for (const s of spinners) s.kill('SIGKILL'); };
const [cmd, ...rest] = args.slice(sep + 1);
const child = spawn(cmd, rest, { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { child.kill(sig); });
child.on('exit', (code, signal) => {
  stop();
  process.exit(code ?? (signal ? 1 : 0));
});
