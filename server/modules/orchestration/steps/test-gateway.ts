// A real test server, an AI gateway built on its platform, the executors, two members of different
// organizations and two fake OpenAI providers (answering the same text differently spelt). Tests only.
import { expect } from 'vitest';
import { startTestServer, type TestServer } from '../../../platform/testing/test-server.ts';
import { createCatalogue } from '../../ai/catalogue/find-model.ts';
import { call, memberWithKey, type TMember } from '../../ai/e2e/ai-e2e-kit.ts';
import type { TAiGateway } from '../../ai/index.ts';
import { createAiGateway } from '../../ai/pipeline/create-ai-gateway.ts';
import { startFakeOpenAI, type TFakeServer } from '../../ai/testing/index.ts';
import { createStepExecutors, type TStepExecutors } from './index.ts';
import { stepContext } from './test-context.ts';

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
  const s = await startTestServer();
  const { db, secrets, events, log, cache } = s.platform;
  const gateway = createAiGateway({
    db,
    secrets,
    catalogue: createCatalogue({ db }),
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
