// Builds the renderer (the React UI, its canvas and its workers) into dist/renderer: the app page
// and the canvas benchmark page. Workers are ES modules; no eval anywhere, so a strict CSP holds.
// SCOPEVIEW_TEST_BUILD=1 makes the end-to-end tests' variant instead, in dist/renderer-test: the same
// app plus its test switches (docs/TESTING.md), which every other build compiles out.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const TEST_BUILD = process.env.SCOPEVIEW_TEST_BUILD === '1';

export default defineConfig({
  define: { __SCOPEVIEW_TEST_BUILD__: JSON.stringify(TEST_BUILD) },
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  publicDir: false,
  esbuild: { jsx: 'automatic' },
  worker: { format: 'es' },
  build: {
    outDir: resolve(import.meta.dirname, TEST_BUILD ? 'dist/renderer-test' : 'dist/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      input: {
        app: resolve(import.meta.dirname, 'renderer/index.html'),
        'canvas-bench': resolve(import.meta.dirname, 'renderer/bench/canvas-bench.html'),
      },
    },
  },
});
