import { defineConfig } from 'vitest/config';

const DEFAULT_DATABASE_URL = 'postgres://flashfusion:flashfusion@127.0.0.1:5432/flashfusion';
const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

// `npm run test:services`: the same suite against PostgreSQL and Redis (scripts/services.sh), plus the
// multi-process tests (*.services.test.ts) that need them.
export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'contracts/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    globalSetup: ['server/platform/testing/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    env: {
      TEST_DATABASE_URL: process.env.TEST_DATABASE_URL ?? DEFAULT_DATABASE_URL,
      TEST_REDIS_URL: process.env.TEST_REDIS_URL ?? DEFAULT_REDIS_URL,
    },
  },
});
