import { defineConfig } from 'vitest/config';

// `npm test`: the whole suite on the embedded database, no external services.
export default defineConfig({
  test: {
    include: [
      'server/**/*.test.ts',
      'contracts/**/*.test.ts',
      'scripts/**/*.test.ts',
      'web/src/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', '**/*.services.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    globalSetup: ['server/platform/testing/global-setup.ts'],
    pool: 'forks',
    // One process per worker for all its files: a fresh process and module graph per file cost about 3x the CPU
    // (server/modules/identity + server/platform: 385 s isolated, 106 s shared). Test files own their state
    // (a database, a server, a cache each), so sharing the loaded modules is safe.
    isolate: false,
    // Many files spend most of their time waiting (queue ticks, SSE, child processes): a third worker on two
    // cores keeps the CPU busy while they wait.
    maxWorkers: 3,
  },
});
