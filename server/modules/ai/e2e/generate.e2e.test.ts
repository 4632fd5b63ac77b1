import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../platform/db/index.ts';
import { listEvents } from '../../../platform/events/index.ts';
import {
  call,
  memberWithKey,
  parseSse,
  startTestServer,
  type TestServer,
  type TMember,
} from '../../../testing/api.test-kit.ts';

// POST /api/v1/ai/generate on the built-in local model through the whole pipeline of a real server: JSON and
// SSE answers, the record in ai_generations and usage_metrics, the event, the cache, and every refusal.
describe('POST /api/v1/ai/generate (local model)', () => {
  let s: TestServer;
  let owner: TMember;
  let viewer: TMember;
  let stranger: TMember;
  beforeAll(async () => {
    // Providers on 127.0.0.1 are allowed, as an operator allows a local model server.
    s = await startTestServer({ env: { ALLOW_PRIVATE_AI_PROVIDERS: 'true' } });
    owner = await memberWithKey(s);
    viewer = await memberWithKey(s, {
      role: 'viewer',
      organizationId: owner.organizationId,
      scopes: ['read'],
    });
    stranger = await memberWithKey(s);
  });
  afterAll(() => s?.stop());

  const generate = (who: TMember | null, body: unknown, raw = false) =>
    call(s, who, 'POST', '/api/v1/ai/generate', body, raw);

  it('answers with the local model, labelled as such, and records the call with its event', async () => {
    const res = await generate(owner, { prompt: 'Write a tweet about solar panels', cache: false });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      provider: 'local',
      providerKind: 'local',
      model: 'local',
      cached: false,
    });
    expect(res.body.cost).toBe(0);
    expect(res.body.text).toMatch(/solar/i);
    expect(res.body.usage.inputTokens).toBeGreaterThan(0);
    expect(res.body.usage.outputTokens).toBeGreaterThan(0);
    const rows = await queryRows<{ status: string; tokens_out: number; model: string }>(
      s.platform.db.orm,
      sql`select status, tokens_out, model from ai_generations where organization_id = ${owner.organizationId}`,
    );
    expect(rows).toEqual([{ status: 'succeeded', tokens_out: res.body.usage.outputTokens, model: 'local' }]);
    const events = await listEvents(s.platform.db, {
      organizationId: owner.organizationId,
      type: 'ai.generation.completed',
      limit: 10,
      offset: 0,
    });
    expect(events.rows.length).toBe(1);
    const metrics = await queryRows<{ metric_type: string }>(
      s.platform.db.orm,
      sql`select metric_type from usage_metrics where organization_id = ${owner.organizationId}`,
    );
    expect(metrics.length).toBeGreaterThan(0);
  });

  it('is deterministic and answers JSON that satisfies the requested schema', async () => {
    const schema = {
      type: 'object',
      properties: {
        title: { type: 'string' },
        tags: { type: 'array', items: { type: 'string' }, minItems: 2 },
      },
      required: ['title', 'tags'],
      additionalProperties: false,
    };
    const body = { prompt: 'A blog post about composting', responseSchema: schema, cache: false };
    const a = await generate(owner, body);
    const b = await generate(owner, body);
    expect(a.status).toBe(200);
    expect(a.body.object).toEqual(JSON.parse(a.body.text));
    expect(a.body.object.tags.length).toBeGreaterThanOrEqual(2);
    expect(b.body.text).toBe(a.body.text);
  });

  it('calls a tool when asked and returns the call', async () => {
    const res = await generate(owner, {
      prompt: 'What is the weather in Paris?',
      tools: [
        {
          name: 'get_weather',
          description: 'Get the weather for a city',
          parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
        },
      ],
      cache: false,
    });
    expect(res.status).toBe(200);
    expect(res.body.finishReason).toBe('tool-calls');
    expect(res.body.toolCalls[0].name).toBe('get_weather');
    expect(JSON.parse(res.body.toolCalls[0].arguments)).toHaveProperty('city');
  });

  it('streams token by token as server-sent events ending with finish', async () => {
    const res = await generate(owner, {
      prompt: 'Outline a talk on rust and go',
      stream: true,
      cache: false,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const events = parseSse(res.text);
    expect(events[0]?.event).toBe('start');
    const deltas = events.filter((e) => e.event === 'text-delta');
    expect(deltas.length).toBeGreaterThan(3);
    const last = events.at(-1);
    expect(last?.event).toBe('finish');
    expect(deltas.map((e) => e.data.delta).join('')).toBe(last?.data.result.text);
  });

  it('serves an identical request from the cache at no cost, unless the caller opts out', async () => {
    const body = { prompt: `Summarise the cache test ${crypto.randomUUID()}` };
    const first = await generate(owner, body);
    const second = await generate(owner, body);
    const optOut = await generate(owner, { ...body, cache: false });
    expect(first.body.cached).toBe(false);
    expect(second.body.cached).toBe(true);
    expect(second.body.cost).toBe(0);
    expect(second.body.text).toBe(first.body.text);
    expect(optOut.body.cached).toBe(false);
    // Per organization: another tenant's identical request is not answered from this one's cache.
    expect((await generate(stranger, body)).body.cached).toBe(false);
    const cached = await queryRows<{ n: number | string }>(
      s.platform.db.orm,
      sql`select count(*) as n from ai_generations where organization_id = ${owner.organizationId} and cached`,
    );
    expect(Number(cached[0]?.n)).toBeGreaterThanOrEqual(1);
  });

  it('refuses bad input with the SPEC envelope', async () => {
    const cases: [unknown, boolean, number, string][] = [
      ['{"prompt": ', true, 400, 'VALIDATION_ERROR'],
      [{ prompt: 42 }, false, 400, 'VALIDATION_ERROR'],
      [{}, false, 400, 'VALIDATION_ERROR'],
      [{ prompt: 'a', messages: [{ role: 'user', content: 'b' }] }, false, 400, 'VALIDATION_ERROR'],
      [{ prompt: 'a', temperature: 7 }, false, 400, 'VALIDATION_ERROR'],
      [{ prompt: 'a', responseSchema: { type: 'no-such-type' } }, false, 400, 'VALIDATION_ERROR'],
      [{ prompt: 'a', route: 'no-such-route' }, false, 404, 'RESOURCE_NOT_FOUND'],
      [{ prompt: 'a', model: 'no-such-model' }, false, 404, 'RESOURCE_NOT_FOUND'],
      [{ prompt: 'a', model: `${crypto.randomUUID()}:gpt-4o` }, false, 404, 'RESOURCE_NOT_FOUND'],
      [{ prompt: 'a', model: 'openai:gpt-4o' }, false, 503, 'MODEL_UNAVAILABLE'],
    ];
    for (const [body, raw, status, code] of cases) {
      const res = await generate(owner, body, raw);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.error.code, JSON.stringify(body)).toBe(code);
      expect(res.body.error.requestId).toBeTruthy();
    }
  });

  it('refuses anonymous callers, forged keys and members without ai:generate', async () => {
    expect((await generate(null, { prompt: 'a' })).status).toBe(401);
    expect((await generate({ key: 'ff_forged_key_000000000000' } as TMember, { prompt: 'a' })).status).toBe(
      401,
    );
    const res = await generate(viewer, { prompt: 'a' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('INSUFFICIENT_PERMISSIONS');
  });

  it("cannot use another organization's provider by id", async () => {
    const created = await call(s, stranger, 'POST', '/api/v1/ai/providers', {
      name: 'theirs',
      kind: 'openai-compatible',
      baseUrl: 'http://127.0.0.1:9/v1',
      apiKey: 'sk-theirs',
    });
    expect(created.status).toBe(201);
    const res = await generate(owner, { prompt: 'a', model: `${created.body.id}:some-model` });
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('sk-theirs');
  });
  describe('projectId', () => {
    const project = async (who: TMember, name: string) => {
      const res = await call(s, who, 'POST', '/api/v1/projects', { name, type: 'other' });
      expect(res.status, res.text).toBe(201);
      return res.body.id as string;
    };
    const generationsOf = (org: string) =>
      queryRows<{ project_id: string | null }>(
        s.platform.db.orm,
        sql`select project_id from ai_generations where organization_id = ${org}`,
      );

    it('answers 404 for another tenant’s project exactly as for an unknown one, before spending anything', async () => {
      const theirs = await project(stranger, 'theirs');
      const before = (await generationsOf(owner.organizationId)).length;
      const foreign = await generate(owner, { prompt: 'hi', projectId: theirs, cache: false });
      const unknown = await generate(owner, { prompt: 'hi', projectId: crypto.randomUUID(), cache: false });
      for (const res of [foreign, unknown]) {
        expect(res.status, res.text).toBe(404);
        expect(res.body.error).toMatchObject({ code: 'RESOURCE_NOT_FOUND', message: 'Project not found' });
      }
      expect((await generationsOf(owner.organizationId)).length).toBe(before);
      const streamed = await generate(owner, { prompt: 'hi', projectId: theirs, stream: true });
      expect(streamed.status).toBe(404);
    });

    it('records a call billed to the organization’s own project', async () => {
      const mine = await project(owner, 'mine');
      const res = await generate(owner, { prompt: 'hi', projectId: mine, cache: false });
      expect(res.status, res.text).toBe(200);
      expect(await generationsOf(owner.organizationId)).toContainEqual({ project_id: mine });
    });

    it('takes the actor’s role in the project into account', async () => {
      const mine = await project(owner, 'shared');
      const client = await memberWithKey(s, {
        role: 'client',
        organizationId: owner.organizationId,
        scopes: ['read', 'write'],
      });
      expect((await generate(client, { prompt: 'hi', projectId: mine })).status).toBe(403);
      const added = await call(s, owner, 'POST', `/api/v1/projects/${mine}/members`, {
        userId: client.userId,
        role: 'editor',
      });
      expect(added.status, added.text).toBe(201);
      const res = await generate(client, { prompt: 'hi', projectId: mine, cache: false });
      expect(res.status, res.text).toBe(200);
    });
  });
});
