import { describe, expect, it } from 'vitest';
import type { Database } from '../../../platform/db/index.ts';
import type { EventBus } from '../../../platform/events/index.ts';
import { ACTOR_ROUTERS } from '../identity.test-kit.ts';
import { isAction } from '../permissions/index.ts';
import { projectRoutes } from './routes/index.ts';

type TOperation = { 'x-permission'?: string; tags?: string[]; responses: Record<string, unknown> };

describe('project routes in the OpenAPI document', () => {
  // Building the document needs no database: the routes are only declared.
  const doc = projectRoutes({
    db: {} as Database,
    events: {} as EventBus,
    routers: ACTOR_ROUTERS,
  }).getOpenAPI31Document({
    openapi: '3.1.0',
    info: { title: 'test', version: '0' },
  });
  const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, TOperation>).map(
      ([method, op]) => [`${method.toUpperCase()} ${path}`, op] as const,
    ),
  );

  it('documents every route with its permission and error responses', () => {
    expect(operations.map(([name]) => name).sort()).toEqual(
      [
        'POST /projects',
        'GET /projects',
        'GET /projects/{id}',
        'PATCH /projects/{id}',
        'DELETE /projects/{id}',
        'GET /projects/{id}/members',
        'POST /projects/{id}/members',
        'PATCH /projects/{id}/members/{userId}',
        'DELETE /projects/{id}/members/{userId}',
      ].sort(),
    );
    for (const [name, op] of operations) {
      expect(isAction(op['x-permission'] ?? ''), name).toBe(true);
      expect(op.tags).toEqual(['projects']);
      expect(Object.keys(op.responses)).toContain('400');
      expect(Object.keys(op.responses)).toContain('403');
      if (name.includes('{id}')) expect(Object.keys(op.responses)).toContain('404');
    }
  });
});
