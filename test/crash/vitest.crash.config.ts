import { defineConfig } from 'vitest/config';

// The server's rules must not lean on the host's zone, as in the other suites.
process.env.TZ = 'UTC';

// eslint-disable-next-line no-restricted-syntax -- Vitest reads its config from the default export.
export default defineConfig({
  test: {
    name: 'crash',
    include: ['test/crash/**/*.crash.test.ts'],
    // Real servers under load on a 2-core machine: one database at a time, so timings stay meaningful.
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 180_000,
  },
});
