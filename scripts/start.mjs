// `npm start`: opens Scopeview on the bundled demo graph. The desktop shell needs the Electron
// binary; when it cannot be obtained (it is downloaded from outside the npm registry) the same UI
// is served in the browser on 127.0.0.1 instead, and this says so plainly.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const electron = electronBinary();
const shell = join(root, 'dist/electron/main.js');
if (electron && existsSync(shell)) {
  const r = spawnSync(electron, [shell, '--demo'], { stdio: 'inherit' });
  process.exit(r.status ?? 0);
}

console.log('Scopeview: the Electron binary is not available here, so the app opens in your browser instead.');
console.log('(Electron downloads its binary from GitHub at install time; this machine could not obtain it.)\n');
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
