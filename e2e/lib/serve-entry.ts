// The e2e server process: exactly what `flashfusion serve` starts (server/main.ts startServer with the
// environment parsed by server/env.ts), except that the web app comes from E2E_WEB_DIST, the build made for
// this test run, so a concurrent `npm run build` rewriting dist/web cannot pull files from under the tests.
import { parseEnv } from '../../server/env.ts';
import { startServer } from '../../server/main.ts';
import { createLogger } from '../../server/platform/logger/index.ts';

const env = parseEnv(process.env);
const log = createLogger({ level: env.LOG_LEVEL });
const running = await startServer(env, log, { webDist: process.env.E2E_WEB_DIST });
console.log(`FlashFusion e2e server at ${env.PUBLIC_URL}`);

const stop = (signal: NodeJS.Signals) => {
  running.shutdown(signal).then(
    () => process.exit(0),
    (err: unknown) => {
      log.error({ err }, 'error during shutdown');
      process.exit(1);
    },
  );
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
