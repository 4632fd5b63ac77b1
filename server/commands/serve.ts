import type { TEnv } from '../env.ts';
import { startServer } from '../main.ts';
import type { Logger } from '../platform/logger/index.ts';

/** Runs until SIGTERM/SIGINT, then shuts down gracefully. Returns -1: the process stays up. */
export async function serve(env: TEnv, log: Logger): Promise<number> {
  let running: Awaited<ReturnType<typeof startServer>>;
  try {
    running = await startServer(env, log);
  } catch (err) {
    log.fatal({ err: { message: (err as Error).message } }, 'FlashFusion could not start');
    console.error(`FlashFusion could not start: ${(err as Error).message}`);
    return 1;
  }
  console.log(`FlashFusion is running at ${env.PUBLIC_URL} (listening on ${running.url}, role ${env.ROLE})`);
  // `npm start` and Ctrl-C deliver the same signal twice (the terminal to the process group, npm forwards it
  // again), so a repeat within a second is the same request; a later one means "stop waiting, exit now".
  let firstSignalAt = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    const now = Date.now();
    if (firstSignalAt && now - firstSignalAt < 1_000) return;
    if (firstSignalAt) {
      log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    firstSignalAt = now;
    running.shutdown(signal).then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'error during shutdown');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return -1;
}
