// The ensemble step: the same prompt on several models at once, answers checked against the step's schema and
// combined (combine-answers.ts); its confidence is how much the models agree. Tokens and cost are the sum of
// every call, failed or invalid ones included where the gateway reported them.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { LRUCache } from 'lru-cache';
import type { TAiGateway } from '../../ai/index.ts';
import type { TEnsembleStep, TStepContext, TStepOutcome } from '../types.ts';
import { callModel } from './call-model.ts';
import { combineByConsensus, combineByVote, type TAnswer } from './combine-answers.ts';

// Same settings as the gateway's own check (structure, types, enums, bounds; formats not enforced).
// addUsedSchema off and our own LRU: definitions are re-read per run, so each would otherwise stay in Ajv.
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: false, addUsedSchema: false });
const compiled = new LRUCache<string, ValidateFunction>({ max: 200 });
function validatorFor(schema: Record<string, unknown>): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(key, validate);
  }
  return validate;
}

interface TEnsembleAnswer {
  model: string;
  text?: string;
  object?: unknown;
  valid: boolean;
  error?: string;
}

export async function executeEnsemble(
  gateway: TAiGateway,
  ctx: TStepContext,
  step: Pick<TEnsembleStep, 'models' | 'prompt' | 'combine' | 'responseSchema'>,
): Promise<TStepOutcome> {
  if (!Array.isArray(step.models) || step.models.length < 2)
    return { status: 'failed', error: 'an ensemble needs at least two models', retryable: false };
  let validate: ((value: unknown) => boolean) | null = null;
  if (step.responseSchema) {
    try {
      validate = validatorFor(step.responseSchema);
    } catch (err) {
      return {
        status: 'failed',
        error: `invalid responseSchema: ${(err as Error).message}`,
        retryable: false,
      };
    }
  }
  const calls = await Promise.all(
    step.models.map((target) =>
      callModel(
        gateway,
        ctx,
        {
          ...(target.startsWith('route:') ? { route: target.slice(6) } : { model: target }),
          messages: [{ role: 'user', content: step.prompt }],
          ...(step.responseSchema ? { responseSchema: step.responseSchema } : {}),
        },
        { stream: false },
      ),
    ),
  );
  let tokens = 0;
  let cost = 0;
  const answers: TEnsembleAnswer[] = [];
  const valid: TAnswer[] = [];
  calls.forEach((call, i) => {
    const model = step.models[i] as string;
    if (!call.ok) {
      answers.push({ model, valid: false, error: call.error });
      return;
    }
    const r = call.result;
    tokens += r.usage.inputTokens + r.usage.outputTokens;
    cost += r.cost;
    const ok = validate ? r.object !== undefined && validate(r.object) : true;
    answers.push(validate ? { model, object: r.object, valid: ok } : { model, text: r.text, valid: true });
    if (ok) valid.push({ model, text: r.text, ...(validate ? { object: r.object } : {}) });
  });
  const combined = step.combine === 'consensus' ? combineByConsensus(valid) : combineByVote(valid);
  if (!combined) {
    const reasons = answers.map((a) => `${a.model}: ${a.error ?? 'answer did not match the schema'}`);
    // Only worth retrying when some model failed for a passing reason.
    const retryable = calls.some((c) => !c.ok && c.retryable);
    return { status: 'failed', error: `no valid answer (${reasons.join('; ')})`, retryable };
  }
  const result = combined.winner.object !== undefined ? combined.winner.object : combined.winner.text;
  // Failed or invalid answers count against agreement: two of three agreeing is not full confidence.
  const confidence = round((combined.confidence * valid.length) / step.models.length);
  ctx.log('info', `ensemble ${step.combine ?? 'vote'}: ${valid.length}/${step.models.length} valid answers`);
  return {
    status: 'succeeded',
    output: { result, confidence, model: combined.winner.model, answers },
    tokens,
    cost,
  };
}

const round = (n: number) => Math.round(n * 1000) / 1000;
