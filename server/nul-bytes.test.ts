import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZErrorEnvelopeSchema } from '../contracts/errors.ts';
import { call, memberWithKey, type TMember } from './testing/api.test-kit.ts';
import { startTestServer, type TestServer } from './testing/test-server.ts';

// A NUL character reaching PostgreSQL text fails the query: each of these answered 500 before one middleware
// refused U+0000 for every route (issue 13, finding 10).
describe('NUL bytes in any string field', () => {
  let s: TestServer;
  let owner: TMember;
  beforeAll(async () => {
    s = await startTestServer();
    owner = await memberWithKey(s);
  });
  afterAll(() => s.stop());

  const refused = (r: { status: number; body: unknown }, field: string) => {
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    const error = ZErrorEnvelopeSchema.parse(r.body).error;
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.details).toEqual([{ field, message: 'Contains U+0000' }]);
  };

  it('answers 400 VALIDATION_ERROR naming the field, for bodies of several routes', async () => {
    refused(
      await call(s, owner, 'POST', '/api/v1/projects', { name: 'a\u0000b', type: 'other' }),
      'json.name',
    );
    refused(
      await call(s, owner, 'POST', '/api/v1/api-keys', { name: 'ci\u0000', scopes: ['read'] }),
      'json.name',
    );
    refused(
      await call(s, owner, 'POST', `/api/v1/workflows/${crypto.randomUUID()}/execute`, {
        input: { topic: ['ok', 'bad\u0000'] },
      }),
      'json.input.topic.1',
    );
    refused(
      await call(s, null, 'POST', '/api/v1/auth/sign-up/email', {
        email: 'nul@example.com',
        password: 'a long enough password',
        name: 'N\u0000L',
      }),
      'json.name',
    );
  });

  it('answers 400 for a NUL in a path id or a query parameter', async () => {
    refused(await call(s, owner, 'GET', '/api/v1/ai/routes/main%00'), 'path');
    refused(await call(s, owner, 'GET', '/api/v1/projects/%00'), 'path');
    refused(await call(s, owner, 'GET', '/api/v1/runs?status=%00'), 'query');
  });

  it('still accepts the escaped text \\\\u0000 (a backslash, not a NUL)', async () => {
    const res = await call(s, owner, 'POST', '/api/v1/projects', {
      name: 'literally \\u0000',
      type: 'other',
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body.name).toBe('literally \\u0000');
  });
});
