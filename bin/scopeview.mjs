#!/usr/bin/env node
// Entry point of the `scopeview` command: runs the bundle that `npm install` builds (dist/cli.mjs).
import { existsSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/cli.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('scopeview: the CLI is not built yet; run `npm run build` in the Scopeview folder.\n');
  process.exit(2);
}
await import(pathToFileURL(bundle).href);
