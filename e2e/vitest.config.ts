// End-to-end tests: the built `scopeview` command run as a user runs it (and, from the UI issue on,
// the app in Chromium through Playwright).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
