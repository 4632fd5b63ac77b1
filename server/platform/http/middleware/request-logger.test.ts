import { Hono } from 'hono';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { TAppEnv } from '../types.ts';
import { requestLogger } from './request-logger.ts';

// The raw lines the middleware writes, exactly as an operator's log collector would receive them.
function loggedApp() {
  const lines: string[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
  const app = new Hono<TAppEnv>();
  app.use('*', async (c, next) => {
    c.set('requestId', 'r1');
    await next();
  });
  app.use('*', requestLogger(log));
  app.all('*', (c) => c.text('ok'));
  return { app, lines };
}

describe('requestLogger', () => {
  it('keeps a password-reset token out of the log, whether in the path or the query', async () => {
    const { app, lines } = loggedApp();
    const token = 'Zr8UFkq2QbX9pTOKENabc123';
    await app.request(`/api/v1/auth/reset-password/${token}?callbackURL=%2Freset-password`);
    await app.request(`/api/v1/auth/verify-email?token=${token}`);
    const raw = lines.join('');
    expect(raw).not.toContain(token);
    expect(raw).toContain('/api/v1/auth/reset-password/[REDACTED]?callbackURL=%2Freset-password');
    expect(raw).toContain('/api/v1/auth/verify-email?token=[REDACTED]');
  });

  it('leaves ordinary paths readable', async () => {
    const { app, lines } = loggedApp();
    await app.request('/api/v1/projects/7b0c/workflows?limit=5');
    expect(lines.join('')).toContain('/api/v1/projects/7b0c/workflows?limit=5');
  });
});
