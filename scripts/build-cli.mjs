// Bundles the `scopeview` CLI (cli/main.ts and the core it uses) into dist/cli.mjs with esbuild.
// Code splitting keeps what is imported dynamically in chunks of its own (dist/cli-chunks/): the
// cloud SDKs load only when an s3:// or gs:// location is opened. In one file, esbuild hoists their
// imports to the top of the bundle, and every command paid ~0.6 s to load them at start-up.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

/** Resolves elkjs to its file so that esbuild bundles it in spite of `packages: 'external'`. */
const bundleElk = {
  name: 'bundle-elkjs',
  setup(b) {
    b.onResolve({ filter: /^elkjs\// }, (args) => ({ path: fileURLToPath(import.meta.resolve(args.path)) }));
  },
};

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
rmSync(join(root, 'dist/cli-chunks'), { recursive: true, force: true });
await build({
  entryPoints: { cli: join(root, 'cli/main.ts') },
  outdir: join(root, 'dist'),
  chunkNames: 'cli-chunks/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  // Packages stay in node_modules, except elkjs: as a package, Node parses its 1.5 MB file twice
  // at every start (module format detection, then the CommonJS export lexer: ~0.2 s); bundled,
  // V8 compiles it lazily.
  packages: 'external',
  plugins: [bundleElk],
  logLevel: 'warning',
});
