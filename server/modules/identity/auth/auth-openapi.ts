import { isPublicAuthEndpoint } from './auth-access.ts';
import { AUTH_BASE_PATH, type TAuth } from './create-auth.ts';

export type TAuthOpenApi = {
  /** Path items keyed by full path (`/api/v1/auth/sign-in/email`), ready to merge into `paths`. */
  paths: Record<string, unknown>;
  /** `components.schemas` (prefixed `Auth…`) and `components.securitySchemes` the paths refer to. */
  schemas: Record<string, unknown>;
  securitySchemes: Record<string, unknown>;
};

/**
 * better-auth's own description of its endpoints (OpenAPI 3.1, from its openAPI plugin), rewritten to sit in
 * FlashFusion's document: full paths under /api/v1/auth, tag `auth`, schema names prefixed so they cannot
 * collide with ours, and each operation's `x-permission` as the router enforces it. Its error responses are described as better-auth answers them (`{ message }`).
 */
export async function authOpenApi(auth: TAuth): Promise<TAuthOpenApi> {
  const doc = await auth.api.generateOpenAPISchema();
  const names = Object.keys(doc.components.schemas);
  // Rewriting the serialised form renames every $ref at once, however deeply it is nested.
  let text = JSON.stringify({ paths: doc.paths, schemas: doc.components.schemas });
  for (const name of names)
    text = text.replaceAll(`"#/components/schemas/${name}"`, `"#/components/schemas/Auth${name}"`);
  const renamed = JSON.parse(text) as {
    paths: Record<string, Record<string, { tags?: string[]; 'x-permission'?: string }>>;
    schemas: Record<string, unknown>;
  };

  const paths: Record<string, unknown> = {};
  for (const [path, item] of Object.entries(renamed.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      operation.tags = ['auth'];
      operation['x-permission'] = isPublicAuthEndpoint(method, path) ? 'public' : 'authenticated';
    }
    paths[`${AUTH_BASE_PATH}${path}`] = item;
  }
  const schemas = Object.fromEntries(
    Object.entries(renamed.schemas).map(([name, schema]) => [`Auth${name}`, schema]),
  );
  return { paths, schemas, securitySchemes: doc.components.securitySchemes };
}
