// Shared setup of this folder's tests: a real database, event bus and outbox-only mailer. Tests only.
import { and, desc, eq } from 'drizzle-orm';
import pino from 'pino';
import { type Cache, createMemoryCache } from '../../../platform/cache/index.ts';
import type { Database } from '../../../platform/db/index.ts';
import { createEventBus, domainEvents, type EventBus } from '../../../platform/events/index.ts';
import { createMailer, listOutbox, type Mailer } from '../../../platform/mail/index.ts';
import { createMemoryPubSub } from '../../../platform/pubsub/index.ts';
import { createTestDatabase } from '../../../platform/testing/test-database.ts';
import { organizationMembers } from '../schema.ts';

export const PUBLIC_URL = 'https://app.example.test';

export type TTestContext = {
  db: Database;
  events: EventBus;
  cache: Cache;
  mailer: Mailer;
  close: () => Promise<void>;
};

export async function setupOrganizationsTest(): Promise<TTestContext> {
  const log = pino({ level: 'silent' });
  const { db, cleanup } = await createTestDatabase();
  const events = await createEventBus({ db, pubsub: createMemoryPubSub(), log });
  const mailer = createMailer({ db, from: 'test@localhost', log });
  const cache = createMemoryCache();
  return {
    db,
    events,
    cache,
    mailer,
    close: async () => {
      await events.close();
      await cleanup();
    },
  };
}

/** The token from the newest invitation mail to `to`, read back from the outbox like a user following the link. */
export async function invitationTokenFor(db: Database, to: string): Promise<string> {
  const { rows } = await listOutbox(db, { to, kind: 'invitation', limit: 1, offset: 0 });
  const match = rows[0]?.textBody.match(/\/invitations\/accept\?token=([A-Za-z0-9_-]+)/);
  if (!match?.[1]) throw new Error(`no invitation mail to ${to}`);
  return match[1];
}

/** Stored events of a type in an organization, newest first. */
export async function eventsOf(db: Database, type: string, organizationId: string) {
  return db.orm
    .select()
    .from(domainEvents)
    .where(and(eq(domainEvents.type, type), eq(domainEvents.organizationId, organizationId)))
    .orderBy(desc(domainEvents.occurredAt));
}

export async function roleOf(db: Database, organizationId: string, userId: string) {
  const [row] = await db.orm
    .select({ role: organizationMembers.role })
    .from(organizationMembers)
    .where(
      and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, userId)),
    );
  return row?.role;
}
