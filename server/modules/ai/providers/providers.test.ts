import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { seedMember } from '../../../testing/members.test-kit.ts';
import type { TActorContext } from '../../identity/actor.ts';
import { createAiHarness, type TAiHarness } from '../ai.test-kit.ts';
import { aiProviders } from '../schema.ts';
import { createProvider } from './create-provider.ts';
import { deleteProvider } from './delete-provider.ts';
import { getProvider } from './get-provider.ts';
import { listProviders } from './list-providers.ts';
import { maskApiKey } from './provider-view.ts';
import { ZCreateProviderBodySchema } from './schemas.ts';

const KEY = 'sk-proj-0123456789abcdefSECRETa1b2';

let h: TAiHarness;
let owner: TActorContext;
let other: TActorContext;
let designer: TActorContext;
beforeAll(async () => {
  h = await createAiHarness();
  owner = await seedMember(h.db);
  other = await seedMember(h.db);
  designer = await seedMember(h.db, { role: 'designer', organizationId: owner.organizationId });
});
afterAll(() => h.close());

const create = (actor: TActorContext, name: string, extra: Record<string, unknown> = {}) =>
  createProvider({
    db: h.db,
    secrets: h.secrets,
    network: h.network,
    actor,
    input: ZCreateProviderBodySchema.parse({ name, kind: 'openai', apiKey: KEY, ...extra }),
  });

describe('providers', () => {
  it('stores the key sealed under the organization’s data key and returns only a hint', async () => {
    const p = await create(owner, 'OpenAI prod');
    expect(p.apiKeyHint).toBe('sk-…a1b2');
    expect(JSON.stringify(p)).not.toContain(KEY);
    const [row] = await h.db.orm.select().from(aiProviders).where(eq(aiProviders.id, p.id));
    expect(row?.apiKeySealed).toMatch(/^v1\./);
    expect(row?.apiKeySealed).not.toContain('SECRET');
    expect(await h.secrets.decrypt(owner.organizationId, row!.apiKeySealed!)).toBe(KEY);
    // The AAD is the organization: the sealed value cannot be opened as another organization's.
    await expect(h.secrets.decrypt(other.organizationId, row!.apiKeySealed!)).rejects.toThrow();
  });

  it('lists and gets without the secret; a designer may read', async () => {
    const list = await listProviders({ db: h.db, actor: designer });
    expect(list.map((p) => p.name)).toContain('OpenAI prod');
    expect(JSON.stringify(list)).not.toMatch(/SECRET|sealed/);
    const one = await getProvider({ db: h.db, actor: designer, providerId: list[0]!.id });
    expect(one.id).toBe(list[0]!.id);
  });

  it('refuses a second provider with the same name (CONFLICT naming the field)', async () => {
    await expect(create(owner, 'OpenAI prod')).rejects.toMatchObject({
      code: 'CONFLICT',
      details: [{ field: 'name' }],
    });
  });

  it('validates kind, base URL and key at the edge', () => {
    const issues = (body: unknown) =>
      ZCreateProviderBodySchema.safeParse(body).error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(issues({ name: 'o', kind: 'openai-compatible' })).toEqual(['baseUrl']);
    expect(issues({ name: 'o', kind: 'openai' })).toEqual(['apiKey']);
    expect(issues({ name: 'o', kind: 'openai', apiKey: 'k', baseUrl: 'ftp://x' })).toEqual(['baseUrl']);
    expect(issues({ name: 'o', kind: 'openai', apiKey: 'k', baseUrl: 'https://u:p@x.test' })).toEqual([
      'baseUrl',
    ]);
    expect(issues({ name: 'o', kind: 'gemini', apiKey: 'k' })).toEqual(['kind']);
    // A key must fit in a header: the README's placeholder `sk-…` or a key with a space inside cannot.
    for (const apiKey of ['sk-…', 'sk-abc def', 'sk-\u00e9t\u00e9', 'sk-a\nb'])
      expect(issues({ name: 'o', kind: 'openai', apiKey })).toEqual(['apiKey']);
    expect(
      ZCreateProviderBodySchema.safeParse({ name: 'o', kind: 'openai', apiKey: 'sk-…' }).error?.issues[0]
        ?.message,
    ).toMatch(/printable ASCII/);
    expect(issues({ name: 'o', kind: 'openai-compatible', baseUrl: 'http://127.0.0.1:11434/v1' })).toEqual(
      [],
    );
  });

  it('refuses base URLs on loopback, private, link-local and metadata addresses unless the policy allows them', async () => {
    const strict = { allowPrivateNetworks: false };
    for (const baseUrl of [
      'http://127.0.0.1:11434/v1',
      'http://localhost:8000/v1',
      'http://[::1]:8000/v1',
      'http://10.1.2.3/v1',
      'http://192.168.0.10/v1',
      'http://169.254.169.254/latest',
      'http://[fe80::1]/v1',
      'http://[::ffff:127.0.0.1]/v1',
    ]) {
      await expect(
        createProvider({
          db: h.db,
          secrets: h.secrets,
          network: strict,
          actor: owner,
          input: ZCreateProviderBodySchema.parse({ name: baseUrl, kind: 'openai-compatible', baseUrl }),
        }),
        baseUrl,
      ).rejects.toMatchObject({
        code: 'VALIDATION_ERROR',
        details: [{ field: 'json.baseUrl', message: expect.stringMatching(/ALLOW_PRIVATE_AI_PROVIDERS/) }],
      });
    }
    // A public address passes; so does loopback once the operator allows local model servers.
    const input = (name: string, baseUrl: string) =>
      ZCreateProviderBodySchema.parse({ name, kind: 'openai-compatible', baseUrl });
    await expect(
      createProvider({
        db: h.db,
        secrets: h.secrets,
        network: strict,
        actor: owner,
        input: input('pub', 'https://8.8.8.8/v1'),
      }),
    ).resolves.toMatchObject({ baseUrl: 'https://8.8.8.8/v1' });
    await expect(
      createProvider({
        db: h.db,
        secrets: h.secrets,
        network: { allowPrivateNetworks: true },
        actor: owner,
        input: input('ollama', 'http://127.0.0.1:11434/v1'),
      }),
    ).resolves.toMatchObject({ name: 'ollama' });
  });

  it('answers RESOURCE_NOT_FOUND for unknown ids and another organization’s provider', async () => {
    const mine = await create(owner, 'mine');
    for (const actor of [other]) {
      await expect(getProvider({ db: h.db, actor, providerId: mine.id })).rejects.toMatchObject({
        code: 'RESOURCE_NOT_FOUND',
      });
      await expect(
        deleteProvider({ db: h.db, actor: { ...actor }, providerId: mine.id }),
      ).rejects.toMatchObject({
        code: 'RESOURCE_NOT_FOUND',
      });
    }
    await expect(
      getProvider({ db: h.db, actor: owner, providerId: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toMatchObject({ code: 'RESOURCE_NOT_FOUND' });
    expect(await listProviders({ db: h.db, actor: other })).toEqual([]);
    await deleteProvider({ db: h.db, actor: owner, providerId: mine.id });
    await expect(getProvider({ db: h.db, actor: owner, providerId: mine.id })).rejects.toMatchObject({
      code: 'RESOURCE_NOT_FOUND',
    });
  });

  it('row-level security hides another tenant’s providers even without a WHERE clause', async () => {
    const rows = await withTenant(h.db, other.organizationId, (tx) =>
      queryRows<{ id: string }>(tx, sql`select id from ai_providers`),
    );
    expect(rows).toEqual([]);
  });

  it('masks keys without giving half of a short one away', () => {
    expect(maskApiKey('sk-ant-api03-abcdefghijklmnop')).toBe('sk-…mnop');
    expect(maskApiKey('abcdefghijklmnopqrst')).toBe('abc…qrst');
    expect(maskApiKey('short-key')).toBe('…');
  });
});
