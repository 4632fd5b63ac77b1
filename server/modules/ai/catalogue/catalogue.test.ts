import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { seedMember } from '../../../testing/members.test-kit.ts';
import { pgErrorCode } from '../../../testing/tenant.test-kit.ts';
import type { TActorContext } from '../../identity/actor.ts';
import { createAiHarness, type TAiHarness } from '../ai.test-kit.ts';
import { createProvider } from '../providers/create-provider.ts';
import { deleteProvider } from '../providers/delete-provider.ts';
import { ZCreateProviderBodySchema } from '../providers/schemas.ts';
import { addModel } from './add-model.ts';
import { deleteModel } from './delete-model.ts';
import { listModels } from './list-models.ts';
import { ZAddModelBodySchema, ZUpdateModelBodySchema } from './schemas.ts';
import { updateModel } from './update-model.ts';

let h: TAiHarness;
let a: TActorContext;
let b: TActorContext;
let ollamaA: string;
beforeAll(async () => {
  h = await createAiHarness();
  a = await seedMember(h.db);
  b = await seedMember(h.db);
  const p = await createProvider({
    db: h.db,
    secrets: h.secrets,
    network: h.network,
    actor: a,
    input: ZCreateProviderBodySchema.parse({
      name: 'ollama',
      kind: 'openai-compatible',
      baseUrl: 'http://127.0.0.1:11434/v1',
    }),
  });
  ollamaA = p.id;
});
afterAll(() => h.close());

const add = (actor: TActorContext, body: Record<string, unknown>) =>
  addModel({ db: h.db, actor, input: ZAddModelBodySchema.parse(body) });

describe('model catalogue', () => {
  it('is seeded with OpenAI and Anthropic list prices and the honestly described local model', async () => {
    const models = await listModels({ db: h.db, actor: a });
    const by = (m: string) => models.find((x) => x.model === m);
    expect(by('gpt-4o')).toMatchObject({
      scope: 'instance',
      providerKind: 'openai',
      inputPricePer1k: 0.0025,
      outputPricePer1k: 0.01,
      contextWindow: 128000,
    });
    expect(by('gpt-4o-mini')).toMatchObject({ inputPricePer1k: 0.00015, outputPricePer1k: 0.0006 });
    expect(by('claude-sonnet-4-20250514')).toMatchObject({
      providerKind: 'anthropic',
      inputPricePer1k: 0.003,
    });
    for (const m of ['gpt-4.1', 'gpt-4.1-mini', 'gpt-4.1-nano', 'o3', 'o4-mini', 'claude-opus-4-20250514']) {
      expect(by(m), m).toBeDefined();
    }
    const local = by('local');
    expect(local).toMatchObject({ providerKind: 'local', inputPricePer1k: 0, outputPricePer1k: 0 });
    expect(local?.capabilities).toEqual(['text', 'json', 'tools', 'code']);
    expect(local?.description).toMatch(/deterministic offline model/);
    expect(local?.description).toMatch(/Not a language model/);
  });

  it('merges the organization’s own models, which other organizations never see', async () => {
    const m = await add(a, {
      providerId: ollamaA,
      model: 'llama3.1:8b',
      contextWindow: 131072,
      capabilities: ['text', 'code'],
      inputPricePer1k: 0.00001,
      outputPricePer1k: 0.00002,
    });
    expect(m).toMatchObject({
      scope: 'organization',
      providerKind: 'openai-compatible',
      providerId: ollamaA,
    });
    const mineNames = (await listModels({ db: h.db, actor: a })).map((x) => x.model);
    expect(mineNames).toEqual(expect.arrayContaining(['llama3.1:8b', 'gpt-4o', 'local']));
    const theirs = await listModels({ db: h.db, actor: b });
    expect(theirs.map((x) => x.model)).not.toContain('llama3.1:8b');
    expect(theirs.every((x) => x.scope === 'instance')).toBe(true);
    await expect(
      add(a, { providerId: ollamaA, model: 'llama3.1:8b', contextWindow: 1 }),
    ).rejects.toMatchObject({ code: 'CONFLICT', details: [{ field: 'model' }] });
  });

  it('refuses a model on an unknown or another organization’s provider, naming providerId', async () => {
    await expect(add(b, { providerId: ollamaA, model: 'x', contextWindow: 10 })).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
      details: [{ field: 'providerId' }],
    });
  });

  it('updates and deletes only the organization’s own rows', async () => {
    const m = await add(a, { providerId: ollamaA, model: 'mistral', contextWindow: 32000 });
    const updated = await updateModel({
      db: h.db,
      actor: a,
      modelId: m.id,
      input: ZUpdateModelBodySchema.parse({ status: 'deprecated', inputPricePer1k: 0.5 }),
    });
    expect(updated).toMatchObject({ status: 'deprecated', inputPricePer1k: 0.5, outputPricePer1k: 0 });
    await expect(
      updateModel({ db: h.db, actor: b, modelId: m.id, input: { status: 'active' } }),
    ).rejects.toMatchObject({
      code: 'RESOURCE_NOT_FOUND',
    });
    await expect(deleteModel({ db: h.db, actor: b, modelId: m.id })).rejects.toMatchObject({
      code: 'RESOURCE_NOT_FOUND',
    });
    const gpt = (await listModels({ db: h.db, actor: a })).find((x) => x.model === 'gpt-4o')!;
    await expect(
      updateModel({ db: h.db, actor: a, modelId: gpt.id, input: { inputPricePer1k: 0 } }),
    ).rejects.toMatchObject({
      code: 'INSUFFICIENT_PERMISSIONS',
    });
    await expect(deleteModel({ db: h.db, actor: a, modelId: gpt.id })).rejects.toMatchObject({
      code: 'INSUFFICIENT_PERMISSIONS',
    });
    await deleteModel({ db: h.db, actor: a, modelId: m.id });
    expect((await listModels({ db: h.db, actor: a })).map((x) => x.id)).not.toContain(m.id);
    expect(ZUpdateModelBodySchema.safeParse({}).success).toBe(false);
    expect(ZUpdateModelBodySchema.safeParse({ inputPricePer1k: -1 }).success).toBe(false);
  });

  it('a viewer cannot list (ai:generate)', async () => {
    const viewer = await seedMember(h.db, { role: 'viewer', organizationId: a.organizationId });
    await expect(listModels({ db: h.db, actor: viewer })).rejects.toMatchObject({
      code: 'INSUFFICIENT_PERMISSIONS',
    });
  });

  it('row-level security: a tenant reads instance rows but cannot write them, nor create them', async () => {
    const asA = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(h.db, a.organizationId, work);
    const instance = await asA((tx) =>
      queryRows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from ai_models where organization_id is null`,
      ),
    );
    expect(instance[0]!.n).toBeGreaterThanOrEqual(10);
    const changed = await asA((tx) =>
      queryRows(
        tx,
        sql`update ai_models set input_price_per_1k = 0 where organization_id is null returning id`,
      ),
    );
    expect(changed).toEqual([]);
    const deleted = await asA((tx) =>
      queryRows(tx, sql`delete from ai_models where organization_id is null returning id`),
    );
    expect(deleted).toEqual([]);
    const code = await asA((tx) =>
      tx.execute(sql`insert into ai_models (provider_kind, model, display_name, context_window)
                     values ('openai', 'fake-free-gpt', 'x', 1)`),
    ).catch((err: unknown) => pgErrorCode(err));
    expect(code).toBe('42501');
    // B's own rows stay invisible to A.
    const foreign = await asA((tx) =>
      queryRows(tx, sql`select id from ai_models where organization_id = ${b.organizationId}`),
    );
    expect(foreign).toEqual([]);
  });

  it('deleting a provider removes its custom models', async () => {
    const p = await createProvider({
      db: h.db,
      secrets: h.secrets,
      network: h.network,
      actor: a,
      input: ZCreateProviderBodySchema.parse({
        name: 'vllm',
        kind: 'openai-compatible',
        baseUrl: 'http://127.0.0.1:8000/v1',
      }),
    });
    const m = await add(a, { providerId: p.id, model: 'phi', contextWindow: 4096 });
    await deleteProvider({ db: h.db, actor: a, providerId: p.id });
    expect((await listModels({ db: h.db, actor: a })).map((x) => x.id)).not.toContain(m.id);
  });
});
