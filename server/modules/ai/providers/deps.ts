import type { Secrets } from '../../../platform/crypto/index.ts';
import type { Database } from '../../../platform/db/index.ts';
import type { EventBus } from '../../../platform/events/index.ts';

/** What the AI data routes need from the platform; read on each request, so getters may supply them late. */
export type TAiDataDeps = {
  db: Database;
  events: EventBus;
  secrets: Secrets;
  /** The HTTP client for connection tests (tests point it nowhere else; production uses global fetch). */
  fetchImpl?: typeof fetch;
};

export const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });
