import { defineConfig } from 'vitest/config';

// `npm run test:e2e`: browser tests (e2e/**/*.e2e.ts) against a real server and Debian's Chromium. The global
// setup builds the web app once (or takes E2E_WEB_DIST); each file starts its own server on a fresh data
// directory; two files at a time suit a 2-core machine.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    globalSetup: ['e2e/lib/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    // A page under load can take seconds to show what it will show; vitest's default poll gives up after 1 s.
    expect: { poll: { timeout: 20_000, interval: 100 } },
  },
});
