// The business modules of one process, built once on the platform in dependency order. Adding a module is one
// line here: the app mounts, schedules, starts, attaches and closes each through the TModule contract.
import type { TEnv } from './env.ts';
import { type AiModule, createAi } from './modules/ai/index.ts';
import { type Collaboration, createCollaboration } from './modules/collaboration/index.ts';
import { createIdentity, type Identity } from './modules/identity/index.ts';
import { createOrchestration, type Orchestration } from './modules/orchestration/index.ts';
import { createSystem } from './modules/system/index.ts';
import type { TModule } from './platform/module.ts';
import type { Platform } from './platform/platform.ts';

export interface Modules {
  identity: Identity;
  ai: AiModule;
  orchestration: Orchestration;
  /** Only in processes that serve clients (every role but worker). */
  collaboration?: Collaboration;
  /** Every module, dependencies first: the order the app composes them in. */
  list: readonly TModule[];
}

const servesClients = (env: TEnv) => env.ROLE !== 'worker';

export async function createModules(
  platform: Platform,
  opts: {
    /** Prefix of rate-limit and quota counters; tests give each server its own so runs never share them. */
    limitsNamespace?: string | undefined;
  } = {},
): Promise<Modules> {
  const ns = opts.limitsNamespace ? { limitsNamespace: opts.limitsNamespace } : {};
  const identity = createIdentity(platform, ns);
  const { routers } = identity;
  const ai = createAi(platform, identity, ns);
  const orchestration = await createOrchestration({ platform, gateway: ai.gateway, routers });
  const collaboration = servesClients(platform.env) ? createCollaboration({ platform, identity }) : undefined;
  const list = [createSystem(platform, routers), identity, ai, orchestration, collaboration].filter(
    (m): m is TModule => m !== undefined,
  );
  return { identity, ai, orchestration, ...(collaboration ? { collaboration } : {}), list };
}
