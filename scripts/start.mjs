// `npm start [-- PATH [PATH]]`: opens Scopeview on PATH, or on the bundled demo graph. The desktop shell needs the Electron
// binary; when it cannot be obtained (it is downloaded from outside the npm registry) the same UI
// is served in the browser on 127.0.0.1 instead, and this says so plainly.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function electronBinary() {
  const fromEnv = process.env.SCOPEVIEW_ELECTRON;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  // The electron package fetches its binary on first use (offline this fails quickly): asked in a
  // child process so its download log and stack trace stay out of the way.
  console.log('Scopeview: looking for the Electron binary (it is downloaded on first use)…');
  const r = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { cwd: root, encoding: 'utf8' });
  const path = r.status === 0 ? r.stdout.trim() : '';
  return path && existsSync(path) ? path : null;
}

const shell = join(root, 'dist/electron/main.cjs');
const electron = electronBinary();
if (electron) {
  if (!existsSync(shell) || !existsSync(join(root, 'dist/renderer/index.html'))) {
    console.log('Scopeview: building the app first (npm run build)…');
    const b = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', cwd: root });
    if (b.status !== 0) process.exit(b.status ?? 1);
  }
  // `npm start -- PATH` opens PATH (or `A B`, a comparison); without paths, the demo graph.
  // npm runs scripts in the package folder; relative paths are the user's, from where npm was run.
  const paths = process.argv.slice(2).map((p) => (p.startsWith('-') ? p : resolve(process.env.INIT_CWD ?? process.cwd(), p)));
  const r = spawnSync(electron, [shell, ...(paths.length > 0 ? paths : ['--demo'])], { stdio: 'inherit' });
  process.exit(r.status ?? 0);
}

console.log('Scopeview: the Electron binary is not available here, so the app opens in your browser instead.');
console.log('(Electron downloads its binary from GitHub on first use; this machine could not obtain it.)\n');
const port = process.env.SCOPEVIEW_PORT ?? '5178';
const web = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'scripts/web.ts'), '--port', port, '--demo'], { stdio: ['ignore', 'pipe', 'inherit'] });
web.stdout.on('data', (chunk) => {
  const text = chunk.toString();
  process.stdout.write(text);
  const m = /served at (\S+)/.exec(text);
  if (m) {
    const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
    console.log(`Opening ${m[1]} in your browser; if no window appears, open that address yourself.`);
    const child = spawn(opener, [m[1]], { stdio: 'ignore', detached: true });
    child.on('error', () => console.log(`(could not start ${opener}: open ${m[1]} in a browser to use Scopeview.)`));
    child.unref();
  }
});
web.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => web.kill(sig));
