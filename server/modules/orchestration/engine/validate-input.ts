import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { LRUCache } from 'lru-cache';
import { AppError } from '../../../platform/http/index.ts';

// Definitions carry schemas of any draft; formats and unknown keywords are not enforced (strict off).
// useDefaults fills properties the caller left out with the schema's `default`, so templates can rely on them.
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true, useDefaults: true });
const compiled = new LRUCache<string, ValidateFunction>({ max: 200 });

/**
 * The run input as the run keeps it: a copy of `input` with the schema's defaults filled in. Throws
 * VALIDATION_ERROR naming each violation when it does not satisfy the workflow's input schema.
 */
export function resolveRunInput(schema: Record<string, unknown> | undefined, input: unknown): unknown {
  if (!schema) return input;
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(key, validate);
  }
  // Defaults are written into the data being validated: never into the caller's object.
  const data = structuredClone(input);
  if (validate(data)) return data;
  throw new AppError('VALIDATION_ERROR', 'The input does not match the workflow input schema', {
    details: (validate.errors ?? []).slice(0, 20).map((e) => ({
      field: `input${e.instancePath.replaceAll('/', '.')}`,
      message: e.message ?? 'is invalid',
    })),
  });
}
