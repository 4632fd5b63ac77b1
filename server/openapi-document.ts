import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { ZErrorEnvelopeSchema } from '../contracts/errors.ts';
import type { Identity } from './modules/identity/create-identity.ts';
import type { TAppEnv } from './platform/http/index.ts';
import { VERSION } from './platform/version.ts';

const cache = new WeakMap<object, Promise<Record<string, unknown>>>();

/**
 * The one OpenAPI 3.1 document: every route declared with @hono/zod-openapi, plus better-auth's endpoints
 * (described by its own generator). Errors of the auth endpoints are answered in FlashFusion's envelope, so
 * their error responses are described with it. Built once per process.
 */
export function openApiDocument(
  app: OpenAPIHono<TAppEnv>,
  identity: Identity,
  publicUrl: string,
): Promise<Record<string, unknown>> {
  const existing = cache.get(app);
  if (existing) return existing;
  const built = (async () => {
    const doc = app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: {
        title: 'FlashFusion API',
        version: VERSION,
        description: 'Self-hostable, multi-tenant AI platform. Errors use the envelope of SPEC §2.',
      },
      servers: [{ url: publicUrl }],
    }) as unknown as {
      paths: Record<string, unknown>;
      components?: { schemas?: Record<string, unknown>; securitySchemes?: Record<string, unknown> };
    };
    const auth = await identity.openApi();
    const envelope = { $ref: '#/components/schemas/ErrorEnvelope' };
    for (const item of Object.values(auth.paths) as Record<
      string,
      { responses?: Record<string, unknown> }
    >[]) {
      for (const op of Object.values(item)) {
        for (const [status, response] of Object.entries(op.responses ?? {})) {
          if (Number(status) >= 400) {
            op.responses![status] = {
              description: (response as { description?: string }).description ?? 'Error',
              content: { 'application/json': { schema: envelope } },
            };
          }
        }
      }
    }
    return {
      ...doc,
      paths: { ...doc.paths, ...auth.paths },
      components: {
        ...doc.components,
        schemas: {
          ...doc.components?.schemas,
          ...auth.schemas,
          ErrorEnvelope: z.toJSONSchema(ZErrorEnvelopeSchema),
        },
        securitySchemes: { ...doc.components?.securitySchemes, ...auth.securitySchemes },
      },
    };
  })();
  cache.set(app, built);
  return built;
}
