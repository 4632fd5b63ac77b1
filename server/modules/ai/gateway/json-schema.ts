// Checks answers against the JSON Schema a caller asked for. Callers send schemas of every draft; formats
// and unknown keywords are not enforced (strict off), structure, types, enums and bounds are.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { LRUCache } from 'lru-cache';
import { AppError } from '../../../platform/http/index.ts';

const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: false });
const compiled = new LRUCache<string, ValidateFunction>({ max: 500 });

/** The compiled validator of a schema; VALIDATION_ERROR naming `responseSchema` when it is not a usable schema. */
export function schemaValidator(schema: Record<string, unknown>): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    try {
      validate = ajv.compile(schema);
    } catch (err) {
      throw new AppError('VALIDATION_ERROR', 'responseSchema is not a valid JSON Schema', {
        details: [{ field: 'responseSchema', message: (err as Error).message.slice(0, 500) }],
      });
    }
    compiled.set(key, validate);
  }
  return validate;
}

/** Why a value does not satisfy the schema, or null when it does. */
export function schemaViolation(schema: Record<string, unknown>, value: unknown): string | null {
  const validate = schemaValidator(schema);
  if (validate(value)) return null;
  const first = validate.errors?.[0];
  return first
    ? `${first.instancePath || '/'} ${first.message ?? 'is invalid'}`
    : 'does not match the schema';
}
