import { defineConfig } from 'vitest/config';

// Rules must not depend on the host's zone: tests run in UTC, business time comes from the time module.
process.env.TZ = 'UTC';

const dbSetup = { globalSetup: ['test/global-setup.ts'], testTimeout: 30_000, hookTimeout: 60_000 };

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.unit.test.ts', 'test/**/*.unit.test.ts'] } },
      { test: { name: 'db', include: ['src/**/*.db.test.ts', 'test/**/*.db.test.ts'], ...dbSetup } },
      { test: { name: 'http', include: ['src/**/*.http.test.ts', 'test/**/*.http.test.ts'], ...dbSetup } },
      // Real server processes on the embedded database (lock, restart, crash); PGlite-specific by nature.
      { test: { name: 'process', include: ['test/process/**/*.process.test.ts'], testTimeout: 180_000 } },
    ],
  },
});
