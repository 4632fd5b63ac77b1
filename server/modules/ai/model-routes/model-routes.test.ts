import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedMember } from '../../../testing/members.test-kit.ts';
import type { TActorContext } from '../../identity/actor.ts';
import { createAiHarness, type TAiHarness } from '../ai.test-kit.ts';
import { createProvider } from '../providers/create-provider.ts';
import { ZCreateProviderBodySchema } from '../providers/schemas.ts';
import { createModelRoute } from './create-model-route.ts';
import { deleteModelRoute } from './delete-model-route.ts';
import { getModelRoute } from './get-model-route.ts';
import { listModelRoutes } from './list-model-routes.ts';
import { findModelRouteByName } from './load-model-route.ts';
import { ZCreateModelRouteBodySchema, ZUpdateModelRouteBodySchema } from './schemas.ts';
import { updateModelRoute } from './update-model-route.ts';

let h: TAiHarness;
let a: TActorContext;
let b: TActorContext;
let providerA: string;
let providerB: string;
beforeAll(async () => {
  h = await createAiHarness();
  a = await seedMember(h.db);
  b = await seedMember(h.db);
  const mk = async (actor: TActorContext) =>
    (
      await createProvider({
        db: h.db,
        secrets: h.secrets,
        network: h.network,
        actor,
        input: ZCreateProviderBodySchema.parse({
          name: 'oai',
          kind: 'openai',
          apiKey: 'sk-0123456789abcdef',
        }),
      })
    ).id;
  providerA = await mk(a);
  providerB = await mk(b);
});
afterAll(() => h.close());

const create = (actor: TActorContext, body: Record<string, unknown>) =>
  createModelRoute({ db: h.db, actor, input: ZCreateModelRouteBodySchema.parse(body) });
const fields = (body: unknown) =>
  ZCreateModelRouteBodySchema.safeParse(body).error?.issues.map((i) => i.path.join('.')) ?? [];

describe('named routes', () => {
  it('creates with defaults, lists, gets, and finds by name for the gateway', async () => {
    const r = await create(a, {
      name: 'chat',
      targets: [
        { provider: providerA, model: 'gpt-4o-mini' },
        { provider: 'local', model: 'local' },
      ],
      fallback: [{ provider: 'local', model: 'local' }],
    });
    expect(r).toMatchObject({ name: 'chat', strategy: 'round-robin', timeoutMs: 30000, maxRetries: 2 });
    expect((await listModelRoutes({ db: h.db, actor: a })).map((x) => x.id)).toEqual([r.id]);
    expect(await getModelRoute({ db: h.db, actor: a, routeId: r.id })).toEqual(r);
    const route = await findModelRouteByName({ db: h.db, organizationId: a.organizationId, name: 'chat' });
    expect(route).toMatchObject({
      id: r.id,
      organizationId: a.organizationId,
      targets: r.targets,
      fallback: r.fallback,
    });
    await expect(
      findModelRouteByName({ db: h.db, organizationId: b.organizationId, name: 'chat' }),
    ).rejects.toMatchObject({
      code: 'RESOURCE_NOT_FOUND',
    });
  });

  it('validates at the edge, naming the field', () => {
    expect(fields({ name: 'x', targets: [] })).toEqual(['targets']);
    expect(fields({ name: 'x', targets: [{ provider: 'local', model: 'local', weight: 0 }] })).toEqual([
      'targets.0.weight',
    ]);
    expect(fields({ name: 'x', strategy: 'random', targets: [{ provider: 'local', model: 'l' }] })).toEqual([
      'strategy',
    ]);
    expect(fields({ name: 'has space', targets: [{ provider: 'local', model: 'l' }] })).toEqual(['name']);
    expect(fields({ name: 'x', targets: [{ provider: 'local', model: 'l' }], timeoutMs: 5 })).toEqual([
      'timeoutMs',
    ]);
    expect(fields({ name: 'x', targets: [{ provider: 'local', model: '' }], fallback: [{}] })).toEqual([
      'targets.0.model',
      'fallback.0.provider',
      'fallback.0.model',
    ]);
    expect(ZUpdateModelRouteBodySchema.safeParse({}).success).toBe(false);
  });

  it('refuses targets whose provider is unknown or another organization’s, naming each', async () => {
    await expect(
      create(a, {
        name: 'bad',
        targets: [
          { provider: providerB, model: 'gpt-4o' },
          { provider: 'local', model: 'local' },
        ],
        fallback: [{ provider: 'nope', model: 'x' }],
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
      details: [{ field: 'targets.0.provider' }, { field: 'fallback.0.provider' }],
    });
  });

  it('refuses a duplicate name, updates and deletes; another organization gets 404', async () => {
    const r = await create(a, {
      name: 'fast',
      strategy: 'latency',
      targets: [{ provider: 'local', model: 'local' }],
    });
    await expect(
      create(a, { name: 'fast', targets: [{ provider: 'local', model: 'local' }] }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const updated = await updateModelRoute({
      db: h.db,
      actor: a,
      routeId: r.id,
      input: {
        strategy: 'weighted',
        targets: [{ provider: providerA, model: 'gpt-4o', weight: 3 }],
        maxRetries: 0,
      },
    });
    expect(updated).toMatchObject({ strategy: 'weighted', maxRetries: 0, targets: [{ weight: 3 }] });
    await expect(
      updateModelRoute({ db: h.db, actor: a, routeId: r.id, input: { name: 'chat' } }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(
      updateModelRoute({
        db: h.db,
        actor: a,
        routeId: r.id,
        input: { fallback: [{ provider: providerB, model: 'm' }] },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'fallback.0.provider' }] });
    for (const op of [
      () => getModelRoute({ db: h.db, actor: b, routeId: r.id }),
      () => updateModelRoute({ db: h.db, actor: b, routeId: r.id, input: { maxRetries: 1 } }),
      () => deleteModelRoute({ db: h.db, actor: b, routeId: r.id }),
    ]) {
      await expect(op()).rejects.toMatchObject({ code: 'RESOURCE_NOT_FOUND' });
    }
    await deleteModelRoute({ db: h.db, actor: a, routeId: r.id });
    await expect(getModelRoute({ db: h.db, actor: a, routeId: r.id })).rejects.toMatchObject({
      code: 'RESOURCE_NOT_FOUND',
    });
  });

  it('a designer reads routes', async () => {
    const designer = await seedMember(h.db, { role: 'designer', organizationId: a.organizationId });
    expect((await listModelRoutes({ db: h.db, actor: designer })).length).toBeGreaterThan(0);
  });
});
