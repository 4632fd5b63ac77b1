// The business modules of one process, built once on the platform in dependency order: identity (who is
// calling), the AI gateway (on identity's plans and authentication), orchestration (on the gateway).
import { type AiModule, createAi } from './modules/ai/index.ts';
import { createIdentity, type Identity } from './modules/identity/create-identity.ts';
import { createOrchestration, type Orchestration } from './modules/orchestration/index.ts';
import type { Platform } from './platform/platform.ts';

export interface Modules {
  identity: Identity;
  ai: AiModule;
  orchestration: Orchestration;
}

export async function createModules(
  platform: Platform,
  opts: {
    /** Prefix of rate-limit and quota counters; tests give each server its own so runs never share them. */
    limitsNamespace?: string | undefined;
  } = {},
): Promise<Modules> {
  const ns = opts.limitsNamespace ? { limitsNamespace: opts.limitsNamespace } : {};
  const identity = createIdentity(platform, ns);
  const ai = createAi(platform, identity, ns);
  const orchestration = await createOrchestration({ platform, gateway: ai.gateway });
  return { identity, ai, orchestration };
}
