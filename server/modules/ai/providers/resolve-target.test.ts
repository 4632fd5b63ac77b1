import { generateText } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedMember } from '../../../testing/members.test-kit.ts';
import type { TActorContext } from '../../identity/actor.ts';
import { createAiHarness, sendJson, startUpstream, type TAiHarness } from '../ai.test-kit.ts';
import { addModel } from '../catalogue/add-model.ts';
import { ZAddModelBodySchema } from '../catalogue/schemas.ts';
import { updateModel } from '../catalogue/update-model.ts';
import { createProvider } from './create-provider.ts';
import { resolveTarget } from './resolve-target.ts';
import { ZCreateProviderBodySchema } from './schemas.ts';

const KEY = 'sk-resolve-0123456789abcdefghij';

let h: TAiHarness;
let owner: TActorContext;
let upstream: Awaited<ReturnType<typeof startUpstream>>;

// Enough of OpenAI's chat completions and Anthropic's messages protocols for one non-streamed answer.
beforeAll(async () => {
  h = await createAiHarness();
  owner = await seedMember(h.db);
  upstream = await startUpstream((req, res) => {
    const body = JSON.parse(req.body || '{}') as { model?: string };
    if (req.url.endsWith('/chat/completions')) {
      return sendJson(res, 200, {
        id: 'chatcmpl-1',
        object: 'chat.completion',
        created: 1_700_000_000,
        model: body.model,
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: `hello from ${body.model}` },
            finish_reason: 'stop',
          },
        ],
        usage: { prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 },
      });
    }
    if (req.url.endsWith('/messages')) {
      return sendJson(res, 200, {
        id: 'msg_1',
        type: 'message',
        role: 'assistant',
        model: body.model,
        content: [{ type: 'text', text: `claude says hi` }],
        stop_reason: 'end_turn',
        stop_sequence: null,
        usage: { input_tokens: 5, output_tokens: 4 },
      });
    }
    sendJson(res, 404, { error: { message: 'no such path' } });
  });
});
afterAll(async () => {
  await upstream.close();
  await h.close();
});

const provider = (kind: string, name = crypto.randomUUID()) =>
  createProvider({
    db: h.db,
    secrets: h.secrets,
    network: h.network,
    actor: owner,
    input: ZCreateProviderBodySchema.parse({ name, kind, baseUrl: `${upstream.url}/v1`, apiKey: KEY }),
  });
const resolve = (provider: string, model: string, organizationId = owner.organizationId) =>
  resolveTarget({
    db: h.db,
    secrets: h.secrets,
    catalogue: h.catalogue,
    network: h.network,
    organizationId,
    target: { provider, model },
  });

describe('resolveTarget', () => {
  it('builds an OpenAI chat model with the opened key, priced from the instance catalogue', async () => {
    const p = await provider('openai');
    const t = await resolve(p.id, 'gpt-4o-mini');
    expect(t).toMatchObject({
      key: `${p.id}:gpt-4o-mini`,
      provider: p.id,
      providerKind: 'openai',
      model: 'gpt-4o-mini',
      inputPricePer1k: 0.00015,
      outputPricePer1k: 0.0006,
    });
    const out = await generateText({ model: t.languageModel, prompt: 'hi' });
    expect(out.text).toBe('hello from gpt-4o-mini');
    expect(out.usage.inputTokens).toBe(7);
    const seen = upstream.seen.at(-1)!;
    expect(seen.url).toBe('/v1/chat/completions');
    expect(seen.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('builds an Anthropic messages model', async () => {
    const p = await provider('anthropic');
    const t = await resolve(p.id, 'claude-sonnet-4-20250514');
    expect(t).toMatchObject({ providerKind: 'anthropic', inputPricePer1k: 0.003, outputPricePer1k: 0.015 });
    const out = await generateText({ model: t.languageModel, prompt: 'hi' });
    expect(out.text).toBe('claude says hi');
    expect(upstream.seen.at(-1)!.headers['x-api-key']).toBe(KEY);
  });

  it('prices an openai-compatible model from the organization’s own catalogue entry, 0 when unlisted', async () => {
    const p = await provider('openai-compatible');
    await addModel({
      db: h.db,
      actor: owner,
      input: ZAddModelBodySchema.parse({
        providerId: p.id,
        model: 'llama3.1:8b',
        contextWindow: 8192,
        inputPricePer1k: 0.0001,
        outputPricePer1k: 0.0002,
      }),
    });
    const t = await resolve(p.id, 'llama3.1:8b');
    expect(t).toMatchObject({
      providerKind: 'openai-compatible',
      inputPricePer1k: 0.0001,
      outputPricePer1k: 0.0002,
    });
    expect((await generateText({ model: t.languageModel, prompt: 'x' })).text).toBe('hello from llama3.1:8b');
    expect(await resolve(p.id, 'unlisted-model')).toMatchObject({ inputPricePer1k: 0, outputPricePer1k: 0 });
  });

  it('sends every provider call through the SSRF guard: a loopback base URL is never contacted', async () => {
    for (const kind of ['openai', 'anthropic', 'openai-compatible']) {
      const p = await provider(kind);
      const t = await resolveTarget({
        db: h.db,
        secrets: h.secrets,
        catalogue: h.catalogue,
        network: { allowPrivateNetworks: false },
        organizationId: owner.organizationId,
        target: { provider: p.id, model: 'gpt-4o-mini' },
      });
      const before = upstream.seen.length;
      await expect(
        generateText({ model: t.languageModel, prompt: 'hi', maxRetries: 0 }),
        kind,
      ).rejects.toThrow(/127\.0\.0\.1 \(loopback address\)/);
      expect(upstream.seen.length, kind).toBe(before);
    }
  });

  it('refuses a model the organization disabled with MODEL_UNAVAILABLE', async () => {
    const p = await provider('openai-compatible');
    const m = await addModel({
      db: h.db,
      actor: owner,
      input: ZAddModelBodySchema.parse({ providerId: p.id, model: 'qwen', contextWindow: 4096 }),
    });
    await updateModel({ db: h.db, actor: owner, modelId: m.id, input: { status: 'disabled' } });
    await expect(resolve(p.id, 'qwen')).rejects.toMatchObject({ code: 'MODEL_UNAVAILABLE' });
  });

  it('answers RESOURCE_NOT_FOUND for an unknown provider, garbage, or another organization’s provider', async () => {
    const p = await provider('openai');
    const stranger = await seedMember(h.db);
    await expect(resolve(p.id, 'gpt-4o', stranger.organizationId)).rejects.toMatchObject({
      code: 'RESOURCE_NOT_FOUND',
    });
    await expect(resolve('00000000-0000-4000-8000-000000000000', 'gpt-4o')).rejects.toMatchObject({
      code: 'RESOURCE_NOT_FOUND',
    });
    await expect(resolve('openai', 'gpt-4o')).rejects.toMatchObject({ code: 'RESOURCE_NOT_FOUND' });
  });

  it('resolves the built-in local model with no credential, free', async () => {
    const t = await resolve('local', 'local');
    expect(t).toMatchObject({
      key: 'local:local',
      providerKind: 'local',
      inputPricePer1k: 0,
      outputPricePer1k: 0,
    });
    const out = await generateText({ model: t.languageModel, prompt: 'Say hello' });
    expect(out.text.length).toBeGreaterThan(0);
  });
});
