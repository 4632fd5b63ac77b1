import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_NAMES } from './modules/identity/permissions/index.ts';
import { startTestServer, type TestServer } from './testing/test-server.ts';

// Every operation under /api/v1 names the permission it needs in `x-permission`: an action of the
// permissions catalogue, or 'authenticated' (any signed-in user, no action applies) or 'public'. better-auth's
// own /auth/* endpoints are described by better-auth and excepted.
const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);
const NON_ACTIONS = new Set(['authenticated', 'public']);

describe('every /api/v1 route declares its permission', () => {
  let s: TestServer;
  let paths: Record<string, Record<string, Record<string, unknown>>>;
  beforeAll(async () => {
    s = await startTestServer();
    const res = await fetch(`${s.url}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    paths = ((await res.json()) as { paths: typeof paths }).paths;
  }, 60_000);
  afterAll(() => s?.stop());

  const operations = () =>
    Object.entries(paths)
      .filter(([path]) => path.startsWith('/api/v1/') && !path.startsWith('/api/v1/auth/'))
      .flatMap(([path, item]) =>
        Object.entries(item)
          .filter(([method]) => METHODS.has(method))
          .map(([method, op]) => ({
            name: `${method.toUpperCase()} ${path}`,
            permission: op['x-permission'],
          })),
      );

  it('finds the identity operations (the document is the one under test)', () => {
    const names = operations().map((o) => o.name);
    expect(names).toContain('GET /api/v1/projects');
    expect(names).toContain('POST /api/v1/tokens/refresh');
    expect(names.length).toBeGreaterThan(30);
  });

  it('has x-permission on every operation, naming a catalogue action or authenticated/public', () => {
    const actions = new Set<string>(ACTION_NAMES);
    const missing = operations()
      .filter((o) => typeof o.permission !== 'string')
      .map((o) => o.name);
    expect(missing, 'operations without x-permission').toEqual([]);
    const unknown = operations()
      .filter(
        (o) =>
          typeof o.permission === 'string' && !actions.has(o.permission) && !NON_ACTIONS.has(o.permission),
      )
      .map((o) => `${o.name}: ${String(o.permission)}`);
    expect(unknown, 'x-permission values that are not actions').toEqual([]);
  });
});
