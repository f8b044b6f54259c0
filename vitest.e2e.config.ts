import { defineConfig } from 'vitest/config';

// End-to-end specs: real Chromium, the built extension, loopback servers. One browser per
// file; files run one at a time (2-core CI machines, and Chromium is the heavy part).
export default defineConfig({
  resolve: { alias: { '@': import.meta.dirname } },
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
