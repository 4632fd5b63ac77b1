// The step executors of the engine (SPEC §5): one function per step type that does real work. The engine
// renders templates first, runs condition/map/delay/approval/workflow itself, and calls these for the rest.
import type { Database } from '../../../platform/db/index.ts';
import type { EventBus } from '../../../platform/events/index.ts';
import type { TAiGateway } from '../../ai/index.ts';
import { type SandboxPool, sharedSandboxPool } from '../sandbox/index.ts';
import type { TStep, TStepContext, TStepOutcome } from '../types.ts';
import { executeAgent } from './agent.ts';
import { executeEnsemble } from './ensemble.ts';
import { executeHttp } from './http.ts';
import { executeLlm } from './llm.ts';
import { executeTransform } from './transform.ts';

export { forbiddenRange } from '../../../platform/net/index.ts';
export { evaluateExpression } from '../sandbox/index.ts';

export type TExecutedStepType = 'agent' | 'llm' | 'http' | 'transform' | 'ensemble';
type TStepOf<K extends TExecutedStepType> = Extract<TStep, { type: K }>;
export type TStepExecutors = {
  [K in TExecutedStepType]: (ctx: TStepContext, step: TStepOf<K>) => Promise<TStepOutcome>;
};

export function createStepExecutors(deps: {
  gateway: TAiGateway;
  db: Database;
  /** Seeds an organization's default agents before an agent step first selects one (omitted: no seeding). */
  events?: EventBus;
  /** ALLOW_PRIVATE_HTTP_TARGETS: http steps may call loopback/private/link-local addresses. */
  allowPrivateNetworks: boolean;
  /** Single non-public addresses http steps may call anyway. */
  allowedAddresses?: readonly string[];
  /** Worker threads for transform code (default: the process's shared pool of two). */
  sandbox?: SandboxPool;
}): TStepExecutors {
  const sandbox = deps.sandbox ?? sharedSandboxPool();
  const httpPolicy = {
    allowPrivateNetworks: deps.allowPrivateNetworks,
    ...(deps.allowedAddresses ? { allowedAddresses: deps.allowedAddresses } : {}),
  };
  return {
    agent: (ctx, step) => executeAgent(deps, ctx, step),
    llm: (ctx, step) => executeLlm(deps.gateway, ctx, step),
    http: (ctx, step) => executeHttp(ctx, step, httpPolicy),
    transform: (ctx, step) => executeTransform(ctx, step, sandbox),
    ensemble: (ctx, step) => executeEnsemble(deps.gateway, ctx, step),
  };
}

/** Runs a step of an executed type; a thrown exception (a bug) still becomes a failed outcome for the run. */
export async function executeStep(
  executors: TStepExecutors,
  ctx: TStepContext,
  step: TStep,
): Promise<TStepOutcome> {
  const run = executors[step.type as TExecutedStepType] as
    | ((ctx: TStepContext, step: TStep) => Promise<TStepOutcome>)
    | undefined;
  if (!run)
    return { status: 'failed', error: `step type ${step.type} is not run by an executor`, retryable: false };
  try {
    return await run(ctx, step);
  } catch (err) {
    ctx.log('error', `executor crashed: ${(err as Error).stack ?? String(err)}`);
    return {
      status: 'failed',
      error: `internal error in ${step.type} step: ${(err as Error).message}`,
      retryable: true,
    };
  }
}
