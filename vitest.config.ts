// Unit and corpus tests: every *.test.ts beside the code, in Node (core is platform-free).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['core/**/*.test.ts', 'cli/**/*.test.ts', 'renderer/**/*.test.ts', 'fixtures/**/*.test.ts', 'scripts/**/*.test.ts', 'electron/**/*.test.ts', 'remote/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
