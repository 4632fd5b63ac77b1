import { validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../platform/db/index.ts';
import { createTestDatabase } from '../../../platform/testing/test-database.ts';
import { createAuthHarness, linkIn, signIn, signUp, TEST_BASE_URL, testEventBus } from './auth.test-kit.ts';
import { authOpenApi, type TAuthOpenApi } from './auth-openapi.ts';

let db: Database;
let cleanup: () => Promise<void>;
let harness: ReturnType<typeof createAuthHarness>;
let described: TAuthOpenApi;

beforeAll(async () => {
  ({ db, cleanup } = await createTestDatabase());
  harness = createAuthHarness(db, await testEventBus(db));
  described = await authOpenApi(harness.auth);
});
afterAll(() => cleanup());

describe('authOpenApi', () => {
  it('describes the account endpoints under /api/v1/auth', () => {
    for (const path of [
      '/api/v1/auth/sign-up/email',
      '/api/v1/auth/sign-in/email',
      '/api/v1/auth/sign-out',
      '/api/v1/auth/get-session',
      '/api/v1/auth/verify-email',
      '/api/v1/auth/request-password-reset',
      '/api/v1/auth/reset-password',
    ]) {
      expect(described.paths, path).toHaveProperty([path]);
    }
    expect(Object.keys(described.paths).some((p) => p.includes('open-api'))).toBe(false);
  });

  it('merges into a valid OpenAPI 3.1 document with every $ref resolved', async () => {
    const text = JSON.stringify(described);
    for (const [, name] of text.matchAll(/"#\/components\/schemas\/(\w+)"/g)) {
      expect(described.schemas, String(name)).toHaveProperty([String(name)]);
    }
    const doc = {
      openapi: '3.1.0',
      info: { title: 't', version: '0' },
      paths: described.paths,
      components: { schemas: described.schemas, securitySchemes: described.securitySchemes },
    };
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid, JSON.stringify(result)).toBe(true);
  });

  it('keeps the plugin’s own HTTP endpoints closed: refused to anonymous callers, unknown to users', async () => {
    const email = `closed-${crypto.randomUUID().slice(0, 8)}@example.com`;
    await signUp(harness.client(), email, 'a long password');
    const link = linkIn(harness.mails.findLast((m) => m.to === email && m.kind === 'verify-email'));
    await harness.client().request(link.pathname + link.search);
    const client = harness.client();
    expect((await signIn(client, email, 'a long password')).status).toBe(200);
    for (const path of ['/api/v1/auth/open-api/generate-schema', '/api/v1/auth/reference']) {
      expect((await harness.app.request(`${TEST_BASE_URL}${path}`)).status, path).toBe(401);
      expect((await client.request(path)).status, path).toBe(404);
    }
  });
});
