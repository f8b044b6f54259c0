import { defineConfig } from 'vitest/config';

// End-to-end specs in Debian's Firefox ESR (140 or 153, whichever the machine has; FIREFOX_PATH
// picks another): the main journeys of the Chromium specs, against the Firefox release build in
// the reader's world. One browser per file, files one at a time (2-core CI machines).
export default defineConfig({
  resolve: { alias: { '@': import.meta.dirname } },
  test: {
    include: ['tests/e2e-firefox/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e-firefox/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
