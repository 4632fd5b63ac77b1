import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergePlanLimits, PLAN_LIMITS } from '../../../../contracts/plans.ts';
import { EnvError, parseEnv } from '../../../env.ts';
import { startTestServer, type TestServer } from '../../../testing/test-server.ts';
import { createApiKey } from '../api-keys/index.ts';
import { seedMember } from '../identity.test-kit.ts';

// SPEC §3: plan limits are configurable per instance. PLAN_LIMITS (JSON) is merged over the defaults limit by
// limit; a bad value stops boot with a message naming the variable (and the exact key).
describe('PLAN_LIMITS', () => {
  const issues = (value: string) => {
    try {
      parseEnv({ PLAN_LIMITS: value });
    } catch (err) {
      if (err instanceof EnvError) return err.issues;
      throw err;
    }
    return [];
  };

  it('merges the given limits over the defaults and leaves the rest alone', () => {
    const env = parseEnv({
      PLAN_LIMITS: '{"starter":{"apiRequestsPerHour":500},"enterprise":{"members":50}}',
    });
    const limits = mergePlanLimits(env.PLAN_LIMITS);
    expect(limits.starter).toEqual({ ...PLAN_LIMITS.starter, apiRequestsPerHour: 500 });
    expect(limits.pro).toEqual(PLAN_LIMITS.pro);
    expect(limits.enterprise.members).toBe(50);
    expect(
      mergePlanLimits(parseEnv({ PLAN_LIMITS: '{"pro":{"members":null}}' }).PLAN_LIMITS).pro.members,
    ).toBeNull();
    expect(mergePlanLimits(parseEnv({}).PLAN_LIMITS)).toEqual(PLAN_LIMITS);
    expect(mergePlanLimits(parseEnv({ PLAN_LIMITS: ' ' }).PLAN_LIMITS)).toEqual(PLAN_LIMITS);
  });

  it.each([
    ['not JSON', '{starter:1}', /^PLAN_LIMITS: must be JSON/],
    ['not an object', '[1]', /^PLAN_LIMITS: /],
    ['an unknown plan', '{"gold":{"members":1}}', /^PLAN_LIMITS: .*"gold"/],
    ['an unknown limit', '{"pro":{"seats":3}}', /^PLAN_LIMITS: pro: .*"seats"/],
    ['a negative limit', '{"pro":{"members":-1}}', /^PLAN_LIMITS: pro\.members: /],
    ['a fractional limit', '{"pro":{"members":1.5}}', /^PLAN_LIMITS: pro\.members: /],
    [
      'a string limit',
      '{"starter":{"apiRequestsPerHour":"500"}}',
      /^PLAN_LIMITS: starter\.apiRequestsPerHour: /,
    ],
  ])('refuses %s, naming the variable', (_label, value, message) => {
    const found = issues(value);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });

  it('stops `flashfusion serve` before it starts', () => {
    const r = spawnSync(process.execPath, [path.join(import.meta.dirname, '../../../cli.ts'), 'serve'], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', PLAN_LIMITS: '{"pro":{"members":-1}}' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Invalid configuration:\n\s+- PLAN_LIMITS: pro\.members: /);
  });

  describe('on a running instance', () => {
    let s: TestServer;
    let key: string;
    let orgId: string;
    beforeAll(async () => {
      s = await startTestServer({ env: { PLAN_LIMITS: '{"pro":{"apiRequestsPerHour":4,"members":2}}' } });
      const owner = await seedMember(s.platform.db, { role: 'owner', plan: 'pro' });
      orgId = owner.organizationId;
      key = (
        await createApiKey({
          events: s.platform.events,
          actor: owner,
          input: { name: 'k', scopes: ['admin'] },
        })
      ).key;
    }, 60_000);
    afterAll(() => s?.stop());
    const call = (method: string, p: string, body?: unknown) =>
      fetch(`${s.url}/api/v1${p}`, {
        method,
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });

    it('enforces and reports the configured limits: seats, then the hourly request budget', async () => {
      const usage = await call('GET', `/organizations/${orgId}/usage`);
      expect(usage.status).toBe(200);
      expect(usage.headers.get('x-ratelimit-limit')).toBe('4');
      const body = (await usage.json()) as {
        members: { limit: number };
        apiRequestsThisHour: { limit: number };
      };
      expect(body.members.limit).toBe(2);
      expect(body.apiRequestsThisHour.limit).toBe(4);
      // One member, so one more seat (members: 2), then the quota.
      const first = await call('POST', `/organizations/${orgId}/invitations`, {
        email: 'a@example.com',
        role: 'viewer',
      });
      expect(first.status).toBe(201);
      const second = await call('POST', `/organizations/${orgId}/invitations`, {
        email: 'b@example.com',
        role: 'viewer',
      });
      expect(second.status).toBe(409);
      expect(((await second.json()) as { error: { code: string } }).error.code).toBe('CONFLICT');
      // Four requests spent: the fifth in the hour is refused.
      await call('GET', `/organizations/${orgId}/usage`);
      const over = await call('GET', `/organizations/${orgId}/usage`);
      expect(over.status).toBe(429);
      expect(((await over.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMIT_EXCEEDED');
    });
  });
});
