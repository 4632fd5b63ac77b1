// Members of organizations for tests in any module: identity's own seeding, with an API key when a test talks
// to a real server. Tests only.
import { createApiKey } from '../modules/identity/api-keys/create-api-key.ts';
import { seedMember } from '../modules/identity/identity.test-kit.ts';
import type { TestServer } from './test-server.ts';

export { asActor, seedMember } from '../modules/identity/identity.test-kit.ts';

export type TMember = Awaited<ReturnType<typeof seedMember>> & { key: string };

/** A member of a new (or the given) organization with an API key of the given scopes. */
export async function memberWithKey(
  s: TestServer,
  opts: Parameters<typeof seedMember>[1] & { scopes?: ('read' | 'write' | 'admin')[] } = {},
): Promise<TMember> {
  const member = await seedMember(s.platform.db, { plan: 'enterprise', ...opts });
  const { key } = await createApiKey({
    events: s.platform.events,
    actor: member,
    input: { name: 'e2e', scopes: opts.scopes ?? ['admin'] },
  });
  return { ...member, key };
}
