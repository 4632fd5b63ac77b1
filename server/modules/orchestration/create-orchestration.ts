// The orchestration module assembled on the platform (SPEC §5): the durable engine with its step executors,
// triggers, and the routes for agents, workflows, runs, approvals, triggers and webhooks.
import type { TModule } from '../../platform/module.ts';
import type { Platform } from '../../platform/platform.ts';
import type { TAiGateway } from '../ai/index.ts';
import type { TRouters } from '../identity/index.ts';
import { agentRoutes } from './agents/index.ts';
import { approvalRoutes } from './approvals/approval-routes.ts';
import { createEngine, type TEngine } from './engine/create-engine.ts';
import { createOpenStreams } from './runs/open-streams.ts';
import { runRoutes } from './runs/run-routes.ts';
import { createSandboxPool } from './sandbox/index.ts';
import { createStepExecutors } from './steps/index.ts';
import { createTriggers, type TTriggers } from './triggers/create-triggers.ts';
import { hookRoutes } from './triggers/hook-routes.ts';
import { triggerRoutes } from './triggers/trigger-routes.ts';
import { workflowRoutes } from './workflows/index.ts';

export interface Orchestration extends TModule {
  readonly engine: TEngine;
  readonly triggers: TTriggers;
}

/** Builds the engine (registering its jobs: every process that enqueues needs them) and the triggers. */
export async function createOrchestration({
  platform,
  gateway,
  routers,
}: {
  platform: Platform;
  gateway: TAiGateway;
  /** Identity's guarded routers, which authenticate and authorize each route from its declaration. */
  routers: TRouters;
}): Promise<Orchestration> {
  const { db, events, queue, pubsub, log, env } = platform;
  // Transform code and condition expressions run on this instance's worker threads (started on first use),
  // closed with it.
  const sandbox = createSandboxPool();
  const executors = createStepExecutors({
    gateway,
    db,
    events,
    allowPrivateNetworks: env.ALLOW_PRIVATE_HTTP_TARGETS,
    sandbox,
  });
  const engine = await createEngine({
    db,
    events,
    queue,
    pubsub,
    log,
    executors: executors as never,
    sandbox,
    options: {
      orgConcurrency: env.ORCHESTRATION_ORG_CONCURRENCY,
      workerConcurrency: env.ORCHESTRATION_WORKER_CONCURRENCY,
      maxStepOutputBytes: env.ORCHESTRATION_MAX_STEP_OUTPUT_BYTES,
    },
  });
  const triggers = await createTriggers({
    db,
    events,
    queue,
    engine,
    publicUrl: env.PUBLIC_URL,
    cache: platform.cache,
  });
  const streams = createOpenStreams();
  let stopListening: (() => void) | undefined;
  return {
    name: 'orchestration',
    engine,
    triggers,
    mount(api) {
      api.route('/', workflowRoutes({ db, events, routers }));
      api.route('/', agentRoutes({ db, events, routers }));
      api.route('/', runRoutes({ db, events, pubsub, engine, routers, streams }));
      api.route('/', approvalRoutes({ db, events, engine, routers }));
      api.route('/', triggerRoutes({ ...triggers.routeDeps, routers }));
      // /hooks/* are public routes: they authenticate by the trigger's secret, not as a member.
      api.route('/', hookRoutes({ db, engine, routers }));
    },
    startWorkers() {
      engine.startRecovery();
      stopListening ??= triggers.listen();
    },
    async detach() {
      // Before HTTP drains: a followed run's stream never ends by itself, so it would hold shutdown until
      // SHUTDOWN_TIMEOUT_MS. Its client reconnects with Last-Event-ID.
      streams.endAll();
    },
    async close() {
      stopListening?.();
      await engine.close();
      await sandbox.close();
    },
  };
}
