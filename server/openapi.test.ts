import { validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './testing/test-server.ts';

// Paths the document itself and the docs page live at; not API operations.
const NOT_OPERATIONS = ['/api/v1/openapi.json'];

describe('OpenAPI document', () => {
  let s: TestServer;
  let doc: { openapi: string; paths: Record<string, Record<string, unknown>> };
  beforeAll(async () => {
    s = await startTestServer();
    doc = (await (await fetch(`${s.url}/api/v1/openapi.json`)).json()) as typeof doc;
  });
  afterAll(() => s.stop());

  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid, JSON.stringify(result)).toBe(true);
  });

  it('documents every /api/v1 route the app serves', () => {
    const served = s.app.routes
      .filter((r) => r.path.startsWith('/api/v1/') && !r.path.includes('*') && r.method !== 'ALL')
      .filter((r) => !NOT_OPERATIONS.includes(r.path))
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    expect(served.length).toBeGreaterThan(0);
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`)),
    );
    for (const route of served) expect(documented, route).toContain(route);
  });
});
