import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE } from './api-types-file.ts';
import { loadOpenApiDocument } from './load-openapi-document.ts';
import { renderApiTypes } from './render-api-types.ts';

describe('web API types', () => {
  it('web/src/lib/api-schema.gen.ts matches the server OpenAPI document (run `npm run gen:api` if not)', async () => {
    const expected = await renderApiTypes(await loadOpenApiDocument());
    const actual = await readFile(API_TYPES_FILE, 'utf8');
    // A plain equality keeps the failure message short; the fix is always the same command.
    expect(actual === expected, 'api-schema.gen.ts is stale: run `npm run gen:api` and commit it').toBe(true);
  }, 120_000);

  it('lays out parameters, bodies and responses as openapi-fetch expects', async () => {
    const source = await renderApiTypes({
      paths: {
        '/api/v1/things/{id}': {
          patch: {
            parameters: [
              { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
              { name: 'dryRun', in: 'query', schema: { type: 'boolean' } },
            ],
            requestBody: {
              required: true,
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
            },
            responses: {
              '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
              '204': {},
              '404': { content: { 'application/json': { schema: { type: 'object' } } } },
            },
          },
        },
      },
      components: {
        schemas: {
          Thing: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
          ErrorEnvelope: { type: 'object' },
        },
      },
    });
    expect(source).toContain('export interface Thing {\nname: string\n}');
    expect(source).toContain(
      'parameters: { query?: PatchThingsByIdQuery; header?: never; path: PatchThingsByIdPath; cookie?: never };',
    );
    expect(source).toContain('requestBody: { content: { "application/json": Thing } };');
    expect(source).toContain(
      '200: { headers: { [name: string]: unknown }; content: { "application/json": Thing } };',
    );
    expect(source).toContain('204: { headers: { [name: string]: unknown }; content?: never };');
    expect(source).toContain(
      '404: { headers: { [name: string]: unknown }; content: { "application/json": ErrorEnvelope } };',
    );
    expect(source).toMatch(/export interface PatchThingsByIdQuery \{\ndryRun\?: boolean\n\}/);
  });
});
