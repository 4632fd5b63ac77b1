import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env.ts';

describe('environment', () => {
  it('starts with nothing set', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, ROLE: 'all', LOG_LEVEL: 'info', CORS_ORIGINS: [] });
    expect(env.PUBLIC_URL).toBe('http://localhost:3000');
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('treats empty strings as unset', () => {
    expect(parseEnv({ DATABASE_URL: '', REDIS_URL: ' ', MASTER_KEY: '' }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['ROLE', 'boss'],
    ['LOG_LEVEL', 'loud'],
    ['DATABASE_URL', 'mysql://x'],
    ['REDIS_URL', 'not a url'],
    ['MASTER_KEY', 'too-short'],
    ['PUBLIC_URL', 'ftp://x'],
    ['CORS_ORIGINS', 'https://ok.example.com,not-an-origin'],
    ['BODY_LIMIT_BYTES', '-5'],
    ['DEFAULT_PLAN', 'gold'],
    ['ABUSE_REQUESTS_PER_MINUTE', '-1'],
  ])('names %s when it is %s', (name, value) => {
    let error: unknown;
    try {
      parseEnv({ [name]: value });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(EnvError);
    expect((error as EnvError).issues[0]).toMatch(new RegExp(`^${name}: `));
    expect((error as EnvError).message).not.toContain(value === 'too-short' ? value : '\u0000');
  });

  it('gives new organizations the unlimited plan and sessions 600 requests a minute unless told otherwise', () => {
    expect(parseEnv({})).toMatchObject({ DEFAULT_PLAN: 'unlimited', ABUSE_REQUESTS_PER_MINUTE: 600 });
    expect(parseEnv({ DEFAULT_PLAN: 'starter', ABUSE_REQUESTS_PER_MINUTE: '0' })).toMatchObject({
      DEFAULT_PLAN: 'starter',
      ABUSE_REQUESTS_PER_MINUTE: 0,
    });
    expect(() => parseEnv({ DEFAULT_PLAN: 'gold' })).toThrow(
      'DEFAULT_PLAN: must be one of unlimited, starter, pro, enterprise',
    );
  });

  it('reports every bad variable at once', () => {
    expect(() => parseEnv({ PORT: 'x', ROLE: 'y' })).toThrow(/PORT: .*\n.*ROLE: /s);
  });
});
