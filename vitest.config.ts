// Unit and corpus tests: every *.test.ts beside the code, in Node (core is platform-free).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Unit tests run the user build's code paths (vite.config.ts sets this for the e2e variant).
  define: { __SCOPEVIEW_TEST_BUILD__: 'false' },
  test: {
    include: ['common/**/*.test.ts', 'core/**/*.test.ts', 'cli/**/*.test.ts', 'renderer/**/*.test.ts', 'fixtures/**/*.test.ts', 'scripts/**/*.test.ts', 'electron/**/*.test.ts', 'remote/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
