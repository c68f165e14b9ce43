// Builds the renderer (the React UI, its canvas and its workers) into dist/renderer: the app page
// and the canvas benchmark page. Workers are ES modules; no eval anywhere, so a strict CSP holds.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  publicDir: false,
  esbuild: { jsx: 'automatic' },
  worker: { format: 'es' },
  build: {
    outDir: resolve(import.meta.dirname, 'dist/renderer'),
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
