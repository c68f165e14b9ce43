// End-to-end tests: the built `scopeview` command run as a user runs it, and the built UI driven in
// Debian's Chromium through playwright-core (e2e/ui).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One file at a time: the UI suites each start Chromium, and two at once on this 2-core machine
    // would time each other out.
    fileParallelism: false,
  },
});
