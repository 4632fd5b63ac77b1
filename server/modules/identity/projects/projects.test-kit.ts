// Test helpers for the project tests: a database with an event bus, the routes as a given actor, and a JSON
// request helper. Imported by tests only.
import pino from 'pino';
import type { Database } from '../../../platform/db/index.ts';
import { createEventBus, type EventBus } from '../../../platform/events/index.ts';
import { createMemoryPubSub } from '../../../platform/pubsub/index.ts';
import { createTestDatabase } from '../../../platform/testing/test-database.ts';
import type { TActorContext } from '../actor.ts';
import { ACTOR_ROUTERS, asActor } from '../identity.test-kit.ts';
import { projectRoutes } from './routes/index.ts';

export type TCall = {
  status: number;
  body: Record<string, unknown> & {
    error?: { code: string; message: string; details: { field?: string; message: string }[] };
  };
};

export type TProjectsHarness = {
  db: Database;
  events: EventBus;
  /** Sends a request to /api/v1<path> as `actor`; a `body` is sent as JSON. */
  call: (actor: TActorContext, method: string, path: string, body?: unknown) => Promise<TCall>;
  close: () => Promise<void>;
};

export async function createProjectsHarness(): Promise<TProjectsHarness> {
  const { db, cleanup } = await createTestDatabase();
  const events = await createEventBus({ db, pubsub: createMemoryPubSub(), log: pino({ level: 'silent' }) });
  const routes = projectRoutes({ db, events, routers: ACTOR_ROUTERS });
  const call = async (actor: TActorContext, method: string, path: string, body?: unknown): Promise<TCall> => {
    const res = await asActor(routes, () => actor).request(`/api/v1${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as TCall['body']) : {} };
  };
  return {
    db,
    events,
    call,
    close: async () => {
      await events.close();
      await cleanup();
    },
  };
}
