// Bundles the Electron shell with esbuild: the main process (dist/electron/main.cjs, Node) and the
// preload (dist/electron/preload.cjs). A sandboxed preload may require only `electron`, so it is
// built for the browser platform: a Node built-in slipping into it fails this build.
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist/electron');
const common = { bundle: true, format: 'cjs', sourcemap: true, external: ['electron'], logLevel: 'warning' };
await build({ ...common, entryPoints: [join(root, 'electron/main/main.ts')], outfile: join(out, 'main.cjs'), platform: 'node', target: 'node22' });
await build({ ...common, entryPoints: [join(root, 'electron/preload/preload.ts')], outfile: join(out, 'preload.cjs'), platform: 'browser', target: 'chrome130' });
await mkdir(out, { recursive: true });
// The window icon on Linux (the packaged app's icons come from build/icons).
await copyFile(join(root, 'build/icons/512x512.png'), join(out, 'icon.png'));
