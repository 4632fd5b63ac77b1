import type { Logger } from 'pino';

/** Variables every request carries through the middleware chain. */
export type TAppEnv = {
  Variables: {
    requestId: string;
    log: Logger;
  };
};
