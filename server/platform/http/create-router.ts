import { OpenAPIHono } from '@hono/zod-openapi';
import type { Env } from 'hono';
import { validationError } from './error-envelope.ts';
import type { TAppEnv } from './types.ts';

/**
 * A router whose request validation failures become VALIDATION_ERROR envelopes, for every module's routes.
 * Throwing (rather than answering here) sends them through the one onError, like every other error.
 */
export function createRouter<E extends Env = TAppEnv>(): OpenAPIHono<E> {
  return new OpenAPIHono<E>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.target, result.error.issues);
    },
  });
}
