// A real test server, an AI gateway built on its platform, the executors, two members of different
// organizations and two fake OpenAI providers (answering the same text differently spelt). Tests only.
import { expect } from 'vitest';
import { createCatalogue } from '../modules/ai/catalogue/find-model.ts';
import { startFakeOpenAI, type TFakeServer } from '../modules/ai/fake-providers/fake-providers.test-kit.ts';
import type { TAiGateway } from '../modules/ai/index.ts';
import { createAiGateway } from '../modules/ai/pipeline/create-ai-gateway.ts';
import { createStepExecutors, type TStepExecutors } from '../modules/orchestration/steps/index.ts';
import { stepContext } from '../modules/orchestration/steps/step-context.test-kit.ts';
import { call, memberWithKey, type TMember } from './api.test-kit.ts';
import { startTestServer, type TestServer } from './test-server.ts';

export interface TExecutorFixture {
  s: TestServer;
  gateway: TAiGateway;
  ex: TStepExecutors;
  owner: TMember;
  stranger: TMember;
  fakeA: TFakeServer;
  fakeB: TFakeServer;
  /** `<provider id>:gpt-4o-mini` of the owner's organization. */
  modelA: string;
  modelB: string;
  ctxFor(m: TMember, over?: Parameters<typeof stepContext>[0]): ReturnType<typeof stepContext>;
  stop(): Promise<void>;
}

export async function startExecutorFixture(): Promise<TExecutorFixture> {
  // The fake providers listen on 127.0.0.1, allowed as an operator allows a local model server.
  const s = await startTestServer({ env: { ALLOW_PRIVATE_AI_PROVIDERS: 'true' } });
  const { db, secrets, events, log, cache } = s.platform;
  const gateway = createAiGateway({
    db,
    secrets,
    catalogue: createCatalogue({ db }),
    network: { allowPrivateNetworks: s.platform.env.ALLOW_PRIVATE_AI_PROVIDERS },
    events,
    log,
    cache,
    // The hourly plan quota is identity's business and tested there; executors are tested without it.
    admitGeneration: async () => null,
  });
  const owner = await memberWithKey(s);
  const stranger = await memberWithKey(s);
  const [fakeA, fakeB] = await Promise.all([
    startFakeOpenAI({ reply: () => 'Paris is the capital.' }),
    startFakeOpenAI({ reply: () => 'paris is  the capital' }),
  ]);
  const provider = async (name: string, fake: TFakeServer) => {
    const res = await call(s, owner, 'POST', '/api/v1/ai/providers', {
      name,
      kind: 'openai',
      baseUrl: fake.baseURL,
      apiKey: fake.apiKey,
    });
    expect(res.status, res.text).toBe(201);
    return `${res.body.id}:gpt-4o-mini`;
  };
  return {
    s,
    gateway,
    ex: createStepExecutors({ gateway, db, allowPrivateNetworks: false }),
    owner,
    stranger,
    fakeA,
    fakeB,
    modelA: await provider('fake-a', fakeA),
    modelB: await provider('fake-b', fakeB),
    ctxFor: (m, over = {}) => stepContext({ organizationId: m.organizationId, userId: m.userId, ...over }),
    async stop() {
      await Promise.all([fakeA.close(), fakeB.close()]);
      await s.stop();
    },
  };
}
