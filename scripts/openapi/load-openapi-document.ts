import { startTestServer } from '../../server/testing/test-server.ts';
import type { TOpenApiDocument } from './render-api-types.ts';

/** The OpenAPI document exactly as a real server answers GET /api/v1/openapi.json (fresh embedded database). */
export async function loadOpenApiDocument(): Promise<TOpenApiDocument> {
  const server = await startTestServer();
  try {
    const res = await fetch(`${server.url}/api/v1/openapi.json`);
    if (!res.ok) throw new Error(`GET /api/v1/openapi.json answered ${res.status}`);
    return (await res.json()) as TOpenApiDocument;
  } finally {
    await server.stop();
  }
}
