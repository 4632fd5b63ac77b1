// Test helpers for the collaboration routes: a real database with an event bus and outbox mailer, identity's
// project and organization routes (to make projects, to compare invitations), and ours, each called as a given
// actor. Imported by tests only.
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import type { TParticipant } from '../modules/collaboration/presence/awareness-state.ts';
import { collaborationRoutes } from '../modules/collaboration/routes/collaboration-routes.ts';
import { ACTOR_ROUTERS, asActor } from '../modules/identity/identity.test-kit.ts';
import type { Identity, TActorContext } from '../modules/identity/index.ts';
import { organizationRoutes } from '../modules/identity/organizations/index.ts';
import { projectRoutes } from '../modules/identity/projects/index.ts';
import { createMemoryCache } from '../platform/cache/index.ts';
import { createKeyring } from '../platform/crypto/index.ts';
import { createEventBus } from '../platform/events/index.ts';
import { createMailer, listOutbox } from '../platform/mail/index.ts';
import { createMemoryPubSub } from '../platform/pubsub/index.ts';
import { createTestDatabase } from '../platform/testing/test-database.ts';

export const PUBLIC_URL = 'https://app.example.test';
// biome-ignore lint/suspicious/noExplicitAny: tests read response bodies loosely; the assertions are the check
export type TCall = { status: number; body: Record<string, any> };

export async function createCollabRoutesHarness(opts: { planLimits?: Identity['planLimits'] } = {}) {
  const log = pino({ level: 'silent' });
  const { db, cleanup } = await createTestDatabase();
  const events = await createEventBus({ db, pubsub: createMemoryPubSub(), log });
  const mailer = createMailer({ db, from: 'test@localhost', log });
  const keyring = createKeyring(randomBytes(32));
  const holder: { participantsOf: (projectId: string) => TParticipant[] } = { participantsOf: () => [] };
  const ours = collaborationRoutes({
    routers: ACTOR_ROUTERS,
    db,
    events,
    keyring,
    mailer,
    publicUrl: PUBLIC_URL,
    planLimits: opts.planLimits,
    participantsOf: (id) => holder.participantsOf(id),
  });
  const projects = projectRoutes({ db, events, routers: ACTOR_ROUTERS });
  const organizations = organizationRoutes({
    routers: ACTOR_ROUTERS,
    db,
    events,
    cache: createMemoryCache(),
    mailer,
    planLimits: opts.planLimits,
    publicUrl: PUBLIC_URL,
    defaultPlan: 'unlimited',
  });

  const send = async (
    router: typeof ours,
    actor: TActorContext,
    method: string,
    path: string,
    body?: unknown,
  ) => {
    const res = await asActor(router as never, () => actor).request(`/api/v1${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : {} } as TCall;
  };
  return {
    db,
    keyring,
    holder,
    call: (actor: TActorContext, method: string, path: string, body?: unknown) =>
      send(ours, actor, method, path, body),
    callProjects: (actor: TActorContext, method: string, path: string, body?: unknown) =>
      send(projects as never, actor, method, path, body),
    callOrganizations: (actor: TActorContext, method: string, path: string, body?: unknown) =>
      send(organizations as never, actor, method, path, body),
    /** The token of the newest collaboration invitation mailed to `to`, like a user following the link. */
    async inviteTokenFor(to: string): Promise<string> {
      const { rows } = await listOutbox(db, { to, kind: 'collaboration_invitation', limit: 1, offset: 0 });
      const match = rows[0]?.textBody.match(/\/invitations\/accept\?token=([A-Za-z0-9_-]+)/);
      if (!match?.[1]) throw new Error(`no collaboration invitation mail to ${to}`);
      return match[1];
    },
    close: async () => {
      await events.close();
      await cleanup();
    },
  };
}
