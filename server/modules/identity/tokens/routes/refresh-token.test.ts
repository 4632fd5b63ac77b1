import { randomBytes } from 'node:crypto';
import { type ErrorHandler, Hono } from 'hono';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZErrorEnvelopeSchema } from '../../../../../contracts/errors.ts';
import { createKeyring } from '../../../../platform/crypto/index.ts';
import type { Database } from '../../../../platform/db/index.ts';
import { createErrorHandler, type TAppEnv } from '../../../../platform/http/index.ts';
import { createTestDatabase } from '../../../../platform/testing/test-database.ts';
import { ACTOR_ROUTERS, seedMember } from '../../identity.test-kit.ts';
import { issueTokens, refreshTokenRoute, resolveMembershipFromDb, verifyAccessToken } from '../index.ts';

const keyring = createKeyring(randomBytes(32));

describe('POST /api/v1/tokens/refresh', () => {
  let db: Database;
  let cleanup: () => Promise<void>;
  let app: Hono<TAppEnv>;
  beforeAll(async () => {
    ({ db, cleanup } = await createTestDatabase());
    const log = pino({ level: 'silent' });
    app = new Hono<TAppEnv>();
    app.use(async (c, next) => {
      c.set('requestId', crypto.randomUUID());
      c.set('log', log);
      await next();
    });
    app.onError(createErrorHandler(log) as unknown as ErrorHandler<TAppEnv>);
    app.route(
      '/api/v1',
      refreshTokenRoute({
        db,
        keyring,
        resolveMembership: resolveMembershipFromDb({ db }),
        routers: ACTOR_ROUTERS,
      }),
    );
  });
  afterAll(() => cleanup());

  const post = (body: unknown) =>
    app.request('/api/v1/tokens/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const signIn = async () => {
    const member = await seedMember(db, { role: 'developer' });
    const pair = await issueTokens({
      db,
      keyring,
      user: { id: member.userId },
      organizationId: member.organizationId,
      orgRole: 'developer',
      permissions: [],
      scope: ['read'],
    });
    return { member, pair };
  };
  const expectEnvelope = async (res: Response, status: number, code: string) => {
    expect(res.status).toBe(status);
    const body = ZErrorEnvelopeSchema.parse(await res.json());
    expect(body.error.code).toBe(code);
    return body;
  };

  it('answers a new pair for a valid refresh token, without any session or actor', async () => {
    const { member, pair } = await signIn();
    const res = await post({ refreshToken: pair.refreshToken });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { accessToken: string; expiresIn: number; refreshToken: string };
    expect(Object.keys(body).sort()).toEqual(['accessToken', 'expiresIn', 'refreshToken']);
    expect(body.expiresIn).toBe(900);
    expect(body.refreshToken).toMatch(/^ffr_/);
    const claims = await verifyAccessToken({ db, token: body.accessToken });
    expect(claims).toMatchObject({ sub: member.userId, org: member.organizationId, role: 'developer' });
  });

  it('401 for a spent (reused), unknown or malformed token, with no internals', async () => {
    const { pair } = await signIn();
    expect((await post({ refreshToken: pair.refreshToken })).status).toBe(200);
    const reused = await expectEnvelope(
      await post({ refreshToken: pair.refreshToken }),
      401,
      'AUTHENTICATION_FAILED',
    );
    expect(reused.error.message).toMatch(/already used/);
    await expectEnvelope(await post({ refreshToken: 'ffr_nope' }), 401, 'AUTHENTICATION_FAILED');
  });

  it('400 VALIDATION_ERROR for a bad body', async () => {
    for (const body of [
      {},
      { refreshToken: 42 },
      { refreshToken: '' },
      { refreshToken: 'x', extra: 1 },
      [],
    ]) {
      await expectEnvelope(await post(body), 400, 'VALIDATION_ERROR');
    }
    expect((await post('{not json')).status).toBe(400);
  });

  it('is declared in the OpenAPI document', () => {
    const router = refreshTokenRoute({
      db,
      keyring,
      resolveMembership: async () => null,
      routers: ACTOR_ROUTERS,
    });
    const doc = router.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '1' } });
    const op = doc.paths?.['/tokens/refresh']?.post;
    expect(op?.tags).toEqual(['auth']);
    expect(Object.keys(op?.responses ?? {}).sort()).toEqual(['200', '400', '401']);
  });
});
