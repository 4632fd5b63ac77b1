import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/** Field names whose values are never written to a log, wherever they appear. */
const SECRET_KEYS = [
  'password',
  'passwordHash',
  'token',
  'accessToken',
  'refreshToken',
  'secret',
  'apiKey',
  'masterKey',
  'MASTER_KEY',
  'MASTER_KEY_PREVIOUS',
  'authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'DATABASE_URL',
  'REDIS_URL',
  'SMTP_URL',
];

const REDACT_PATHS = SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`, `req.headers["${k}"]`]);

/** Query parameters whose values are masked when a URL is logged. */
const SECRET_QUERY = /([?&](?:token|access_token|api_key|apikey|key|secret|password|code)=)[^&#]*/gi;

/**
 * Path segments that are themselves credentials: better-auth's password-reset link carries its token as the
 * segment after /reset-password/ (and verification or magic links may do the same), so the path of such a
 * request is as secret as a query-string token.
 */
const SECRET_PATH = /(\/(?:reset-password|verify-email|magic-link|accept-invitation)\/)[^/?#]+/gi;

/** A URL fit for a log line: secrets in the query string and token-bearing path segments replaced. */
export function redactUrl(url: string): string {
  return url.replace(SECRET_QUERY, '$1[REDACTED]').replace(SECRET_PATH, '$1[REDACTED]');
}

/** A connection string fit for a log line: password replaced. */
export function redactConnectionString(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '[REDACTED]';
    return u.toString();
  } catch {
    return '[unparseable URL]';
  }
}

/** JSON logs with secrets redacted by key, at the configured level. */
export function createLogger(opts: {
  level: string;
  destination?: DestinationStream;
  base?: object;
}): Logger {
  return pino(
    {
      level: opts.level,
      base: { service: 'flashfusion', pid: process.pid, ...opts.base },
      redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    opts.destination,
  );
}
