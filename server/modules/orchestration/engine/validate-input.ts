import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { LRUCache } from 'lru-cache';
import { AppError } from '../../../platform/http/index.ts';

// Definitions carry schemas of any draft; formats and unknown keywords are not enforced (strict off).
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
const compiled = new LRUCache<string, ValidateFunction>({ max: 200 });

/** Throws VALIDATION_ERROR naming each violation when the run input does not satisfy the workflow's schema. */
export function assertRunInput(schema: Record<string, unknown> | undefined, input: unknown): void {
  if (!schema) return;
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(key, validate);
  }
  if (validate(input)) return;
  throw new AppError('VALIDATION_ERROR', 'The input does not match the workflow input schema', {
    details: (validate.errors ?? []).slice(0, 20).map((e) => ({
      field: `input${e.instancePath.replaceAll('/', '.')}`,
      message: e.message ?? 'is invalid',
    })),
  });
}
