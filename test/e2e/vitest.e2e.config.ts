import { defineConfig } from 'vitest/config';

// The server's rules must not lean on the host's zone; the browser gets Asia/Shanghai explicitly.
process.env.TZ = 'UTC';

export default defineConfig({
  test: {
    name: 'e2e',
    include: ['test/e2e/**/*.e2e.test.ts'],
    // One real server and one real browser per file: run files one after another.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 240_000,
    // A page on a busy 2-core machine can take seconds to settle; polls wait for it rather than the
    // default second, and still fail when something never appears.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
