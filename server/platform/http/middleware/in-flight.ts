import type { MiddlewareHandler } from 'hono';

/** Counts requests in progress so shutdown can wait for them to finish. */
export interface InFlight {
  readonly middleware: MiddlewareHandler;
  count(): number;
  /** Resolves when no request is in progress, or after timeoutMs; returns whether it drained. */
  drained(timeoutMs: number): Promise<boolean>;
}

export function createInFlight(): InFlight {
  let active = 0;
  let waiters: (() => void)[] = [];
  return {
    async middleware(_c, next) {
      active++;
      try {
        await next();
      } finally {
        active--;
        if (active === 0) {
          for (const w of waiters) w();
          waiters = [];
        }
      }
    },
    count: () => active,
    drained(timeoutMs) {
      if (active === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        waiters.push(() => {
          clearTimeout(timer);
          resolve(true);
        });
      });
    },
  };
}
